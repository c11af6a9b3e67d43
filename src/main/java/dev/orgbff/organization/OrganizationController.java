package dev.orgbff.organization;

import java.util.List;
import java.util.Set;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationTemplate;
import dev.orgbff.security.OrganizationAccess;
import dev.orgbff.security.Viewer;

/**
 * Maps {@code Query.organization}, {@code Mutation.createOrganization} and the viewer-specific fields of
 * {@code Organization}. {@code viewerRoles}, {@code viewerPermissions} and {@code createOrganization} share
 * the request's {@code organizationTemplate} DataLoader, so any number of organizations costs one template
 * call: no N+1.
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
    Mono<Organization> organization(@Argument String id, @AuthenticationPrincipal Jwt caller,
            DataLoader<String, List<Organization>> userOrganizations) {
        return organizations.find(Viewer.of(caller), id, userOrganizations);
    }

    @MutationMapping
    Mono<CreateOrganizationPayload> createOrganization(@Argument CreateOrganizationInput input, @AuthenticationPrincipal Jwt caller,
            DataLoader<String, OrganizationTemplate> organizationTemplate) {
        return organizations.create(Viewer.of(caller), input, organizationTemplate);
    }

    @SchemaMapping
    Mono<List<OrganizationRole>> viewerRoles(Organization organization, DataLoader<String, OrganizationTemplate> organizationTemplate) {
        return access.roles(organization, organizationTemplate);
    }

    @SchemaMapping
    Mono<Set<String>> viewerPermissions(Organization organization, @AuthenticationPrincipal Jwt caller,
            DataLoader<String, OrganizationTemplate> organizationTemplate) {
        return access.permissions(Viewer.of(caller), organization, organizationTemplate);
    }
}
