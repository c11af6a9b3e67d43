package dev.orgbff.invitation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.logto.Invitation;

/**
 * The result of {@code resendInvitation}, {@code revokeInvitation} and {@code declineInvitation} (the
 * GraphQL types {@code ResendInvitationPayload} and so on, which share this shape).
 *
 * @param invitation the invitation as it is now (for a resend after expiry: the new one), or {@code null}
 *     when nothing was done
 * @param userErrors why nothing was done, or that the email was not sent
 */
public record InvitationPayload(@Nullable Invitation invitation, List<UserError> userErrors) {

    static InvitationPayload of(Invitation invitation) {
        return new InvitationPayload(invitation, List.of());
    }

    static InvitationPayload failed(UserError error) {
        return new InvitationPayload(null, List.of(error));
    }
}
