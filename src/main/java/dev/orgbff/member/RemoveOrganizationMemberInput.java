package dev.orgbff.member;

/**
 * The argument of {@code removeOrganizationMember}.
 *
 * @param organizationId the organization
 * @param userId the member to remove
 */
public record RemoveOrganizationMemberInput(String organizationId, String userId) {
}
