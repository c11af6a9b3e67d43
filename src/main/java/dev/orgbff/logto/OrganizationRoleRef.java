package dev.orgbff.logto;

/**
 * An organization role as Logto nests it in other objects ({@code organizationRoles: [{id, name}]}).
 *
 * @param id 21 characters {@code [0-9a-z]}
 * @param name unique in the organization template, e.g. {@code admin}
 */
public record OrganizationRoleRef(String id, String name) {
}
