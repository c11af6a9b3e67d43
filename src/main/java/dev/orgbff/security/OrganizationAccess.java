package dev.orgbff.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;

/**
 * The caller's organizations, roles and permissions, read live from Logto through the per-request
 * DataLoaders of {@link AccessLoaders} (so several fields or checks in one request share one upstream
 * call). Roles come from the caller's membership; permissions are the union of those roles' organization
 * scopes in the template, narrowed by an organization-scoped token ({@link Viewer#effectivePermissions}).
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
     * The organization with this id if the viewer is a member, carrying the viewer's roles; empty when the
     * viewer is not a member or it does not exist (the two are not told apart).
     */
    public Mono<Organization> membership(Viewer viewer, String organizationId,
            DataLoader<String, List<Organization>> userOrganizations) {
        return organizations(viewer, userOrganizations)
                .flatMap(organizations -> Mono.justOrEmpty(organizations.stream()
                        .filter(organization -> organization.id().equals(organizationId))
                        .findFirst()));
    }

    /**
     * The viewer's roles in an organization obtained from {@link #membership} or {@link #organizations},
     * as template roles with descriptions, sorted by name. Costs the template once per request.
     *
     * @param organizationRoles the request's {@code organizationRoles} DataLoader
     */
    public Mono<List<OrganizationRole>> roles(Organization organization, DataLoader<String, OrganizationRole> organizationRoles) {
        return Mono.fromFuture(() -> organizationRoles.loadMany(organization.organizationRoleIds()))
                .map(roles -> roles.stream()
                        .filter(Objects::nonNull)
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .toList());
    }

    /**
     * The viewer's effective organization permissions (org scopes) there, sorted by name: the union of
     * their roles' permissions, narrowed by an organization-scoped token.
     */
    public Mono<Set<String>> permissions(Viewer viewer, Organization organization,
            DataLoader<String, OrganizationRole> organizationRoles) {
        return roles(organization, organizationRoles)
                .map(roles -> roles.stream().flatMap(role -> role.permissions().stream()).collect(Collectors.toSet()))
                .map(permissions -> viewer.effectivePermissions(organization.id(), permissions));
    }
}
