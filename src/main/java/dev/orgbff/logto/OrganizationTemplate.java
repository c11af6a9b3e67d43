package dev.orgbff.logto;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
     * The roles with these ids, keyed by id; ids the template no longer has (a role deleted since it was
     * assigned) are left out.
     */
    public Map<String, OrganizationRole> roles(Collection<String> roleIds) {
        Map<String, OrganizationRole> found = new HashMap<>();
        roleIds.forEach(id -> Optional.ofNullable(rolesById.get(id)).ifPresent(role -> found.put(id, role)));
        return found;
    }
}
