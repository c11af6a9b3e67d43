package dev.orgbff.logto;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Logto organization, as {@code GET /api/organizations/{id}} and {@code GET /api/users/{userId}/organizations}
 * answer it. Backs the GraphQL type {@code Organization}.
 *
 * @param id 12 characters {@code [0-9a-z]}
 * @param name 1 to 128 characters; not unique
 * @param description at most 256 characters
 * @param customData any JSON object; Logto replaces it whole on PATCH
 * @param isMfaRequired whether members need an MFA factor to get an organization token
 * @param createdAt epoch milliseconds
 * @param organizationRoles the roles of the user whose organizations were listed, sorted by name; only
 *     {@code GET /api/users/{userId}/organizations} sends it, elsewhere it is {@code null}
 */
public record Organization(
        String id,
        String name,
        @Nullable String description,
        @Nullable Map<String, Object> customData,
        boolean isMfaRequired,
        long createdAt,
        @Nullable List<OrganizationRoleRef> organizationRoles) {

    /** This organization with {@code roles} as the user's roles in it. */
    public Organization withOrganizationRoles(List<OrganizationRoleRef> roles) {
        return new Organization(id, name, description, customData, isMfaRequired, createdAt, roles);
    }

    /** The ids of {@link #organizationRoles()}; empty when they are unknown. */
    public List<String> organizationRoleIds() {
        return organizationRoles == null ? List.of() : organizationRoles.stream().map(OrganizationRoleRef::id).toList();
    }
}
