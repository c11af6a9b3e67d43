package dev.orgbff.logto;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A snapshot of the organization template: every organization role with its permissions, the same for
 * every organization of the tenant.
 */
public final class OrganizationTemplate {

    private final Map<String, OrganizationRole> rolesById;

    /** A template made of {@code roles}, in any order. */
    public OrganizationTemplate(Collection<OrganizationRole> roles) {
        this.rolesById = roles.stream()
                .collect(Collectors.toUnmodifiableMap(OrganizationRole::id, Function.identity(), (first, second) -> first));
    }

    /**
     * The roles with these ids, sorted by name; ids the template no longer has (a role deleted since it
     * was assigned) are left out.
     */
    public List<OrganizationRole> roles(Collection<String> roleIds) {
        return roleIds.stream()
                .distinct()
                .map(rolesById::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(OrganizationRole::name))
                .toList();
    }

    /** The role with this name, if the template has one. */
    public Optional<OrganizationRole> roleNamed(String name) {
        return rolesById.values().stream().filter(role -> role.name().equals(name)).findFirst();
    }
}
