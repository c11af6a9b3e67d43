package dev.orgbff.organization;

import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.security.Caller;

/**
 * Maps {@code Query.organization}, the organization mutations, the viewer-specific fields of
 * {@code Organization} and its just-in-time settings. The viewer fields of any number of organizations share the request's one
 * memberships call and one template call: no N+1. {@code Query.organization} starts its members and invitations reads
 * alongside the membership check ({@link OrganizationLookAhead}).
 */
@Controller
class OrganizationController {

    private final OrganizationService organizations;
    private final OrganizationAccess access;
    private final JitService jit;
    private final OrganizationLookAhead lookAhead;

    OrganizationController(OrganizationService organizations, OrganizationAccess access, JitService jit, OrganizationLookAhead lookAhead) {
        this.organizations = organizations;
        this.access = access;
        this.jit = jit;
        this.lookAhead = lookAhead;
    }

    @QueryMapping
    Mono<Organization> organization(@Argument String id, Caller caller, DataFetchingEnvironment environment) {
        Mono<Organization> organization = access.organization(caller, id);
        lookAhead.start(caller, id, environment);
        return organization;
    }

    @MutationMapping
    Mono<CreateOrganizationPayload> createOrganization(@Argument CreateOrganizationInput input, Caller caller) {
        return organizations.create(caller, input);
    }

    @MutationMapping
    Mono<UpdateOrganizationPayload> updateOrganization(@Argument UpdateOrganizationInput input, Caller caller) {
        return organizations.update(caller, input);
    }

    @MutationMapping
    Mono<DeleteOrganizationPayload> deleteOrganization(@Argument DeleteOrganizationInput input, Caller caller) {
        return organizations.delete(caller, input);
    }

    @MutationMapping
    Mono<UpdateJitSettingsPayload> updateJitSettings(@Argument UpdateJitSettingsInput input, Caller caller) {
        return jit.update(caller, input);
    }

    @SchemaMapping
    Mono<JitSettings> jit(Organization organization, Caller caller) {
        return jit.settings(caller, organization.id());
    }

    @SchemaMapping(typeName = "JitSettings")
    Mono<List<OrganizationRole>> roles(JitSettings settings, Caller caller) {
        return jit.roles(caller, settings);
    }

    @SchemaMapping
    Mono<Boolean> isViewerTokenStale(Organization organization, Caller caller) {
        return access.isViewerTokenStale(caller, organization.id());
    }
}
