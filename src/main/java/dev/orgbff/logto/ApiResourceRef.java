package dev.orgbff.logto;

/**
 * An API resource as the organization-role list nests it in {@code resourceScopes} ({@code {id, name}};
 * the indicator is not included). Backs the GraphQL type {@code ApiResource}.
 *
 * @param id the resource id
 * @param name the resource's display name
 */
public record ApiResourceRef(String id, String name) {
}
