package dev.orgbff.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Everything one Logto tenant stores that the emulated routes touch: organizations, users, the
 * organization template (with the API resource scopes its roles grant), memberships and member roles,
 * invitations, JIT settings, sent messages, single-page apps and webhooks.
 * Rows are read and written through their {@link Table} or {@link Relation}; deletes go through this
 * class, because they cascade the way Logto's foreign keys do ({@code on delete cascade}).
 *
 * <p>Not thread-safe by itself: every caller holds this object's monitor ({@code synchronized (state)}),
 * which makes each request atomic, including Logto's all-or-nothing writes.
 */
final class TenantState {

    private final IdGenerator ids = new IdGenerator();
    private final Table<Organization> organizations = new Table<>(Organization::id);
    private final Table<User> users = new Table<>(User::id);
    private final TemplateTable<OrganizationRole> roles = new TemplateTable<>();
    private final TemplateTable<OrganizationScope> scopes = new TemplateTable<>();
    private final Table<ApiResource> apiResources = new Table<>(ApiResource::id);
    private final Table<ApiScope> apiScopes = new Table<>(ApiScope::id);
    private final Table<Invitation> invitations = new Table<>(Invitation::id);
    /** organization id → member user ids */
    private final Relation<String> members = new Relation<>();
    /** (organization, user) → organization role ids */
    private final Relation<Membership> memberRoles = new Relation<>();
    /** organization role id → organization scope ids */
    private final Relation<String> roleScopes = new Relation<>();
    /** organization role id → API resource scope ids */
    private final Relation<String> roleResourceScopes = new Relation<>();
    /** organization id → JIT email domains */
    private final Relation<String> jitDomains = new Relation<>();
    /** organization id → JIT organization role ids */
    private final Relation<String> jitRoles = new Relation<>();
    private final Table<Hook> hooks = new Table<>(Hook::id);
    private final Table<OneTimeToken> oneTimeTokens = new Table<>(OneTimeToken::id);
    /** The single-page apps (the M2M app is not tenant data: it survives a reset). */
    private final Table<Application> applications = new Table<>(Application::id);
    private final List<SentMessage> messages = new ArrayList<>();
    private final List<Consumer<SentMessage>> messageListeners = new CopyOnWriteArrayList<>();
    private boolean emailConnector;
    private long sequence;
    private long clockOffsetMillis;

    /** Epoch milliseconds: the system time, moved forward by {@link #advanceClock}. */
    long now() {
        return System.currentTimeMillis() + clockOffsetMillis;
    }

    /** Moves the tenant's clock forward, so that invitations expire without waiting. */
    void advanceClock(long millis) {
        clockOffsetMillis += millis;
    }

    /** A fresh secret, as Logto's {@code generateStandardSecret()} (a hook's signing key). */
    String newSecret() {
        return ids.secret();
    }

    long nextSequence() {
        return ++sequence;
    }

    /** A fresh id of {@code length} characters that no stored entity of any kind uses. */
    String newId(int length) {
        String id;
        do {
            id = ids.next(length);
        } while (organizations.contains(id) || users.contains(id) || roles.contains(id)
                || scopes.contains(id) || invitations.contains(id) || apiResources.contains(id) || apiScopes.contains(id)
                || oneTimeTokens.contains(id) || applications.contains(id) || hooks.contains(id));
        return id;
    }

    /** Drops all tenant data and turns the email connector off again. */
    void clear() {
        organizations.clear();
        users.clear();
        roles.clear();
        scopes.clear();
        apiResources.clear();
        apiScopes.clear();
        invitations.clear();
        members.clear();
        memberRoles.clear();
        roleScopes.clear();
        roleResourceScopes.clear();
        jitDomains.clear();
        jitRoles.clear();
        oneTimeTokens.clear();
        applications.clear();
        hooks.clear();
        messages.clear();
        emailConnector = false;
        clockOffsetMillis = 0;
    }

    // ---------------------------------------------------------------- organizations

    Table<Organization> organizations() {
        return organizations;
    }

    /** Deletes an organization with its memberships, member roles, invitations and JIT settings. */
    boolean deleteOrganization(String id) {
        if (!organizations.remove(id)) {
            return false;
        }
        members.removeKey(id);
        memberRoles.removeKeys(membership -> membership.organizationId().equals(id));
        invitations.removeIf(invitation -> invitation.organizationId().equals(id));
        jitDomains.removeKey(id);
        jitRoles.removeKey(id);
        return true;
    }

    // ---------------------------------------------------------------- users

    Table<User> users() {
        return users;
    }

    @Nullable User userByUsername(String username) {
        return users.find(user -> username.equals(user.username()));
    }

    /** Logto compares primary emails case-insensitively for uniqueness (transcript steps 96, 97). */
    boolean emailTaken(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return users.stream()
                .anyMatch(user -> user.primaryEmail() != null && user.primaryEmail().toLowerCase(Locale.ROOT).equals(lower));
    }

    boolean usernameTaken(String username) {
        return userByUsername(username) != null;
    }

    boolean phoneTaken(String phone) {
        return users.stream().anyMatch(user -> phone.equals(user.primaryPhone()));
    }

    /** Deletes a user with their memberships, member roles and the invitations they sent or accepted. */
    boolean deleteUser(String id) {
        if (!users.remove(id)) {
            return false;
        }
        members.removeValue(id);
        memberRoles.removeKeys(membership -> membership.userId().equals(id));
        invitations.removeIf(invitation -> id.equals(invitation.inviterId()) || id.equals(invitation.acceptedUserId()));
        return true;
    }

    // ---------------------------------------------------------------- memberships

    boolean isMember(String organizationId, String userId) {
        return members.contains(organizationId, userId);
    }

    /** Member user ids in ascending order (Logto orders member rows by user id). */
    Set<String> memberIds(String organizationId) {
        return new TreeSet<>(members.get(organizationId));
    }

    /** Idempotent, like Logto's {@code on conflict do nothing}. */
    void addMember(String organizationId, String userId) {
        members.add(organizationId, userId);
    }

    /** Removes a membership; the member's roles in that organization go with it (FK {@code on delete cascade}). */
    boolean removeMember(String organizationId, String userId) {
        if (!members.remove(organizationId, userId)) {
            return false;
        }
        memberRoles.removeKey(new Membership(organizationId, userId));
        return true;
    }

    /** Ids of the organizations a user belongs to, in organization insertion order. */
    List<String> organizationIdsOf(String userId) {
        return organizations.stream().map(Organization::id).filter(id -> isMember(id, userId)).toList();
    }

    Set<String> memberRoleIds(String organizationId, String userId) {
        return memberRoles.get(new Membership(organizationId, userId));
    }

    void addMemberRole(String organizationId, String userId, String roleId) {
        memberRoles.add(new Membership(organizationId, userId), roleId);
    }

    boolean removeMemberRole(String organizationId, String userId, String roleId) {
        return memberRoles.remove(new Membership(organizationId, userId), roleId);
    }

    void replaceMemberRoles(String organizationId, String userId, Collection<String> roleIds) {
        memberRoles.replace(new Membership(organizationId, userId), roleIds);
    }

    // ---------------------------------------------------------------- organization template

    TemplateTable<OrganizationRole> roles() {
        return roles;
    }

    /** Deletes a role and every relation that names it: member roles, its scopes, invitation roles, JIT roles. */
    boolean deleteRole(String id) {
        if (!roles.remove(id)) {
            return false;
        }
        roleScopes.removeKey(id);
        roleResourceScopes.removeKey(id);
        memberRoles.removeValue(id);
        jitRoles.removeValue(id);
        invitations.replaceAll(invitation -> invitation.roleIds().contains(id)
                ? new Invitation(invitation.id(), invitation.inviterId(), invitation.invitee(), invitation.acceptedUserId(),
                        invitation.organizationId(), invitation.status(), invitation.createdAt(), invitation.updatedAt(),
                        invitation.expiresAt(), invitation.roleIds().stream().filter(roleId -> !roleId.equals(id)).toList(),
                        invitation.sequence())
                : invitation);
        return true;
    }

    TemplateTable<OrganizationScope> scopes() {
        return scopes;
    }

    /** Deletes a scope; roles that held it simply lose it (transcript steps 89, 90). */
    boolean deleteScope(String id) {
        if (!scopes.remove(id)) {
            return false;
        }
        roleScopes.removeValue(id);
        return true;
    }

    /** Organization role id → its organization scope ids. */
    Relation<String> roleScopes() {
        return roleScopes;
    }

    Table<ApiResource> apiResources() {
        return apiResources;
    }

    Table<ApiScope> apiScopes() {
        return apiScopes;
    }

    /** Organization role id → the API resource scope ids it grants. */
    Relation<String> roleResourceScopes() {
        return roleResourceScopes;
    }

    // ---------------------------------------------------------------- invitations

    Table<Invitation> invitations() {
        return invitations;
    }

    boolean deleteInvitation(String id) {
        return invitations.remove(id);
    }

    // ---------------------------------------------------------------- just-in-time provisioning

    /** Organization id → the email domains whose users join it just in time, in the order they were added. */
    Relation<String> jitDomains() {
        return jitDomains;
    }

    /** Organization id → the organization role ids just-in-time members get. */
    Relation<String> jitRoles() {
        return jitRoles;
    }

    // ---------------------------------------------------------------- email connector

    boolean emailConnector() {
        return emailConnector;
    }

    void enableEmailConnector() {
        emailConnector = true;
    }

    void disableEmailConnector() {
        emailConnector = false;
    }

    void recordMessage(SentMessage message) {
        messages.add(message);
        messageListeners.forEach(listener -> listener.accept(message));
    }

    /** Tells {@code listener} of every message recorded from now on (e.g. to print it in the embedded run); survives {@link #clear}. */
    void onMessage(Consumer<SentMessage> listener) {
        messageListeners.add(listener);
    }

    Table<Application> applications() {
        return applications;
    }

    /** The webhooks ({@code /api/hooks}). */
    Table<Hook> hooks() {
        return hooks;
    }

    Table<OneTimeToken> oneTimeTokens() {
        return oneTimeTokens;
    }

    List<SentMessage> messages() {
        return List.copyOf(messages);
    }

    /** The key of a membership row. */
    private record Membership(String organizationId, String userId) {
    }
}
