package dev.orgbff.template;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.orgbff.logto.ApiScopeRef;
import dev.orgbff.logto.OrganizationRole;

/**
 * A snapshot of the organization template: every organization role with the organization permissions and
 * API resource permissions it grants, the same for every organization of the tenant. Backs the GraphQL
 * type {@code OrganizationTemplate}.
 */
public final class OrganizationTemplate {

    /** Names as people read them, case-insensitively (as the switcher sorts organizations); ties by exact name. */
    private static final Comparator<OrganizationRole> BY_NAME = Comparator
            .comparing(OrganizationRole::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(OrganizationRole::name);

    /** Distinct role lists remembered per answer: far more than a tenant's members hold, far less than a heap notices. */
    private static final int REMEMBERED = 1_000;

    private final Map<String, OrganizationRole> rolesById;
    private final Map<List<String>, List<OrganizationRole>> rolesByIds = new ConcurrentHashMap<>();
    private final Map<List<String>, Set<String>> permissionsByIds = new ConcurrentHashMap<>();

    /** A template made of {@code roles}, in any order. */
    public OrganizationTemplate(Collection<OrganizationRole> roles) {
        this.rolesById = roles.stream()
                .collect(Collectors.toUnmodifiableMap(OrganizationRole::id, Function.identity(), (first, second) -> first));
    }

    /** The roles that can be given to users, sorted by name: what a role picker offers. */
    public List<OrganizationRole> userRoles() {
        return rolesById.values().stream()
                .filter(OrganizationRole::isForUsers)
                .sorted(BY_NAME)
                .toList();
    }

    /**
     * The roles with these ids, sorted by name; ids the template no longer has (a role deleted since it
     * was assigned) are left out. Unmodifiable.
     */
    public List<OrganizationRole> roles(Collection<String> roleIds) {
        return remembered(rolesByIds, roleIds, ids -> ids.stream()
                .distinct()
                .map(rolesById::get)
                .filter(Objects::nonNull)
                .sorted(BY_NAME)
                .toList());
    }

    /** The role with this id, if the template has one. */
    public Optional<OrganizationRole> role(String roleId) {
        return Optional.ofNullable(rolesById.get(roleId));
    }

    /** The role with this name, if the template has one. */
    public Optional<OrganizationRole> roleNamed(String name) {
        return rolesById.values().stream().filter(role -> role.name().equals(name)).findFirst();
    }

    /** The organization permissions the roles with these ids grant together, sorted by name. Unmodifiable. */
    public Set<String> permissions(Collection<String> roleIds) {
        return remembered(permissionsByIds, roleIds, ids -> Collections.unmodifiableSortedSet(roles(ids).stream()
                .flatMap(role -> role.permissions().stream())
                .collect(Collectors.toCollection(TreeSet::new))));
    }

    /**
     * The answer for {@code roleIds}, worked out once per distinct list of ids: a page of 100 members holds a handful
     * of distinct role lists, asked for once per member and field, and a snapshot never changes. At most
     * {@link #REMEMBERED} lists are kept per answer.
     */
    private static <T> T remembered(Map<List<String>, T> answers, Collection<String> roleIds, Function<List<String>, T> answer) {
        List<String> ids = roleIds instanceof List<String> list ? list : List.copyOf(roleIds);
        T known = answers.get(ids);
        if (known != null) {
            return known;
        }
        T computed = answer.apply(ids);
        if (answers.size() < REMEMBERED) {
            answers.putIfAbsent(List.copyOf(ids), computed);
        }
        return computed;
    }

    /** The ids of the API resource permissions the roles with these ids grant together (names repeat across resources). */
    public Set<String> apiScopeIds(Collection<String> roleIds) {
        return roles(roleIds).stream()
                .flatMap(role -> role.apiScopes().stream())
                .map(ApiScopeRef::id)
                .collect(Collectors.toUnmodifiableSet());
    }
}
