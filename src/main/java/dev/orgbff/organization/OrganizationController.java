package dev.orgbff.organization;

import java.util.List;
import java.util.Set;

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
 * Maps {@code Query.organization}, the organization mutations and the viewer-specific fields of
 * {@code Organization}. The viewer fields of any number of organizations share the request's one
 * memberships call and one template call: no N+1.
 */
@Controller
class OrganizationController {

    private final OrganizationService organizations;
    private final OrganizationAccess access;

    OrganizationController(OrganizationService organizations, OrganizationAccess access) {
        this.organizations = organizations;
        this.access = access;
    }

    @QueryMapping
    Mono<Organization> organization(@Argument String id, Caller caller) {
        return access.organization(caller, id);
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

    @SchemaMapping
    Mono<List<OrganizationRole>> viewerRoles(Organization organization, Caller caller) {
        return access.viewerRoles(caller, organization.id());
    }

    @SchemaMapping
    Mono<Set<String>> viewerPermissions(Organization organization, Caller caller) {
        return access.viewerPermissions(caller, organization.id());
    }

    @SchemaMapping
    Mono<Boolean> isViewerTokenStale(Organization organization, Caller caller) {
        return access.isViewerTokenStale(caller, organization.id());
    }
}
