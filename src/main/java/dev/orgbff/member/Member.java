package dev.orgbff.member;

import java.util.List;

import dev.orgbff.logto.OrganizationMember;
import dev.orgbff.logto.User;

/**
 * A member of an organization: the user and their roles there (roles live on the membership, not on the
 * user). Backs the GraphQL type {@code Member}.
 *
 * @param organizationId the organization
 * @param user the member's user fields, as the members list returned them
 * @param roleIds the member's organization role ids there
 */
public record Member(String organizationId, User user, List<String> roleIds) {

    /** A member as a row of {@code GET /api/organizations/{id}/users} shows them. */
    static Member of(String organizationId, OrganizationMember row) {
        return new Member(organizationId, row.user(), row.roleIds());
    }

    /** Whether this member is the user with this id. */
    boolean isUser(String userId) {
        return user.id().equals(userId);
    }
}
