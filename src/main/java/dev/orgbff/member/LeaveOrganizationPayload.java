package dev.orgbff.member;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;

/**
 * The result of {@code leaveOrganization}.
 *
 * @param leftOrganizationId the organization the viewer no longer belongs to, or {@code null} when
 *     {@code userErrors} is not empty
 * @param userErrors why the viewer is still a member; empty on success
 */
public record LeaveOrganizationPayload(@Nullable String leftOrganizationId, List<UserError> userErrors) {

    static LeaveOrganizationPayload left(String organizationId) {
        return new LeaveOrganizationPayload(organizationId, List.of());
    }

    static LeaveOrganizationPayload failed(UserError error) {
        return new LeaveOrganizationPayload(null, List.of(error));
    }
}
