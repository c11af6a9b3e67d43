package dev.orgbff.logto;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An organization invitation, as {@code /api/organization-invitations} answers it. Backs the GraphQL type
 * {@code Invitation}.
 *
 * @param id 21 characters {@code [0-9a-z]}
 * @param inviterId the user who invited, or {@code null}
 * @param invitee the invited email address, as it was sent (this service sends it lower-cased)
 * @param acceptedUserId the user who accepted it, or {@code null}
 * @param organizationId the organization it invites to
 * @param status the status as of the read ({@code Expired} is computed on read)
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 * @param expiresAt epoch milliseconds
 * @param organizationRoles the roles the invitee gets on acceptance
 */
public record Invitation(
        String id,
        @Nullable String inviterId,
        String invitee,
        @Nullable String acceptedUserId,
        String organizationId,
        InvitationStatus status,
        long createdAt,
        long updatedAt,
        long expiresAt,
        List<OrganizationRoleRef> organizationRoles) {

    /** The ids of {@link #organizationRoles()}. */
    public List<String> roleIds() {
        return organizationRoles.stream().map(OrganizationRoleRef::id).toList();
    }
}
