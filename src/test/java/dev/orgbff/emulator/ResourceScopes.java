package dev.orgbff.emulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The API resources a sign-in may ask for and the permissions a user holds on them, as Logto's
 * {@code findResource} / {@code findResourceScopes} ({@code packages/core/src/oidc/resource.ts}) and
 * {@code findUserScopesForResourceIndicator} ({@code packages/core/src/libraries/user.ts}) work them out: a
 * user's scopes on a resource come from their organization roles' resource scopes (in every organization, or in
 * one), since the emulator has no global user roles. Known resources are the BFF's
 * ({@link LogtoEmulator#DEFAULT_API_RESOURCE}, always registered in the emulated tenant), the Management API, the
 * reserved organization resource (whose scopes are every organization permission) and any resource seeded with
 * {@link LogtoEmulator#createApiResource}.
 */
final class ResourceScopes {

    /** Logto's {@code ReservedResource.Organization} ({@code packages/toolkit/core-kit/src/openid.ts}). */
    static final String ORGANIZATION_RESOURCE = "urn:logto:resource:organizations";

    private final TenantState state;

    ResourceScopes(TenantState state) {
        this.state = state;
    }

    /** True when {@code indicator} names an API resource of the tenant; otherwise Logto answers {@code invalid_target}. */
    boolean known(String indicator) {
        return LogtoEmulator.DEFAULT_API_RESOURCE.equals(indicator) || LogtoEmulator.MANAGEMENT_RESOURCE.equals(indicator)
                || ORGANIZATION_RESOURCE.equals(indicator) || resourceId(indicator) != null;
    }

    /**
     * The names of the permissions the user holds on a resource, through their organization roles in
     * {@code organizationId}, or in every organization when it is null.
     */
    Set<String> userScopes(String indicator, String userId, @Nullable String organizationId) {
        if (ORGANIZATION_RESOURCE.equals(indicator)) {
            Set<String> names = new LinkedHashSet<>();
            state.scopes().stream().forEach(scope -> names.add(scope.name()));
            return names;
        }
        String resourceId = resourceId(indicator);
        Set<String> names = new LinkedHashSet<>();
        if (resourceId == null) {
            return names;
        }
        List<String> organizationIds = organizationId == null ? state.organizationIdsOf(userId) : List.of(organizationId);
        for (String organization : organizationIds) {
            for (String roleId : state.memberRoleIds(organization, userId)) {
                state.roleResourceScopes().get(roleId).stream()
                        .map(state.apiScopes()::get)
                        .filter(Objects::nonNull)
                        .filter(scope -> scope.resourceId().equals(resourceId))
                        .forEach(scope -> names.add(scope.name()));
            }
        }
        return names;
    }

    /** The organization permissions (scope names) the user holds in one organization; none for a non-member. */
    Set<String> organizationPermissions(String organizationId, String userId) {
        Set<String> names = new LinkedHashSet<>();
        for (String roleId : state.memberRoleIds(organizationId, userId)) {
            state.roleScopes().get(roleId).stream()
                    .map(state.scopes()::get)
                    .filter(Objects::nonNull)
                    .forEach(scope -> names.add(scope.name()));
        }
        return names;
    }

    private @Nullable String resourceId(String indicator) {
        ApiResource resource = state.apiResources().find(candidate -> candidate.indicator().equals(indicator));
        return resource == null ? null : resource.id();
    }
}
