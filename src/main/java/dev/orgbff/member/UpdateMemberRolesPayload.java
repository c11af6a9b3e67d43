package dev.orgbff.member;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;

/**
 * The result of {@code updateMemberRoles}.
 *
 * @param member the member with their new roles, or {@code null} when {@code userErrors} is not empty
 * @param userErrors why the roles were not changed; empty on success
 */
public record UpdateMemberRolesPayload(@Nullable Member member, List<UserError> userErrors) {

    static UpdateMemberRolesPayload updated(Member member) {
        return new UpdateMemberRolesPayload(member, List.of());
    }

    static UpdateMemberRolesPayload failed(UserError error) {
        return new UpdateMemberRolesPayload(null, List.of(error));
    }

    static UpdateMemberRolesPayload failed(List<UserError> errors) {
        return new UpdateMemberRolesPayload(null, errors);
    }
}
