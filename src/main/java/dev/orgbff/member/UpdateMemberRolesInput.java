package dev.orgbff.member;

import java.util.List;

/**
 * The argument of {@code updateMemberRoles}.
 *
 * @param organizationId the organization
 * @param userId the member whose roles change
 * @param roleIds the member's roles from now on, replacing the old ones; at least one
 */
public record UpdateMemberRolesInput(String organizationId, String userId, List<String> roleIds) {
}
