package dev.orgbff.logto;

/**
 * An API resource permission (scope) as the organization-role list nests it
 * ({@code resourceScopes: [{id, name, resource: {id, name}}]}). Backs the GraphQL type {@code ApiScope}.
 *
 * @param id the scope id
 * @param name the permission, e.g. {@code read:reports}; unique within its resource only
 * @param resource the API resource that defines it
 */
public record ApiScopeRef(String id, String name, ApiResourceRef resource) {
}
