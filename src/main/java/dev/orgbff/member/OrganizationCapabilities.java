package dev.orgbff.member;

/**
 * What the viewer may do in an organization, computed by the same checks the mutations run, so that a UI
 * offers only what will work. Backs the GraphQL type {@code OrganizationCapabilities}.
 *
 * @param updateOrganization {@code updateOrganization} passes its permission check
 * @param deleteOrganization {@code deleteOrganization} passes its permission check
 * @param addMembers {@code addOrganizationMembers} passes its permission check
 * @param updateMemberRoles {@code updateMemberRoles} passes its permission check (per member, the role
 *     and outranking guards still apply)
 * @param removeMembers {@code removeOrganizationMember} passes its permission check (per member, the
 *     outranking and last-admin guards still apply)
 * @param leave {@code leaveOrganization} would succeed: false for the last member holding the admin role
 */
public record OrganizationCapabilities(boolean updateOrganization, boolean deleteOrganization, boolean addMembers,
        boolean updateMemberRoles, boolean removeMembers, boolean leave) {

    /** Nothing: the viewer is not a member, or their token may not act in the organization. */
    static final OrganizationCapabilities NONE = new OrganizationCapabilities(false, false, false, false, false, false);
}
