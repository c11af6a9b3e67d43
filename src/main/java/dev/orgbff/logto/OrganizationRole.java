package dev.orgbff.logto;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A role of the organization template, as {@code GET /api/organization-roles} lists it (only the list
 * carries {@code scopes}). Backs the GraphQL type {@code OrganizationRole}.
 *
 * @param id 21 characters {@code [0-9a-z]}
 * @param name unique in the template, e.g. {@code admin}
 * @param description free text
 * @param type {@code User} or {@code MachineToMachine}
 * @param scopes the organization permissions the role grants
 */
public record OrganizationRole(
        String id,
        String name,
        @Nullable String description,
        @Nullable String type,
        @Nullable List<OrganizationScopeRef> scopes) {

    /** Logto's type of the roles that can be given to users (the other type is {@code MachineToMachine}). */
    public static final String USER_TYPE = "User";

    /** Whether this role can be given to users. */
    public boolean isForUsers() {
        return USER_TYPE.equals(type);
    }

    /** The names of the permissions this role grants. */
    public List<String> permissions() {
        return scopes == null ? List.of() : scopes.stream().map(OrganizationScopeRef::name).toList();
    }
}
