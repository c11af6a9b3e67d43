package dev.orgbff.invitation;

import java.util.List;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.logto.Invitation;

/**
 * The result of {@code inviteMembers}.
 *
 * @param invitations the invitations created, in the order of the emails
 * @param pendingInvitations the pending invitations that already existed for some of the addresses
 *     (each reported as {@code INVITATION_PENDING}), so that a UI can offer to resend them
 * @param userErrors why some addresses were not invited or not emailed; empty on full success
 */
public record InviteMembersPayload(List<Invitation> invitations, List<Invitation> pendingInvitations, List<UserError> userErrors) {

    static InviteMembersPayload failed(List<UserError> userErrors) {
        return new InviteMembersPayload(List.of(), List.of(), userErrors);
    }
}
