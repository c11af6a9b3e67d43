package dev.orgbff.organization;

import java.util.List;

/**
 * That the viewer belongs to an organization, with which roles, as {@code GET /api/users/{userId}/organizations}
 * reports it. Resolved by organization id, so an organization reached any way shows the viewer's roles.
 *
 * @param organizationId the organization
 * @param roleIds the viewer's organization role ids there; empty when they hold none
 */
public record Membership(String organizationId, List<String> roleIds) {
}
