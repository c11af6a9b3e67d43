package dev.orgbff.member;

/**
 * The argument of {@code leaveOrganization}.
 *
 * @param organizationId the organization the viewer leaves
 */
public record LeaveOrganizationInput(String organizationId) {
}
