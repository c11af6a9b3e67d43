package dev.orgbff.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.WriteEvents;
import dev.orgbff.graphql.error.BadRequestException;
import dev.orgbff.graphql.error.ForbiddenException;
import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.graphql.input.EmailAddress;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.LogtoUnavailableException;
import dev.orgbff.logto.OrganizationMember;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationsApi;
import dev.orgbff.logto.PageRequest;
import dev.orgbff.logto.User;
import dev.orgbff.logto.UsersApi;
import dev.orgbff.organization.MemberAccess;
import dev.orgbff.organization.OrganizationAccess;
import dev.orgbff.security.Caller;
import dev.orgbff.template.OrganizationTemplate;

/**
 * Changing who belongs to an organization and with which roles: adding members, replacing their roles,
 * removing them, leaving. Every write runs input validation, then the permission check
 * ({@link OrganizationAccess}), then the guards, before anything is written: role escalation (the roles
 * granted may hold only permissions, organization and API, the caller holds there:
 * {@code ROLE_ESCALATION}), outranking (the caller may change or remove only members whose permissions
 * they hold: {@code OUTRANKED}) and the {@link LastAdminGuard last admin} ({@code LAST_ADMIN}).
 */
@Service
class MembershipService {

    private static final Logger log = LoggerFactory.getLogger(MembershipService.class);
    /** The most users one {@code addOrganizationMembers} may name: what one user search answers in one page. */
    private static final int MAX_MEMBERS_PER_REQUEST = PageRequest.MAX_SIZE;
    /** More roles than any template a person picks from; a longer list is not a request a UI makes. */
    private static final int MAX_ROLES = PageRequest.MAX_SIZE;
    private static final int UNDO_CONCURRENCY = 4;

    private final WriteEvents events;
    private final OrganizationsApi organizations;
    private final UsersApi users;
    private final OrganizationAccess access;
    private final LastAdminGuard lastAdmin;

    MembershipService(OrganizationsApi organizations, UsersApi users, OrganizationAccess access, LastAdminGuard lastAdmin, WriteEvents events) {
        this.organizations = organizations;
        this.users = users;
        this.access = access;
        this.lastAdmin = lastAdmin;
        this.events = events;
    }

    /**
     * Adds existing users, by id or primary email, all with the same roles ({@code manage:member} by
     * default). Calls: the permission check (memberships and template, shared), two user searches in
     * parallel ({@code GET /api/users}: who exists; who of them is not a member yet),
     * {@code POST /api/organizations/{id}/users} and {@code POST /api/organizations/{id}/users/roles}.
     * Per-person problems ({@code INVALID_EMAIL}, {@code USER_NOT_FOUND}, {@code ALREADY_MEMBER}) are
     * reported by index while the others are added; role problems ({@code ROLE_REQUIRED},
     * {@code ROLE_NOT_FOUND}, {@code ROLE_NOT_ASSIGNABLE}, {@code ROLE_ESCALATION}) and
     * {@code MEMBERS_REQUIRED} or {@code TOO_MANY_MEMBERS} add nobody. When the roles cannot be assigned,
     * the members just added are removed again ({@code ROLE_ASSIGNMENT_FAILED}); so are they when the add itself
     * got no answer (Logto may have added them), and the error is emitted. Members who were there before are never
     * touched.
     *
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     * @throws ForbiddenException (emitted) without the permission; nothing is written
     * @throws BadRequestException (emitted) for more than 100 role ids, before any call
     */
    Mono<AddOrganizationMembersPayload> add(Caller caller, AddOrganizationMembersInput input) {
        List<String> userIds = input.userIds() == null ? List.of() : input.userIds();
        List<String> emails = input.emails() == null ? List.of() : input.emails();
        if (userIds.isEmpty() && emails.isEmpty()) {
            return Mono.just(AddOrganizationMembersPayload.failed(List.of(UserError.of(UserErrorCode.MEMBERS_REQUIRED,
                    "Name at least one user, by id or email.", "input", "userIds"))));
        }
        if (userIds.size() + emails.size() > MAX_MEMBERS_PER_REQUEST) {
            return Mono.just(AddOrganizationMembersPayload.failed(List.of(UserError.of(UserErrorCode.TOO_MANY_MEMBERS,
                    "Add at most " + MAX_MEMBERS_PER_REQUEST + " users at a time.", "input", "userIds"))));
        }
        if (input.roleIds().isEmpty()) {
            return Mono.just(AddOrganizationMembersPayload.failed(List.of(roleRequired())));
        }
        if (input.roleIds().size() > MAX_ROLES) {
            return Mono.error(tooManyRoles());
        }
        Wanted wanted = Wanted.of(userIds, emails);
        if (wanted.isEmpty()) {
            return Mono.just(AddOrganizationMembersPayload.failed(wanted.errors()));
        }
        return access.require(caller, input.organizationId(), access.permissions().addMembers()).flatMap(granted -> {
            List<UserError> roleErrors = granted.roleErrors(input.roleIds());
            if (!roleErrors.isEmpty()) {
                roleErrors.addAll(wanted.errors());
                return Mono.just(AddOrganizationMembersPayload.failed(roleErrors));
            }
            return Mono.zip(
                            users.usersByIdOrEmail(wanted.ids().keySet(), wanted.emails().keySet(), null).collectList(),
                            users.usersByIdOrEmail(wanted.ids().keySet(), wanted.emails().keySet(), input.organizationId())
                                    .map(User::id).collect(Collectors.toSet()))
                    .flatMap(found -> {
                        List<User> newMembers = wanted.newMembers(found.getT1(), found.getT2());
                        return newMembers.isEmpty()
                                ? Mono.just(AddOrganizationMembersPayload.failed(wanted.errors()))
                                : addWithRoles(caller, granted.template(), input.organizationId(), newMembers, distinct(input.roleIds()), wanted.errors())
                                        .doOnNext(payload -> {
                                            if (!payload.members().isEmpty()) {
                                                events.published(ChangeEvent.Kind.MEMBERS_ADDED, input.organizationId(),
                                                        payload.members().stream().map(member -> member.user().id()).toList(), caller.viewer().userId());
                                            }
                                        });
                    });
        });
    }

    private Mono<AddOrganizationMembersPayload> addWithRoles(Caller caller, OrganizationTemplate template, String organizationId,
            List<User> newMembers, List<String> roleIds, List<UserError> errors) {
        List<String> newIds = newMembers.stream().map(User::id).toList();
        AddOrganizationMembersPayload added = new AddOrganizationMembersPayload(
                newMembers.stream().map(user -> new Member(organizationId, user, roleIds, template, user.id().equals(caller.viewer().userId())))
                        .toList(), errors);
        // adding is all or nothing in Logto: a refused add leaves nothing to undo, but one whose answer never came
        // (a timeout, a dropped connection) may have happened, and must not leave members without roles behind
        return organizations.addMembers(organizationId, newIds)
                .onErrorResume(LogtoUnavailableException.class,
                        failure -> removeAgain(organizationId, newIds, failure, errors).then(Mono.error(failure)))
                .then(organizations.assignRolesToMembers(organizationId, newIds, roleIds)
                        .thenReturn(added)
                        .onErrorResume(failure -> removeAgain(organizationId, newIds, failure, errors)))
                .doOnTerminate(() -> access.membershipsChanged(newIds));
    }

    /** Compensation: the members just added (or perhaps added) without their roles are removed again (and only they). */
    private Mono<AddOrganizationMembersPayload> removeAgain(String organizationId, List<String> newIds, Throwable failure,
            List<UserError> errors) {
        log.warn("Adding {} new members to organization {} with their roles failed ({}); removing them again",
                newIds.size(), organizationId, failure.getMessage());
        return Flux.fromIterable(newIds)
                // a few at a time: a hundred concurrent deletes (each retried) would hit Logto's rate limit
                .flatMap(userId -> organizations.removeMember(organizationId, userId)
                        .onErrorResume(LogtoApiException.class, error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.empty() : Mono.error(error)),
                        UNDO_CONCURRENCY)
                .then(Mono.fromSupplier(() -> roleAssignmentFailed(errors,
                        "The members could not be given their roles, so they were not added. Try again.")))
                .onErrorResume(error -> {
                    log.error("Could not remove the new members {} of organization {} after a failed add ({}); they may be "
                            + "members without roles", newIds, organizationId, error.getMessage());
                    return Mono.just(roleAssignmentFailed(errors,
                            "The members could not be given their roles. Some may have been added without roles; check the member list."));
                });
    }

    /**
     * Replaces a member's roles ({@code manage:member} by default): the permission check, the role guards,
     * {@code GET /api/organizations/{id}/users?q=<userId>} (the member's current roles), the admin count when
     * an admin is demoted, then {@code PUT /api/organizations/{id}/users/{userId}/roles}. User errors:
     * {@code ROLE_REQUIRED}, {@code ROLE_NOT_FOUND}, {@code ROLE_NOT_ASSIGNABLE}, {@code ROLE_ESCALATION},
     * {@code NOT_A_MEMBER}, {@code OUTRANKED}, {@code LAST_ADMIN}; {@code ADMIN_COUNT_UNAVAILABLE} when a demoted
     * admin's new roles were written but the admins could not be counted again (the roles were put back). The
     * same roles again write nothing.
     *
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     * @throws ForbiddenException (emitted) without the permission; nothing is written
     * @throws BadRequestException (emitted) for more than 100 role ids, before any call
     */
    Mono<UpdateMemberRolesPayload> updateRoles(Caller caller, UpdateMemberRolesInput input) {
        if (input.roleIds().isEmpty()) {
            return Mono.just(UpdateMemberRolesPayload.failed(roleRequired()));
        }
        if (input.roleIds().size() > MAX_ROLES) {
            return Mono.error(tooManyRoles());
        }
        if (!MemberService.ID.matcher(input.userId()).matches()) {
            return Mono.just(UpdateMemberRolesPayload.failed(notAMember()));
        }
        return access.require(caller, input.organizationId(), access.permissions().updateMemberRoles()).flatMap(granted -> {
            List<UserError> roleErrors = granted.roleErrors(input.roleIds());
            if (!roleErrors.isEmpty()) {
                return Mono.just(UpdateMemberRolesPayload.failed(roleErrors));
            }
            return organizations.member(input.organizationId(), input.userId())
                    .flatMap(target -> replaceRoles(caller, granted, target, distinct(input.roleIds())))
                    .switchIfEmpty(Mono.fromSupplier(() -> UpdateMemberRolesPayload.failed(notAMember())));
        });
    }

    private Mono<UpdateMemberRolesPayload> replaceRoles(Caller caller, MemberAccess granted, OrganizationMember target,
            List<String> roleIds) {
        String organizationId = granted.organizationId();
        String userId = target.user().id();
        if (!granted.covers(target.roleIds())) {
            return Mono.just(UpdateMemberRolesPayload.failed(outranked()));
        }
        Member updated = new Member(organizationId, target.user(), roleIds, granted.template(), userId.equals(caller.viewer().userId()));
        if (Set.copyOf(roleIds).equals(Set.copyOf(target.roleIds()))) {
            return Mono.just(UpdateMemberRolesPayload.updated(updated));
        }
        OrganizationRole admin = access.adminRole(granted.template());
        boolean demotesAdmin = target.roleIds().contains(admin.id()) && !roleIds.contains(admin.id());
        // the member left, or a role was deleted, between the check and the write: Logto refused it, nothing changed. Only
        // the write's refusals are user errors; the same refusal of an undo means the undo failed, an error.
        Mono<Void> write = organizations.replaceRoles(organizationId, userId, roleIds).onErrorMap(LogtoApiException.class, error -> {
            if (error.is(LogtoErrorCode.REQUIRE_MEMBERSHIP)) {
                return new WriteRefused(notAMember());
            }
            return error.is(LogtoErrorCode.RELATION_FOREIGN_KEY_NOT_FOUND)
                    ? new WriteRefused(UserError.of(UserErrorCode.ROLE_NOT_FOUND, "A role was deleted meanwhile.", "input", "roleIds"))
                    : error;
        });
        return lastAdmin.write(demotesAdmin, organizationId, admin, write,
                        organizations.replaceRoles(organizationId, userId, target.roleIds()), lastAdminError())
                .map(UpdateMemberRolesPayload::failed)
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    events.published(ChangeEvent.Kind.MEMBER_ROLES_CHANGED, organizationId, List.of(userId), caller.viewer().userId());
                    return UpdateMemberRolesPayload.updated(updated);
                }))
                .onErrorResume(WriteRefused.class, refused -> Mono.just(UpdateMemberRolesPayload.failed(refused.userError)))
                .doOnTerminate(() -> membershipChanged(caller, userId));
    }

    /**
     * Removes a member ({@code delete:member} by default): the permission check,
     * {@code GET /api/organizations/{id}/users?q=<userId>}, the admin count when an admin is removed, then
     * {@code DELETE /api/organizations/{id}/users/{userId}} (their roles there go with the membership). User
     * errors: {@code NOT_A_MEMBER}, {@code OUTRANKED}, {@code LAST_ADMIN}; {@code ADMIN_COUNT_UNAVAILABLE} when a
     * removed admin was added back with their roles because the admins could not be counted again.
     *
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     * @throws ForbiddenException (emitted) without the permission; nothing is written
     */
    Mono<RemoveOrganizationMemberPayload> remove(Caller caller, RemoveOrganizationMemberInput input) {
        if (!MemberService.ID.matcher(input.userId()).matches()) {
            return Mono.just(RemoveOrganizationMemberPayload.failed(notAMember()));
        }
        String organizationId = input.organizationId();
        return access.require(caller, organizationId, access.permissions().removeMembers())
                .flatMap(granted -> organizations.member(organizationId, input.userId())
                        .flatMap(target -> granted.covers(target.roleIds())
                                ? lastAdmin.remove(organizationId, target.user().id(), target.roleIds(), access.adminRole(granted.template()),
                                                lastAdminError())
                                        .map(RemoveOrganizationMemberPayload::failed)
                                        .switchIfEmpty(Mono.fromSupplier(() -> {
                                            events.published(ChangeEvent.Kind.MEMBERS_REMOVED, organizationId, List.of(target.user().id()),
                                                    caller.viewer().userId());
                                            return RemoveOrganizationMemberPayload.removed(target.user().id());
                                        }))
                                        .doOnTerminate(() -> membershipChanged(caller, target.user().id()))
                                : Mono.just(RemoveOrganizationMemberPayload.failed(outranked())))
                        .switchIfEmpty(Mono.fromSupplier(() -> RemoveOrganizationMemberPayload.failed(notAMember()))));
    }

    /**
     * The viewer leaves an organization (membership is all it takes): the admin count when they hold the
     * admin role, then {@code DELETE /api/organizations/{id}/users/{userId}}. User errors: {@code LAST_ADMIN}
     * (the last admin may delete the organization instead); {@code ADMIN_COUNT_UNAVAILABLE} when an admin who
     * left was added back with their roles because the admins could not be counted again.
     *
     * @throws NotFoundException (emitted) when the viewer is not a member, or their token is scoped to another organization
     */
    Mono<LeaveOrganizationPayload> leave(Caller caller, LeaveOrganizationInput input) {
        String organizationId = input.organizationId();
        return access.requireMember(caller, organizationId)
                .flatMap(granted -> lastAdmin.remove(organizationId, caller.viewer().userId(), granted.membership().roleIds(),
                                access.adminRole(granted.template()), UserError.of(UserErrorCode.LAST_ADMIN,
                                        "You are the organization's last admin: make someone else admin first, or delete the organization.",
                                        "input", "organizationId"))
                        .map(LeaveOrganizationPayload::failed)
                        .switchIfEmpty(Mono.fromSupplier(() -> {
                            String userId = caller.viewer().userId();
                            events.published(ChangeEvent.Kind.MEMBERS_REMOVED, organizationId, List.of(userId), userId);
                            return LeaveOrganizationPayload.left(organizationId);
                        })))
                .doOnTerminate(() -> access.forgetMemberships(caller));
    }

    /**
     * After a member's roles or membership changed: later queries read theirs anew, and when they are the viewer, so do
     * later checks and fields of the same request.
     */
    private void membershipChanged(Caller caller, String userId) {
        access.membershipsChanged(List.of(userId));
        if (caller.viewer().userId().equals(userId)) {
            access.forgetMemberships(caller);
        }
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static AddOrganizationMembersPayload roleAssignmentFailed(List<UserError> errors, String message) {
        List<UserError> failed = new ArrayList<>(errors);
        failed.add(UserError.of(UserErrorCode.ROLE_ASSIGNMENT_FAILED, message, "input", "roleIds"));
        return AddOrganizationMembersPayload.failed(failed);
    }

    private static BadRequestException tooManyRoles() {
        return new BadRequestException("input.roleIds", "may hold at most " + MAX_ROLES + " role ids");
    }

    private static UserError roleRequired() {
        return UserError.of(UserErrorCode.ROLE_REQUIRED, "Choose at least one role.", "input", "roleIds");
    }

    private static UserError notAMember() {
        return UserError.of(UserErrorCode.NOT_A_MEMBER, "This user is not a member of the organization.", "input", "userId");
    }

    private static UserError outranked() {
        return UserError.of(UserErrorCode.OUTRANKED, "This member has permissions you do not have here.", "input", "userId");
    }

    private static UserError lastAdminError() {
        return UserError.of(UserErrorCode.LAST_ADMIN, "The organization must keep at least one admin.", "input", "userId");
    }

    /**
     * The people {@code addOrganizationMembers} names, checked one by one: the well-formed ids and the
     * normalised emails (each with its index in the input), and the user errors found so far.
     */
    private record Wanted(Map<String, String> ids, Map<String, String> emails, List<UserError> errors) {

        static Wanted of(List<String> userIds, List<String> rawEmails) {
            Wanted wanted = new Wanted(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
            for (int i = 0; i < userIds.size(); i++) {
                if (MemberService.ID.matcher(userIds.get(i)).matches()) {
                    wanted.ids().putIfAbsent(userIds.get(i), String.valueOf(i));
                } else {
                    wanted.errors().add(userNotFound("userIds", String.valueOf(i)));
                }
            }
            for (int i = 0; i < rawEmails.size(); i++) {
                EmailAddress email = EmailAddress.parse(rawEmails.get(i));
                if (email == null) {
                    wanted.errors().add(UserError.of(UserErrorCode.INVALID_EMAIL, "This is not an email address.",
                            "input", "emails", String.valueOf(i)));
                } else {
                    wanted.emails().putIfAbsent(email.value(), String.valueOf(i));
                }
            }
            return wanted;
        }

        boolean isEmpty() {
            return ids.isEmpty() && emails.isEmpty();
        }

        /**
         * The users to add, in the order asked for (a user named by id and by email is added once); a
         * {@code USER_NOT_FOUND} or {@code ALREADY_MEMBER} error for every id or email not added.
         *
         * @param existing the users with one of the ids or emails
         * @param nonMemberIds those of them who are not members yet
         */
        List<User> newMembers(List<User> existing, Set<String> nonMemberIds) {
            Map<String, User> byId = new LinkedHashMap<>();
            Map<String, User> byEmail = new LinkedHashMap<>();
            for (User user : existing) {
                byId.put(user.id(), user);
                if (user.primaryEmail() != null) {
                    byEmail.put(EmailAddress.lowerCase(user.primaryEmail()), user);
                }
            }
            Map<String, User> newMembers = new LinkedHashMap<>();
            pick(ids, byId, "userIds", nonMemberIds, newMembers);
            pick(emails, byEmail, "emails", nonMemberIds, newMembers);
            return List.copyOf(newMembers.values());
        }

        private void pick(Map<String, String> wanted, Map<String, User> found, String field, Set<String> nonMemberIds,
                Map<String, User> newMembers) {
            wanted.forEach((key, index) -> {
                User user = found.get(key);
                if (user == null) {
                    errors.add(userNotFound(field, index));
                } else if (!nonMemberIds.contains(user.id())) {
                    errors.add(UserError.of(UserErrorCode.ALREADY_MEMBER, "This user is already a member.", "input", field, index));
                } else {
                    newMembers.putIfAbsent(user.id(), user);
                }
            });
        }

        private static UserError userNotFound(String field, String index) {
            return UserError.of(UserErrorCode.USER_NOT_FOUND, "There is no such user.", "input", field, index);
        }
    }

    /** Logto refused a write as a user would need to know ({@code userError}); nothing was written. */
    private static final class WriteRefused extends RuntimeException {

        private final UserError userError;

        WriteRefused(UserError userError) {
            super(userError.message(), null, false, false); // an expected refusal: no stack trace
            this.userError = userError;
        }
    }
}
