package dev.orgbff.logto;

/**
 * An organization scope (permission) as the organization-role list nests it ({@code scopes: [{id, name}]}).
 *
 * @param id 21 characters {@code [0-9a-z]}
 * @param name the permission, e.g. {@code invite:member}
 */
public record OrganizationScopeRef(String id, String name) {
}
