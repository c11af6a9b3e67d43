package dev.orgbff.member;

/**
 * What the viewer may do in an organization, computed by the same checks the mutations run, so that a UI
 * offers only what will work. Backs the GraphQL type {@code OrganizationCapabilities}; its {@code leave}
 * field is resolved on its own, because only it costs a Logto call (the last-admin guard's admin count).
 *
 * @param organizationId the organization
 * @param updateOrganization {@code updateOrganization} passes its permission check
 * @param deleteOrganization {@code deleteOrganization} passes its permission check
 * @param addMembers {@code addOrganizationMembers} passes its permission check
 * @param updateMemberRoles {@code updateMemberRoles} passes its permission check (per member, the role
 *     and outranking guards still apply)
 * @param removeMembers {@code removeOrganizationMember} passes its permission check (per member, the
 *     outranking and last-admin guards still apply)
 */
public record OrganizationCapabilities(String organizationId, boolean updateOrganization, boolean deleteOrganization,
        boolean addMembers, boolean updateMemberRoles, boolean removeMembers) {

    /** Nothing: the viewer is not a member, or their token may not act in the organization. */
    static OrganizationCapabilities none(String organizationId) {
        return new OrganizationCapabilities(organizationId, false, false, false, false, false);
    }
}
