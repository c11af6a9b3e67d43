package dev.orgbff.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationTemplate;

/**
 * The caller's organizations, roles and permissions, read live from Logto through the per-request
 * DataLoaders of {@link AccessLoaders}, so that every field and check of one request shares one upstream
 * call per kind of data. Roles come from the caller's membership; permissions are the union of those
 * roles' organization scopes in the template, narrowed by an organization-scoped token
 * ({@link Viewer#effectivePermissions}).
 */
@Component
public class OrganizationAccess {

    /**
     * Every organization the viewer belongs to, each carrying the viewer's roles there, in no particular
     * order. Costs {@code GET /api/users/{userId}/organizations} once per request.
     *
     * @param userOrganizations the request's {@code userOrganizations} DataLoader
     */
    public Mono<List<Organization>> organizations(Viewer viewer, DataLoader<String, List<Organization>> userOrganizations) {
        return Mono.fromFuture(() -> userOrganizations.load(viewer.userId())).defaultIfEmpty(List.of());
    }

    /**
     * The organization with this id, carrying the viewer's roles, if the viewer is a member and their
     * token may act there; empty otherwise. A missing organization, one the viewer is not a member of and
     * one their token is not scoped to are not told apart.
     */
    public Mono<Organization> membership(Viewer viewer, String organizationId,
            DataLoader<String, List<Organization>> userOrganizations) {
        if (!viewer.mayAct(organizationId)) {
            return Mono.empty();
        }
        return organizations(viewer, userOrganizations)
                .flatMap(organizations -> Mono.justOrEmpty(organizations.stream()
                        .filter(organization -> organization.id().equals(organizationId))
                        .findFirst()));
    }

    /**
     * The organization template: every role with its permissions. Costs {@code GET /api/organization-roles}
     * (all pages) once per request.
     *
     * @param organizationTemplate the request's {@code organizationTemplate} DataLoader
     */
    public Mono<OrganizationTemplate> template(DataLoader<String, OrganizationTemplate> organizationTemplate) {
        return Mono.fromFuture(() -> organizationTemplate.load(AccessLoaders.TEMPLATE_KEY));
    }

    /**
     * The viewer's roles in an organization obtained from {@link #membership} or {@link #organizations},
     * as template roles with descriptions, sorted by name.
     */
    public Mono<List<OrganizationRole>> roles(Organization organization, DataLoader<String, OrganizationTemplate> organizationTemplate) {
        return template(organizationTemplate).map(template -> template.roles(organization.organizationRoleIds()));
    }

    /**
     * The viewer's effective organization permissions (organization scopes) there, sorted by name: the
     * union of their roles' permissions, narrowed by an organization-scoped token.
     */
    public Mono<Set<String>> permissions(Viewer viewer, Organization organization,
            DataLoader<String, OrganizationTemplate> organizationTemplate) {
        return roles(organization, organizationTemplate)
                .map(roles -> roles.stream().flatMap(role -> role.permissions().stream()).collect(Collectors.toSet()))
                .map(permissions -> viewer.effectivePermissions(organization.id(), permissions));
    }
}
