package dev.orgbff.invitation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;

/**
 * The result of {@code acceptInvitation}; its {@code organization} field is read anew (the viewer just
 * joined it), so it shows the viewer's new roles.
 *
 * @param organizationId the organization the viewer belongs to now, or {@code null} when {@code userErrors} is not empty
 * @param userErrors why the invitation was not accepted; empty on success
 */
public record AcceptInvitationPayload(@Nullable String organizationId, List<UserError> userErrors) {

    static AcceptInvitationPayload joined(String organizationId) {
        return new AcceptInvitationPayload(organizationId, List.of());
    }

    static AcceptInvitationPayload failed(UserError error) {
        return new AcceptInvitationPayload(null, List.of(error));
    }
}
