package dev.orgbff.member;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;

/**
 * The result of {@code removeOrganizationMember}.
 *
 * @param removedUserId the user who is no longer a member, or {@code null} when {@code userErrors} is not empty
 * @param userErrors why the member was not removed; empty on success
 */
public record RemoveOrganizationMemberPayload(@Nullable String removedUserId, List<UserError> userErrors) {

    static RemoveOrganizationMemberPayload removed(String userId) {
        return new RemoveOrganizationMemberPayload(userId, List.of());
    }

    static RemoveOrganizationMemberPayload failed(UserError error) {
        return new RemoveOrganizationMemberPayload(null, List.of(error));
    }
}
