package dev.orgbff.logto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One row of {@code GET /api/organizations/{id}/users}: a member with their roles in that organization.
 *
 * @param user the member's user fields
 * @param organizationRoles the member's roles there, sorted by name; empty when they hold none
 */
public record OrganizationMember(@JsonUnwrapped User user, List<OrganizationRoleRef> organizationRoles) {

    /** The ids of {@link #organizationRoles()}. */
    public List<String> roleIds() {
        return organizationRoles.stream().map(OrganizationRoleRef::id).toList();
    }
}
