package dev.orgbff.member;

import java.util.List;

import dev.orgbff.graphql.error.UserError;

/**
 * The result of {@code addOrganizationMembers}.
 *
 * @param members the members added, with their roles, in the order asked for
 * @param userErrors why some (or all) were not added; empty on full success
 */
public record AddOrganizationMembersPayload(List<Member> members, List<UserError> userErrors) {

    static AddOrganizationMembersPayload failed(List<UserError> userErrors) {
        return new AddOrganizationMembersPayload(List.of(), userErrors);
    }
}
