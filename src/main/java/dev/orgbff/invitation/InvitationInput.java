package dev.orgbff.invitation;

/**
 * The argument of {@code resendInvitation}, {@code revokeInvitation}, {@code acceptInvitation} and
 * {@code declineInvitation} (the GraphQL input types {@code ResendInvitationInput} and so on).
 *
 * @param invitationId the invitation
 */
public record InvitationInput(String invitationId) {
}
