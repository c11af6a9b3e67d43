package dev.orgbff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.orgbff.emulator.LogtoEmulator;

/**
 * A scan of the whole emulated tenant for the broken states a multi-step write can leave behind when an
 * upstream call fails half-way: organizations without members or without an admin, members without
 * roles (or without the roles a write gave them), a second pending invitation for the same address and
 * organization, half-accepted invitations, and just-in-time settings that are neither the old nor the new ones
 * (see {@link #jitSettings}). It reads the emulator's state directly (no calls are
 * counted), one organization at a time, so run it when no request is in flight: a write in progress
 * looks like a violation.
 *
 * <pre>{@code
 * List<TenantInvariants.Violation> violations = TenantInvariants.of(logto).given(acme, erin, "member").scan();
 * assertThat(violations).isEmpty();
 * }</pre>
 */
public final class TenantInvariants {

    /** What a {@link Violation} found. */
    public enum Kind {
        /**
         * An organization without any member: what a create whose answer was lost leaves behind (the service
         * never learnt the id, so it cannot delete it; a documented limit).
         */
        ORGANIZATION_WITHOUT_MEMBERS,
        /** An organization with members, none of whom holds the admin role. */
        ORGANIZATION_WITHOUT_ADMIN,
        /** A member holding no role at all (every write of this service gives at least one). */
        MEMBER_WITHOUT_ROLES,
        /** A member lacking a role that a write gave them (see {@link #given}). */
        MEMBER_WITHOUT_GIVEN_ROLES,
        /** Two or more pending invitations for the same address (ignoring case) to the same organization. */
        SECOND_PENDING_INVITATION,
        /**
         * An accepted invitation whose accepting user is not a member of its organization: accepted half-way.
         * A member who accepted and later left or was removed looks the same, so a scan after such
         * operations should leave this kind out.
         */
        ACCEPTED_BUT_NOT_MEMBER,
        /**
         * A pending invitation whose invitee (a member's primary email, ignoring case) is a member already:
         * accepted half-way. Adding an invited person with {@code addOrganizationMembers} looks the same.
         */
        MEMBER_BUT_STILL_PENDING,
        /**
         * An organization's just-in-time email domains and roles are neither both the old ones nor both the new
         * ones (see {@link #jitSettings}).
         */
        JIT_SETTINGS_MIXED
    }

    /**
     * An organization's just-in-time settings as a whole, order aside.
     *
     * @param emailDomains the domains as stored
     * @param roleNames the names of the roles people joining by them get
     */
    public record Jit(Set<String> emailDomains, Set<String> roleNames) {

        /** The settings with these domains and role names. */
        public static Jit of(List<String> emailDomains, String... roleNames) {
            return new Jit(Set.copyOf(emailDomains), Set.of(roleNames));
        }

        /** The organization's settings in the emulator now. */
        public static Jit in(LogtoEmulator logto, String organizationId) {
            return new Jit(Set.copyOf(logto.jitEmailDomains(organizationId)), Set.copyOf(logto.jitRoleNames(organizationId)));
        }
    }

    /**
     * One broken state.
     *
     * @param detail which organization, user or invitation, for the failure message
     */
    public record Violation(Kind kind, String detail) {

        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    private final LogtoEmulator logto;
    private final String adminRole;
    private final Map<String, Set<String>> given;
    private final Map<String, List<Jit>> jit;

    private TenantInvariants(LogtoEmulator logto, String adminRole, Map<String, Set<String>> given, Map<String, List<Jit>> jit) {
        this.logto = logto;
        this.adminRole = adminRole;
        this.given = given;
        this.jit = jit;
    }

    /** A scan of this emulator's tenant, counting holders of the role {@code admin} as admins. */
    public static TenantInvariants of(LogtoEmulator logto) {
        return new TenantInvariants(logto, "admin", Map.of(), Map.of());
    }

    /** The same scan, counting holders of {@code roleName} as admins. */
    public TenantInvariants adminRole(String roleName) {
        return new TenantInvariants(logto, roleName, given, jit);
    }

    /**
     * The same scan, also expecting that {@code userId}, whenever they are a member of the organization, holds
     * at least these roles (by name): what an add gave them. Not being a member is fine (the add was undone).
     */
    public TenantInvariants given(String organizationId, String userId, String... roleNames) {
        Map<String, Set<String>> more = new LinkedHashMap<>(given);
        more.computeIfAbsent(organizationId + " " + userId, key -> new TreeSet<>()).addAll(List.of(roleNames));
        return new TenantInvariants(logto, adminRole, Map.copyOf(more), jit);
    }

    /**
     * The same scan, also expecting the organization's just-in-time settings to be entirely {@code before} or
     * entirely {@code after} a write that changes them: never the domains of one with the roles of the other.
     */
    public TenantInvariants jitSettings(String organizationId, Jit before, Jit after) {
        Map<String, List<Jit>> more = new LinkedHashMap<>(jit);
        more.put(organizationId, List.of(before, after));
        return new TenantInvariants(logto, adminRole, given, Map.copyOf(more));
    }

    /** Every violation found, organization by organization (oldest first); empty when the tenant is consistent. */
    public List<Violation> scan() {
        List<Violation> violations = new ArrayList<>();
        for (String organizationId : logto.organizationIds()) {
            scanMembers(organizationId, violations);
            scanInvitations(organizationId, violations);
            scanJit(organizationId, violations);
        }
        return violations;
    }

    private void scanMembers(String organizationId, List<Violation> violations) {
        Set<String> members = logto.memberIds(organizationId);
        if (members.isEmpty()) {
            violations.add(new Violation(Kind.ORGANIZATION_WITHOUT_MEMBERS, "organization " + organizationId));
            return;
        }
        boolean hasAdmin = false;
        for (String userId : members) {
            Set<String> roles = logto.memberRoleNames(organizationId, userId);
            hasAdmin |= roles.contains(adminRole);
            if (roles.isEmpty()) {
                violations.add(new Violation(Kind.MEMBER_WITHOUT_ROLES, "user " + userId + " in organization " + organizationId));
            }
            Set<String> wanted = given.getOrDefault(organizationId + " " + userId, Set.of());
            if (!roles.containsAll(wanted)) {
                violations.add(new Violation(Kind.MEMBER_WITHOUT_GIVEN_ROLES, "user " + userId + " in organization " + organizationId
                        + " holds " + roles + ", was given " + wanted));
            }
        }
        if (!hasAdmin) {
            violations.add(new Violation(Kind.ORGANIZATION_WITHOUT_ADMIN, "organization " + organizationId + " with members " + members));
        }
    }

    private void scanJit(String organizationId, List<Violation> violations) {
        List<Jit> allowed = jit.get(organizationId);
        Jit now = Jit.in(logto, organizationId);
        if (allowed != null && !allowed.contains(now)) {
            violations.add(new Violation(Kind.JIT_SETTINGS_MIXED, "organization " + organizationId + " has " + now
                    + ", neither " + allowed.get(0) + " nor " + allowed.get(1)));
        }
    }

    private void scanInvitations(String organizationId, List<Violation> violations) {
        Set<String> members = logto.memberIds(organizationId);
        Set<String> memberEmails = new TreeSet<>();
        members.stream().map(logto::userPrimaryEmail).filter(Objects::nonNull)
                .forEach(email -> memberEmails.add(email.toLowerCase(Locale.ROOT)));
        Map<String, List<String>> pendingByInvitee = new LinkedHashMap<>();
        for (String invitationId : logto.invitationIds(organizationId)) {
            String status = logto.invitationStatus(invitationId);
            String invitee = Objects.requireNonNull(logto.invitationInvitee(invitationId)).toLowerCase(Locale.ROOT);
            if ("Pending".equals(status)) {
                pendingByInvitee.computeIfAbsent(invitee, key -> new ArrayList<>()).add(invitationId);
                if (memberEmails.contains(invitee)) {
                    violations.add(new Violation(Kind.MEMBER_BUT_STILL_PENDING, "invitation " + invitationId + " for " + invitee
                            + " to organization " + organizationId));
                }
            } else if ("Accepted".equals(status)) {
                String acceptedBy = logto.invitationAcceptedUserId(invitationId);
                if (acceptedBy == null || !members.contains(acceptedBy)) {
                    violations.add(new Violation(Kind.ACCEPTED_BUT_NOT_MEMBER, "invitation " + invitationId + " accepted by "
                            + acceptedBy + ", not a member of organization " + organizationId));
                }
            }
        }
        pendingByInvitee.forEach((invitee, pending) -> {
            if (pending.size() > 1) {
                violations.add(new Violation(Kind.SECOND_PENDING_INVITATION, invitee + " to organization " + organizationId
                        + ": " + pending));
            }
        });
    }
}
