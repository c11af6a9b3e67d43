package dev.orgbff.logto;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A role of the organization template, as {@code GET /api/organization-roles} lists it (only the list
 * carries {@code scopes} and {@code resourceScopes}). Backs the GraphQL type {@code OrganizationRole}.
 *
 * @param id 21 characters {@code [0-9a-z]}
 * @param name unique in the template, e.g. {@code admin}
 * @param description free text
 * @param type {@code User} or {@code MachineToMachine}
 * @param scopes the organization permissions the role grants
 * @param resourceScopes the API resource permissions the role grants
 */
public record OrganizationRole(
        String id,
        String name,
        @Nullable String description,
        @Nullable String type,
        @Nullable List<OrganizationScopeRef> scopes,
        @Nullable List<ApiScopeRef> resourceScopes) {

    /** Logto's type of the roles that can be given to users (the other type is {@code MachineToMachine}). */
    public static final String USER_TYPE = "User";

    /** Whether this role can be given to users. */
    public boolean isForUsers() {
        return USER_TYPE.equals(type);
    }

    /** The organization permissions this role grants, sorted by name (Logto orders them by id). */
    public List<OrganizationScopeRef> organizationScopes() {
        return scopes == null ? List.of() : scopes.stream().sorted(Comparator.comparing(OrganizationScopeRef::name)).toList();
    }

    /** The names of the organization permissions this role grants. */
    public List<String> permissions() {
        return scopes == null ? List.of() : scopes.stream().map(OrganizationScopeRef::name).toList();
    }

    /** The API resource permissions this role grants, sorted by resource name, then scope name. */
    public List<ApiScopeRef> apiScopes() {
        return resourceScopes == null ? List.of() : resourceScopes.stream()
                .sorted(Comparator.comparing((ApiScopeRef scope) -> scope.resource().name()).thenComparing(ApiScopeRef::name))
                .toList();
    }
}
