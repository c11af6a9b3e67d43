package dev.orgbff.member;

import java.util.List;
import java.util.Set;

import dev.orgbff.logto.OrganizationMember;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.User;
import dev.orgbff.template.OrganizationTemplate;

/**
 * A member of an organization: the user and their roles there (roles live on the membership, not on the
 * user). Backs the GraphQL type {@code Member}, every field of which it answers in hand: a page of 100 members
 * resolves some 1,000 fields, and each one resolved through a controller method and a {@code Mono} cost more
 * CPU than the data it showed.
 *
 * @param organizationId the organization
 * @param user the member's user fields, as the members list returned them
 * @param roleIds the member's organization role ids there
 * @param template the request's organization template, which names the roles and their permissions
 * @param isViewer whether the member is the viewer
 */
public record Member(String organizationId, User user, List<String> roleIds, OrganizationTemplate template, boolean isViewer) {

    /** A member as a row of {@code GET /api/organizations/{id}/users} shows them, to the viewer with this user id. */
    static Member of(String organizationId, OrganizationMember row, OrganizationTemplate template, String viewerId) {
        return new Member(organizationId, row.user(), row.roleIds(), template, row.user().id().equals(viewerId));
    }

    /** The member's roles, sorted by name (roles deleted from the template since are left out). */
    public List<OrganizationRole> roles() {
        return template.roles(roleIds);
    }

    /** The member's organization permissions, sorted: their roles' (no token of theirs narrows them). */
    public Set<String> permissions() {
        return template.permissions(roleIds);
    }

    /** Whether this member is the user with this id. */
    boolean isUser(String userId) {
        return user.id().equals(userId);
    }
}
