package dev.orgbff.invitation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The argument of {@code inviteMembers}.
 *
 * @param organizationId the organization to invite to
 * @param emails 1 to 50 addresses, checked one by one
 * @param roleIds the roles every invitee gets on acceptance; at least one
 * @param expiresInDays how long the invitations can be accepted, 1 to 30 days; {@code null} for 7
 */
public record InviteMembersInput(String organizationId, List<String> emails, List<String> roleIds, @Nullable Integer expiresInDays) {
}
