package dev.orgbff.logto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One row of {@code GET /api/users/{userId}/organizations}: an organization the user belongs to, with the
 * user's roles there.
 *
 * @param organization the organization's own fields
 * @param organizationRoles the user's roles in it, sorted by name; empty when they hold none
 */
public record UserOrganization(@JsonUnwrapped Organization organization, List<OrganizationRoleRef> organizationRoles) {

    /** The ids of {@link #organizationRoles()}. */
    public List<String> roleIds() {
        return organizationRoles.stream().map(OrganizationRoleRef::id).toList();
    }
}
