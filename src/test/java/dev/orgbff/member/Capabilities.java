package dev.orgbff.member;

/** {@code Organization.viewerCan} as a client reads it. */
record Capabilities(boolean updateOrganization, boolean deleteOrganization, boolean addMembers, boolean updateMemberRoles,
        boolean removeMembers, boolean leave) {
}
