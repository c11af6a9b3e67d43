package dev.orgbff.organization;

/**
 * The argument of {@code deleteOrganization}.
 *
 * @param organizationId the organization to delete, with its memberships and invitations
 */
public record DeleteOrganizationInput(String organizationId) {
}
