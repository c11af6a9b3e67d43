package dev.orgbff.invitation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
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
import dev.orgbff.graphql.error.RateLimitedException;
import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.graphql.input.EmailAddress;
import dev.orgbff.logto.Invitation;
import dev.orgbff.logto.InvitationStatus;
import dev.orgbff.logto.InvitationsApi;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.LogtoUnavailableException;
import dev.orgbff.logto.User;
import dev.orgbff.logto.UsersApi;
import dev.orgbff.organization.MemberAccess;
import dev.orgbff.organization.OrganizationAccess;
import dev.orgbff.organization.OrganizationService;
import dev.orgbff.organization.ViewerAccess;
import dev.orgbff.ratelimit.Budget;
import dev.orgbff.ratelimit.UserRateLimits;
import dev.orgbff.security.Caller;

/**
 * What members holding {@code invite:member} do: invite people by email, resend and revoke invitations.
 * The inviter is always the caller. The role-escalation guard applies to the invited roles. Each email
 * sent counts against the caller's hourly budget of invitation emails ({@link Budget#invitationEmails}), taken
 * before anything is written or sent. An invitation whose email cannot be sent is kept ({@code EMAIL_NOT_SENT}).
 */
@Service
class InviteService {

    static final int DEFAULT_EXPIRY_DAYS = 7;
    static final int MAX_EXPIRY_DAYS = 30;
    private static final int MAX_EMAILS = 50;
    private static final int MAX_ROLES = 100;
    /**
     * Invitations created and emailed at once: a 10-address request takes one round trip for the creates and
     * one for the emails; a 50-address one, five of each, so it stays well inside Logto's rate limit.
     */
    private static final int CONCURRENCY = 10;
    private static final String NOT_FOUND = "Invitation not found";
    private static final Logger log = LoggerFactory.getLogger(InviteService.class);

    private final WriteEvents events;
    private final InvitationsApi invitations;
    private final UsersApi users;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final InvitationMailer mailer;
    private final UserRateLimits limits;
    private final Budget emailBudget;
    private final Clock clock;

    InviteService(InvitationsApi invitations, UsersApi users, OrganizationAccess access, OrganizationService organizations,
            InvitationMailer mailer, UserRateLimits limits, InvitationProperties properties, Clock clock, WriteEvents events) {
        this.invitations = invitations;
        this.users = users;
        this.access = access;
        this.organizations = organizations;
        this.mailer = mailer;
        this.limits = limits;
        this.emailBudget = Budget.invitationEmails(properties.emailsPerHour());
        this.clock = clock;
        this.events = events;
    }

    /**
     * Invites 1 to 50 email addresses to an organization with the same roles and expiry, checking each on
     * its own: a bad address does not fail the others. Calls: the permission check (memberships and
     * template, shared); three reads at once (the organization's invitations, the users with these emails,
     * those of them who are not members); then per address, a few at a time,
     * {@code POST /api/organization-invitations} and its email. Per-address user errors name their index:
     * {@code INVALID_EMAIL}, {@code ALREADY_MEMBER}, {@code INVITATION_PENDING} (the existing invitation is in
     * {@code pendingInvitations}), {@code INVITATION_FAILED} (Logto refused or did not answer),
     * {@code EMAIL_NOT_SENT} (the invitation exists). These invite nobody:
     * {@code EMAILS_REQUIRED}, {@code TOO_MANY_EMAILS}, {@code INVALID_EXPIRY}, {@code ROLE_REQUIRED} and the
     * role guards ({@code ROLE_NOT_FOUND}, {@code ROLE_NOT_ASSIGNABLE}, {@code ROLE_ESCALATION}).
     *
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     * @throws ForbiddenException (emitted) without {@code invite:member}
     * @throws RateLimitedException (emitted) when the caller's email budget does not hold them all; nothing is sent
     * @throws BadRequestException (emitted) for more than 100 role ids
     */
    Mono<InviteMembersPayload> invite(Caller caller, InviteMembersInput input) {
        if (input.emails().isEmpty()) {
            return Mono.just(InviteMembersPayload.failed(List.of(UserError.of(UserErrorCode.EMAILS_REQUIRED,
                    "Enter at least one email address.", "input", "emails"))));
        }
        if (input.emails().size() > MAX_EMAILS) {
            return Mono.just(InviteMembersPayload.failed(List.of(UserError.of(UserErrorCode.TOO_MANY_EMAILS,
                    "Invite at most " + MAX_EMAILS + " addresses at a time.", "input", "emails"))));
        }
        int days = input.expiresInDays() == null ? DEFAULT_EXPIRY_DAYS : input.expiresInDays();
        if (days < 1 || days > MAX_EXPIRY_DAYS) {
            return Mono.just(InviteMembersPayload.failed(List.of(UserError.of(UserErrorCode.INVALID_EXPIRY,
                    "An invitation can be valid for 1 to " + MAX_EXPIRY_DAYS + " days.", "input", "expiresInDays"))));
        }
        if (input.roleIds().isEmpty()) {
            return Mono.just(InviteMembersPayload.failed(List.of(UserError.of(UserErrorCode.ROLE_REQUIRED,
                    "Choose at least one role.", "input", "roleIds"))));
        }
        if (input.roleIds().size() > MAX_ROLES) {
            return Mono.error(new BadRequestException("input.roleIds", "may hold at most " + MAX_ROLES + " role ids"));
        }
        List<UserError> errors = new ArrayList<>();
        Map<String, String> emails = new LinkedHashMap<>(); // normalised address -> its index in the input
        for (int i = 0; i < input.emails().size(); i++) {
            EmailAddress email = EmailAddress.parseInvitee(input.emails().get(i));
            if (email == null) {
                errors.add(UserError.of(UserErrorCode.INVALID_EMAIL, "This is not an email address.", "input", "emails", String.valueOf(i)));
            } else {
                emails.putIfAbsent(email.value(), String.valueOf(i));
            }
        }
        if (emails.isEmpty()) {
            return Mono.just(InviteMembersPayload.failed(errors));
        }
        String organizationId = input.organizationId();
        List<String> roleIds = List.copyOf(new LinkedHashSet<>(input.roleIds()));
        return access.require(caller, organizationId, access.permissions().inviteMembers()).flatMap(granted -> {
            organizations.known(caller, granted.organization()); // the payload's invitations show it without a call
            List<UserError> roleErrors = granted.roleErrors(input.roleIds());
            if (!roleErrors.isEmpty()) {
                roleErrors.addAll(errors);
                return Mono.just(InviteMembersPayload.failed(roleErrors));
            }
            return Mono.zip(invitations.organizationInvitations(organizationId),
                            users.usersByIdOrEmail(List.of(), emails.keySet(), null).collectList(),
                            users.usersByIdOrEmail(List.of(), emails.keySet(), organizationId).map(User::id).collect(Collectors.toSet()))
                    .flatMap(existing -> {
                        List<Invitation> pending = new ArrayList<>();
                        Map<String, String> toInvite = new LinkedHashMap<>();
                        Set<String> members = memberEmails(existing.getT2(), existing.getT3());
                        emails.forEach((email, index) -> {
                            Invitation pendingOne = existing.getT1().stream()
                                    .filter(invitation -> invitation.status() == InvitationStatus.PENDING && EmailAddress.lowerCase(invitation.invitee()).equals(email))
                                    .findFirst().orElse(null);
                            if (members.contains(email)) {
                                errors.add(alreadyMember("input", "emails", index));
                            } else if (pendingOne != null) {
                                pending.add(pendingOne);
                                errors.add(invitationPending("input", "emails", index));
                            } else {
                                toInvite.put(email, index);
                            }
                        });
                        long expiresAt = clock.instant().plus(Duration.ofDays(days)).toEpochMilli();
                        return limits.take(caller.viewer().userId(), emailBudget, toInvite.size())
                                .thenMany(Flux.fromIterable(toInvite.entrySet()).flatMapSequential(email -> createAndSend(caller, organizationId,
                                        email.getKey(), roleIds, expiresAt, "input", "emails", email.getValue()), CONCURRENCY))
                                .collectList()
                                .map(results -> {
                                    List<Invitation> created = new ArrayList<>();
                                    for (Sent sent : results) {
                                        if (sent.invitation() != null) {
                                            created.add(sent.invitation());
                                        }
                                        errors.addAll(sent.errors());
                                    }
                                    return new InviteMembersPayload(created, pending, errors);
                                });
                    });
        });
    }

    /**
     * Sends an invitation again ({@code invite:member}; one email from the caller's budget): a pending one
     * gets its email again; an expired one is replaced by a new pending invitation with the same roles and
     * the default expiry (the old one stays as it is). Either way the role-escalation guard applies to the
     * resender. User errors: {@code INVITATION_NOT_PENDING} (accepted or revoked), {@code ROLE_NOT_FOUND},
     * {@code ROLE_ESCALATION}, {@code EMAIL_NOT_SENT} (the invitation exists), and for a replacement
     * {@code ALREADY_MEMBER}, {@code INVITATION_PENDING} or {@code INVITATION_FAILED}.
     *
     * @throws NotFoundException (emitted) for an unknown invitation or one of an organization the viewer may not see
     * @throws ForbiddenException (emitted) without {@code invite:member} there
     * @throws RateLimitedException (emitted) when the caller's email budget is used up
     */
    Mono<InvitationPayload> resend(Caller caller, InvitationInput input) {
        return inviterAction(caller, input.invitationId(), (granted, invitation) -> {
            if (invitation.status() == InvitationStatus.ACCEPTED || invitation.status() == InvitationStatus.REVOKED) {
                return Mono.just(InvitationPayload.failed(notPending()));
            }
            // sending an invitation again is granting its roles again: the resender must hold their permissions
            List<UserError> roleErrors = granted.roleErrors(invitation.roleIds());
            if (!roleErrors.isEmpty()) {
                return Mono.just(new InvitationPayload(null, roleErrors));
            }
            if (invitation.status() == InvitationStatus.PENDING) {
                return limits.take(caller.viewer().userId(), emailBudget, 1)
                        .then(mailer.send(invitation, "input", "invitationId"))
                        .doOnNext(errors -> {
                            if (errors.isEmpty()) {
                                events.published(ChangeEvent.Kind.INVITATION_RESENT, invitation, EmailAddress.lowerCase(invitation.invitee()),
                                        List.of(), caller.viewer().userId());
                            }
                        })
                        .map(errors -> new InvitationPayload(invitation, errors));
            }
            long expiresAt = clock.instant().plus(Duration.ofDays(DEFAULT_EXPIRY_DAYS)).toEpochMilli();
            return limits.take(caller.viewer().userId(), emailBudget, 1)
                    .then(createAndSend(caller, invitation.organizationId(), EmailAddress.lowerCase(invitation.invitee()),
                            invitation.roleIds(), expiresAt, "input", "invitationId"))
                    .map(sent -> new InvitationPayload(sent.invitation(), sent.errors()));
        });
    }

    /**
     * Revokes a pending invitation ({@code invite:member}): {@code PUT /api/organization-invitations/{id}/status}
     * {@code Revoked}. User error: {@code INVITATION_NOT_PENDING}.
     *
     * @throws NotFoundException (emitted) for an unknown invitation or one of an organization the viewer may not see
     * @throws ForbiddenException (emitted) without {@code invite:member} there
     */
    Mono<InvitationPayload> revoke(Caller caller, InvitationInput input) {
        return inviterAction(caller, input.invitationId(), (granted, invitation) -> invitation.status() != InvitationStatus.PENDING
                ? Mono.just(InvitationPayload.failed(notPending()))
                : invitations.revokeInvitation(invitation.id())
                        .doOnNext(revoked -> events.published(ChangeEvent.Kind.INVITATION_REVOKED, revoked, EmailAddress.lowerCase(revoked.invitee()),
                                List.of(), caller.viewer().userId()))
                        .map(InvitationPayload::of)
                        // accepted or revoked meanwhile: Logto refuses a status change of a final status with 422
                        .onErrorResume(LogtoApiException.class, error -> error.status() == 422
                                ? Mono.just(InvitationPayload.failed(notPending()))
                                : Mono.error(error)));
    }

    /**
     * Reads the invitation and the caller's access together, so that a member of its organization holding
     * {@code invite:member} may act on it, then runs {@code action}.
     */
    private Mono<InvitationPayload> inviterAction(Caller caller, String invitationId,
            BiFunction<MemberAccess, Invitation, Mono<InvitationPayload>> action) {
        return Mono.zip(invitations.invitation(invitationId), access.viewerAccess(caller))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(NOT_FOUND)))
                .flatMap(loaded -> action.apply(inviter(caller, loaded.getT2(), loaded.getT1()), loaded.getT1()));
    }

    /** The caller's access in the invitation's organization, if it lets them invite. */
    private MemberAccess inviter(Caller caller, ViewerAccess viewerAccess, Invitation invitation) {
        MemberAccess granted = viewerAccess.in(invitation.organizationId())
                .orElseThrow(() -> new NotFoundException(NOT_FOUND)); // a non-member does not learn the invitation exists
        organizations.known(caller, granted.organization());
        String permission = access.permissions().inviteMembers();
        if (!granted.has(permission)) {
            throw new ForbiddenException("This needs the organization permission '" + permission + "'");
        }
        return granted;
    }

    /**
     * Creates one pending invitation from the caller and emails it; whatever happens to this address becomes
     * its own user error, so the other addresses of the request go ahead. A 422 Logto answers despite the
     * checks before (someone invited or added the person meanwhile) is the error those checks would have
     * given; any other refusal or failure is {@code INVITATION_FAILED}.
     */
    private Mono<Sent> createAndSend(Caller caller, String organizationId, String email, List<String> roleIds, long expiresAt,
            String... field) {
        return invitations.createInvitation(organizationId, caller.viewer().userId(), email, roleIds, expiresAt)
                .onErrorResume(error -> error instanceof LogtoApiException || error instanceof LogtoUnavailableException,
                        error -> Mono.error(new NotCreated(error)))
                .doOnNext(created -> events.published(ChangeEvent.Kind.INVITATION_CREATED, created, email, List.of(), caller.viewer().userId()))
                .flatMap(created -> mailer.send(created, field).map(errors -> new Sent(created, errors)))
                .onErrorResume(NotCreated.class, notCreated -> Mono.just(new Sent(null, List.of(notCreated(notCreated.getCause(), field)))));
    }

    private static UserError notCreated(Throwable error, String... field) {
        if (error instanceof LogtoApiException refused && refused.is(LogtoErrorCode.UNIQUE_INTEGRITY_VIOLATION)) {
            return invitationPending(field);
        }
        if (error instanceof LogtoApiException refused && refused.is(LogtoErrorCode.REQUEST_INVALID_INPUT) && refused.status() == 422) {
            return alreadyMember(field);
        }
        log.warn("Logto did not create an invitation ({})", error.getMessage());
        return UserError.of(UserErrorCode.INVITATION_FAILED, "The invitation could not be created. Try this address again.", field);
    }

    /** Marks a failed create, so that a failure of the email after it is not taken for one. */
    private static final class NotCreated extends RuntimeException {
        NotCreated(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The (lower-cased) emails of the users who are members already: those found, minus those found outside the organization. */
    private static Set<String> memberEmails(List<User> withTheseEmails, Set<String> nonMemberIds) {
        return withTheseEmails.stream()
                .filter(user -> !nonMemberIds.contains(user.id()) && user.primaryEmail() != null)
                .map(user -> EmailAddress.lowerCase(user.primaryEmail()))
                .collect(Collectors.toSet());
    }

    private static UserError alreadyMember(String... field) {
        return UserError.of(UserErrorCode.ALREADY_MEMBER, "This person is already a member.", field);
    }

    private static UserError invitationPending(String... field) {
        return UserError.of(UserErrorCode.INVITATION_PENDING, "This person has a pending invitation already; resend it instead.", field);
    }

    private static UserError notPending() {
        return UserError.of(UserErrorCode.INVITATION_NOT_PENDING, "This invitation was already accepted or revoked.", "input", "invitationId");
    }

    /**
     * What became of one address.
     *
     * @param invitation the invitation created, or {@code null}
     * @param errors why it was not created, or that its email was not sent
     */
    private record Sent(@Nullable Invitation invitation, List<UserError> errors) {
    }
}
