package dev.orgbff.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Everything one Logto tenant stores that the emulated routes touch: organizations, users, the
 * organization template, memberships and member roles, invitations, JIT settings and sent messages.
 * Deletes cascade the way Logto's foreign keys do ({@code on delete cascade}).
 *
 * <p>Not thread-safe by itself: every caller holds this object's monitor ({@code synchronized (state)}),
 * which makes each request atomic, including Logto's all-or-nothing writes.
 */
final class TenantState {

    private final IdGenerator ids = new IdGenerator();
    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, OrganizationRole> roles = new LinkedHashMap<>();
    private final Map<String, OrganizationScope> scopes = new LinkedHashMap<>();
    private final Map<String, Invitation> invitations = new LinkedHashMap<>();
    /** organization id → member user ids */
    private final Map<String, Set<String>> members = new HashMap<>();
    /** (organization, user) → organization role ids */
    private final Map<Membership, Set<String>> memberRoles = new HashMap<>();
    /** organization role id → organization scope ids */
    private final Map<String, Set<String>> roleScopes = new HashMap<>();
    private final Map<String, Set<String>> jitDomains = new HashMap<>();
    private final Map<String, Set<String>> jitRoles = new HashMap<>();
    private final List<SentMessage> messages = new ArrayList<>();
    private boolean emailConnector;
    private long sequence;

    /** Epoch milliseconds. */
    long now() {
        return System.currentTimeMillis();
    }

    long nextSequence() {
        return ++sequence;
    }

    /** A fresh id of {@code length} characters that no stored entity of any kind uses. */
    String newId(int length) {
        String id;
        do {
            id = ids.next(length);
        } while (organizations.containsKey(id) || users.containsKey(id) || roles.containsKey(id)
                || scopes.containsKey(id) || invitations.containsKey(id));
        return id;
    }

    /** Drops all tenant data and turns the email connector off again. */
    void clear() {
        organizations.clear();
        users.clear();
        roles.clear();
        scopes.clear();
        invitations.clear();
        members.clear();
        memberRoles.clear();
        roleScopes.clear();
        jitDomains.clear();
        jitRoles.clear();
        messages.clear();
        emailConnector = false;
    }

    // ---------------------------------------------------------------- organizations

    @Nullable Organization organization(String id) {
        return organizations.get(id);
    }

    /** All organizations in insertion order (Logto's list has no ORDER BY; insertion order is one valid answer). */
    Collection<Organization> organizations() {
        return organizations.values();
    }

    void putOrganization(Organization organization) {
        organizations.put(organization.id(), organization);
    }

    /** Deletes an organization with its memberships, member roles, invitations and JIT settings. */
    boolean deleteOrganization(String id) {
        if (organizations.remove(id) == null) {
            return false;
        }
        members.remove(id);
        memberRoles.keySet().removeIf(membership -> membership.organizationId().equals(id));
        invitations.values().removeIf(invitation -> invitation.organizationId().equals(id));
        jitDomains.remove(id);
        jitRoles.remove(id);
        return true;
    }

    // ---------------------------------------------------------------- users

    @Nullable User user(String id) {
        return users.get(id);
    }

    Collection<User> users() {
        return users.values();
    }

    void putUser(User user) {
        users.put(user.id(), user);
    }

    @Nullable User userByUsername(String username) {
        return users.values().stream().filter(user -> username.equals(user.username())).findFirst().orElse(null);
    }

    /** Logto compares primary emails case-insensitively for uniqueness (transcript steps 96, 97). */
    boolean emailTaken(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return users.values().stream()
                .anyMatch(user -> user.primaryEmail() != null && user.primaryEmail().toLowerCase(Locale.ROOT).equals(lower));
    }

    boolean usernameTaken(String username) {
        return userByUsername(username) != null;
    }

    boolean phoneTaken(String phone) {
        return users.values().stream().anyMatch(user -> phone.equals(user.primaryPhone()));
    }

    /** Deletes a user with their memberships, member roles and the invitations they sent or accepted. */
    boolean deleteUser(String id) {
        if (users.remove(id) == null) {
            return false;
        }
        members.values().forEach(userIds -> userIds.remove(id));
        memberRoles.keySet().removeIf(membership -> membership.userId().equals(id));
        invitations.values().removeIf(invitation -> id.equals(invitation.inviterId()) || id.equals(invitation.acceptedUserId()));
        return true;
    }

    // ---------------------------------------------------------------- memberships

    boolean isMember(String organizationId, String userId) {
        Set<String> userIds = members.get(organizationId);
        return userIds != null && userIds.contains(userId);
    }

    /** Member user ids in ascending order (Logto orders member rows by user id). */
    Set<String> memberIds(String organizationId) {
        return new TreeSet<>(members.getOrDefault(organizationId, Set.of()));
    }

    /** Idempotent, like Logto's {@code on conflict do nothing}. */
    void addMember(String organizationId, String userId) {
        members.computeIfAbsent(organizationId, key -> new LinkedHashSet<>()).add(userId);
    }

    /** Removes a membership; the member's roles in that organization go with it (FK {@code on delete cascade}). */
    boolean removeMember(String organizationId, String userId) {
        Set<String> userIds = members.get(organizationId);
        if (userIds == null || !userIds.remove(userId)) {
            return false;
        }
        memberRoles.remove(new Membership(organizationId, userId));
        return true;
    }

    /** Ids of the organizations a user belongs to, in organization insertion order. */
    List<String> organizationIdsOf(String userId) {
        List<String> result = new ArrayList<>();
        for (String organizationId : organizations.keySet()) {
            if (isMember(organizationId, userId)) {
                result.add(organizationId);
            }
        }
        return result;
    }

    Set<String> memberRoleIds(String organizationId, String userId) {
        return new LinkedHashSet<>(memberRoles.getOrDefault(new Membership(organizationId, userId), Set.of()));
    }

    void addMemberRole(String organizationId, String userId, String roleId) {
        memberRoles.computeIfAbsent(new Membership(organizationId, userId), key -> new LinkedHashSet<>()).add(roleId);
    }

    boolean removeMemberRole(String organizationId, String userId, String roleId) {
        Set<String> roleIds = memberRoles.get(new Membership(organizationId, userId));
        return roleIds != null && roleIds.remove(roleId);
    }

    void replaceMemberRoles(String organizationId, String userId, Collection<String> roleIds) {
        memberRoles.put(new Membership(organizationId, userId), new LinkedHashSet<>(roleIds));
    }

    // ---------------------------------------------------------------- organization template

    @Nullable OrganizationRole role(String id) {
        return roles.get(id);
    }

    Collection<OrganizationRole> roles() {
        return roles.values();
    }

    @Nullable OrganizationRole roleByName(String name) {
        return roles.values().stream().filter(role -> role.name().equals(name)).findFirst().orElse(null);
    }

    void putRole(OrganizationRole role) {
        roles.put(role.id(), role);
    }

    /** Deletes a role and every relation that names it: member roles, its scopes, invitation roles, JIT roles. */
    boolean deleteRole(String id) {
        if (roles.remove(id) == null) {
            return false;
        }
        roleScopes.remove(id);
        memberRoles.values().forEach(roleIds -> roleIds.remove(id));
        jitRoles.values().forEach(roleIds -> roleIds.remove(id));
        invitations.replaceAll((invitationId, invitation) -> invitation.roleIds().contains(id)
                ? new Invitation(invitation.id(), invitation.inviterId(), invitation.invitee(), invitation.acceptedUserId(),
                        invitation.organizationId(), invitation.status(), invitation.createdAt(), invitation.updatedAt(),
                        invitation.expiresAt(), invitation.roleIds().stream().filter(roleId -> !roleId.equals(id)).toList(),
                        invitation.sequence())
                : invitation);
        return true;
    }

    @Nullable OrganizationScope scope(String id) {
        return scopes.get(id);
    }

    Collection<OrganizationScope> scopes() {
        return scopes.values();
    }

    @Nullable OrganizationScope scopeByName(String name) {
        return scopes.values().stream().filter(scope -> scope.name().equals(name)).findFirst().orElse(null);
    }

    void putScope(OrganizationScope scope) {
        scopes.put(scope.id(), scope);
    }

    /** Deletes a scope; roles that held it simply lose it (transcript steps 89, 90). */
    boolean deleteScope(String id) {
        if (scopes.remove(id) == null) {
            return false;
        }
        roleScopes.values().forEach(scopeIds -> scopeIds.remove(id));
        return true;
    }

    Set<String> roleScopeIds(String roleId) {
        return new LinkedHashSet<>(roleScopes.getOrDefault(roleId, Set.of()));
    }

    void addRoleScope(String roleId, String scopeId) {
        roleScopes.computeIfAbsent(roleId, key -> new LinkedHashSet<>()).add(scopeId);
    }

    void replaceRoleScopes(String roleId, Collection<String> scopeIds) {
        roleScopes.put(roleId, new LinkedHashSet<>(scopeIds));
    }

    boolean removeRoleScope(String roleId, String scopeId) {
        Set<String> scopeIds = roleScopes.get(roleId);
        return scopeIds != null && scopeIds.remove(scopeId);
    }

    // ---------------------------------------------------------------- invitations

    @Nullable Invitation invitation(String id) {
        return invitations.get(id);
    }

    Collection<Invitation> invitations() {
        return invitations.values();
    }

    void putInvitation(Invitation invitation) {
        invitations.put(invitation.id(), invitation);
    }

    boolean deleteInvitation(String id) {
        return invitations.remove(id) != null;
    }

    // ---------------------------------------------------------------- just-in-time provisioning

    List<String> jitDomains(String organizationId) {
        return new ArrayList<>(jitDomains.getOrDefault(organizationId, Set.of()));
    }

    void addJitDomain(String organizationId, String domain) {
        jitDomains.computeIfAbsent(organizationId, key -> new LinkedHashSet<>()).add(domain);
    }

    void replaceJitDomains(String organizationId, Collection<String> domains) {
        jitDomains.put(organizationId, new LinkedHashSet<>(domains));
    }

    boolean removeJitDomain(String organizationId, String domain) {
        Set<String> domains = jitDomains.get(organizationId);
        return domains != null && domains.remove(domain);
    }

    Set<String> jitRoleIds(String organizationId) {
        return new LinkedHashSet<>(jitRoles.getOrDefault(organizationId, Set.of()));
    }

    void addJitRole(String organizationId, String roleId) {
        jitRoles.computeIfAbsent(organizationId, key -> new LinkedHashSet<>()).add(roleId);
    }

    void replaceJitRoles(String organizationId, Collection<String> roleIds) {
        jitRoles.put(organizationId, new LinkedHashSet<>(roleIds));
    }

    boolean removeJitRole(String organizationId, String roleId) {
        Set<String> roleIds = jitRoles.get(organizationId);
        return roleIds != null && roleIds.remove(roleId);
    }

    // ---------------------------------------------------------------- email connector

    boolean emailConnector() {
        return emailConnector;
    }

    void enableEmailConnector() {
        emailConnector = true;
    }

    void recordMessage(SentMessage message) {
        messages.add(message);
    }

    List<SentMessage> messages() {
        return List.copyOf(messages);
    }

    /** The key of a membership row. */
    private record Membership(String organizationId, String userId) {
    }
}
