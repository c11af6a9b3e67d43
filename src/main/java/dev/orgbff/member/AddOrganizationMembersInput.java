package dev.orgbff.member;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The argument of {@code addOrganizationMembers}: existing users, by id or by primary email, and the roles
 * they all get.
 *
 * @param organizationId the organization to add them to
 * @param userIds Logto user ids
 * @param emails primary emails, matched exactly after lower-casing (case-insensitively, as Logto stores them)
 * @param roleIds the organization roles every new member gets; at least one
 */
public record AddOrganizationMembersInput(String organizationId, @Nullable List<String> userIds, @Nullable List<String> emails,
        List<String> roleIds) {
}
