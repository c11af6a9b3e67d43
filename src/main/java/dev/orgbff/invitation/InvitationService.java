package dev.orgbff.invitation;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Service;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.EventStream;
import dev.orgbff.events.WriteEvents;
import dev.orgbff.graphql.error.ForbiddenException;
import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.graphql.input.EmailAddress;
import dev.orgbff.graphql.relay.Connection;
import dev.orgbff.graphql.relay.Connections;
import dev.orgbff.logto.Invitation;
import dev.orgbff.logto.InvitationStatus;
import dev.orgbff.logto.InvitationsApi;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.User;
import dev.orgbff.organization.MemberAccess;
import dev.orgbff.organization.OrganizationAccess;
import dev.orgbff.organization.OrganizationFieldPrefetch;
import dev.orgbff.organization.OrganizationService;
import dev.orgbff.security.Caller;
import dev.orgbff.security.SubscriptionLimits;
import dev.orgbff.template.TemplateService;
import dev.orgbff.viewer.ViewerService;

/**
 * Reading invitations, and what an invitee does with one. An invitation is visible to its invitee (the
 * caller's primary email as Logto holds it, never client input or token claims) and to members holding
 * {@code invite:member} in its organization; to everyone else it does not exist. The invitee accepts
 * (Logto adds them with the invitation's roles) or declines (Logto's {@code Revoked}: it has no separate
 * status). Logto answers every refused status change with the same 422, so the codes are decided from the
 * invitation and the caller's email, read first.
 */
@Service
class InvitationService implements OrganizationFieldPrefetch {

    private static final String NOT_FOUND = "Invitation not found";
    /** The inviter of each invitation in a connection's selection set. */
    private static final String INVITER = "edges/node/inviter";

    private final EventStream stream;
    private final SubscriptionLimits subscriptions;
    private final WriteEvents events;
    private final InvitationsApi invitations;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final ViewerService viewers;
    private final TemplateService templates;
    private final InvitationMailer mailer;
    private final Connections connections;

    InvitationService(InvitationsApi invitations, OrganizationAccess access, OrganizationService organizations, ViewerService viewers,
            TemplateService templates, InvitationMailer mailer, Connections connections, WriteEvents events,
            EventStream stream, SubscriptionLimits subscriptions) {
        this.invitations = invitations;
        this.access = access;
        this.organizations = organizations;
        this.viewers = viewers;
        this.templates = templates;
        this.mailer = mailer;
        this.connections = connections;
        this.events = events;
        this.stream = stream;
        this.subscriptions = subscriptions;
    }

    /**
     * An organization's invitations, newest first, optionally of one status, as a connection sliced here
     * (Logto does not page them): the permission check ({@code invite:member}; memberships and template,
     * shared) and, requested together with it (a read may; writes check first), one
     * {@code GET /api/organization-invitations?organizationId=}. The organization is known
     * to the request afterwards, so the invitations' {@code organization} costs no call.
     *
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     * @throws ForbiddenException (emitted) without {@code invite:member}
     */
    Mono<Connection<Invitation>> organizationInvitations(Caller caller, String organizationId, @Nullable InvitationStatus status,
            Subrange<Integer> range) {
        // a read: the permission check and the list are requested together; the list is used only once it passed
        return connections.slice(Mono.zip(access.require(caller, organizationId, access.permissions().inviteMembers()),
                        invitations.organizationInvitations(organizationId))
                .doOnNext(checked -> organizations.known(caller, checked.getT1().organization()))
                .map(checked -> checked.getT2())
                .map(all -> status == null ? all : all.stream().filter(invitation -> invitation.status() == status).toList()), range);
    }

    /** {@code Organization.invitations}, read ahead by {@code Query.organization}. */
    @Override
    public String field() {
        return "invitations";
    }

    /**
     * {@link #organizationInvitations} for the field's resolved arguments ({@code status} by its GraphQL name). When
     * the selection shows inviters, those the request does not hold yet are read right after the list, in one batch,
     * instead of at the next DataLoader dispatch, which waits for every other field of the level (such as
     * {@code viewerCan.leave}, whose admin count would put the inviters a round trip later).
     */
    @Override
    public Mono<Connection<Invitation>> read(Caller caller, String organizationId, SelectedField field) {
        Object status = field.getArguments().get("status");
        Mono<Connection<Invitation>> page = organizationInvitations(caller, organizationId,
                status == null ? null : InvitationStatus.valueOf(status.toString()), connections.range(field.getArguments()));
        if (!field.getSelectionSet().contains(INVITER)) {
            return page;
        }
        return page.flatMap(connection -> viewers.readAhead(caller, connection.edges().stream().map(edge -> edge.node().inviterId())
                .filter(Objects::nonNull).collect(Collectors.toSet())).thenReturn(connection));
    }

    /**
     * The invitations to the viewer's primary email that can still be accepted, newest first: the viewer's
     * email (the users DataLoader), then one {@code GET /api/organization-invitations?invitee=}. Empty for a
     * viewer without a primary email.
     */
    Mono<List<Invitation>> pendingInvitations(Caller caller) {
        return viewers.primaryEmail(caller)
                // Logto's invitee filter lower-cases both sides with Postgres' lower(), which can fold a non-ASCII letter
                // into an ASCII one (the Kelvin sign into k): another address's invitations are dropped here
                .flatMap(email -> invitations.inviteeInvitations(email).map(all -> all.stream()
                        .filter(invitation -> invitation.status() == InvitationStatus.PENDING && isInvitee(invitation, email))
                        .toList()))
                .defaultIfEmpty(List.of());
    }

    /**
     * The subscription {@code viewerInvitationEvents}: invitations to the viewer's primary email (read once, at the
     * start, through the users DataLoader) created, sent again or revoked through this service, from then on. Each
     * event's fields read the invitation anew ({@link Caller#forgetAll}); none for a viewer without a primary email.
     */
    Flux<ViewerInvitationEvent> viewerInvitationEvents(Caller caller) {
        return stream.follow(subscriptions.buffer(), caller.dispatched(viewers.primaryEmail(caller)).defaultIfEmpty(""), (email, event) -> {
            ViewerInvitationEvent.Kind kind = switch (event.kind()) {
                case INVITATION_CREATED -> ViewerInvitationEvent.Kind.CREATED;
                case INVITATION_RESENT -> ViewerInvitationEvent.Kind.RESENT;
                case INVITATION_REVOKED -> ViewerInvitationEvent.Kind.REVOKED;
                default -> null;
            };
            if (kind == null || email.isEmpty() || !email.equals(event.invitee()) || event.invitationId() == null) {
                return Mono.empty();
            }
            caller.forgetAll();
            return Mono.just(new ViewerInvitationEvent(kind, event.source(), event.occurredAt().atOffset(ZoneOffset.UTC), event.invitationId()));
        });
    }

    /**
     * One invitation, for its invitee or a member who may invite in its organization: one
     * {@code GET /api/organization-invitations/{id}}, with the viewer's email and memberships read alongside.
     *
     * @throws NotFoundException (emitted) for everyone else, the same as for an unknown id
     */
    Mono<Invitation> invitation(Caller caller, String invitationId) {
        return Mono.zip(invitations.invitation(invitationId), viewers.primaryEmail(caller).defaultIfEmpty(""), access.viewerAccess(caller))
                .filter(loaded -> {
                    Invitation invitation = loaded.getT1();
                    MemberAccess member = loaded.getT3().in(invitation.organizationId()).orElse(null);
                    if (member != null) {
                        organizations.known(caller, member.organization());
                    }
                    return isInvitee(invitation, loaded.getT2())
                            || member != null && member.has(access.permissions().inviteMembers());
                })
                .map(loaded -> loaded.getT1())
                .switchIfEmpty(Mono.error(() -> new NotFoundException(NOT_FOUND)));
    }

    /** The user who sent the invitation, through the users DataLoader (one batch for every inviter of the request); empty for none. */
    Mono<User> inviter(Caller caller, Invitation invitation) {
        return Mono.justOrEmpty(invitation.inviterId()).flatMap(userId -> viewers.user(caller, userId));
    }

    /** The user who accepted the invitation, through the users DataLoader; empty until someone did. */
    Mono<User> acceptedUser(Caller caller, Invitation invitation) {
        return Mono.justOrEmpty(invitation.acceptedUserId()).flatMap(userId -> viewers.user(caller, userId));
    }

    /** The roles the invitee gets on acceptance, sorted by name, from the request's template (roles deleted since are left out). */
    Mono<List<OrganizationRole>> roles(Caller caller, Invitation invitation) {
        return templates.template(caller).map(template -> template.roles(invitation.roleIds()));
    }

    /**
     * The accept link of an invitation, for members who may invite in its organization; empty for everyone
     * else, the invitee included (their link came by email). Shares the request's memberships and template.
     */
    Mono<String> acceptUrl(Caller caller, Invitation invitation) {
        return access.memberAccess(caller, invitation.organizationId())
                .filter(member -> member.has(access.permissions().inviteMembers()))
                .map(member -> mailer.acceptUrl(invitation.id()));
    }

    /**
     * The invitee accepts: {@code PUT /api/organization-invitations/{id}/status} {@code Accepted} with the
     * caller as the accepting user, after reading the invitation and the caller's email. User errors:
     * {@code EMAIL_MISMATCH}, {@code INVITATION_EXPIRED}, {@code INVITATION_NOT_PENDING}. An invitation the
     * caller accepted already is a success (so is joining an organization they belong to already).
     *
     * @throws NotFoundException (emitted) for an unknown invitation
     * @throws ForbiddenException (emitted) for a token scoped to another organization
     */
    Mono<AcceptInvitationPayload> accept(Caller caller, InvitationInput input) {
        return inviteeAction(caller, input.invitationId(), AcceptInvitationPayload::failed, invitation -> {
            if (invitation.status() == InvitationStatus.ACCEPTED && caller.viewer().userId().equals(invitation.acceptedUserId())) {
                return Mono.just(AcceptInvitationPayload.joined(invitation.organizationId()));
            }
            return invitations.acceptInvitation(invitation.id(), caller.viewer().userId())
                    .doOnNext(accepted -> {
                        access.forgetMemberships(caller);
                        String userId = caller.viewer().userId();
                        events.published(ChangeEvent.Kind.INVITATION_ACCEPTED, accepted, EmailAddress.lowerCase(accepted.invitee()),
                                List.of(userId), userId);
                        events.published(ChangeEvent.Kind.MEMBERS_ADDED, accepted.organizationId(), List.of(userId), userId);
                    })
                    .map(accepted -> AcceptInvitationPayload.joined(accepted.organizationId()));
        });
    }

    /** The organization an accepted invitation made the viewer a member of, read anew (with their new roles); empty after a user error. */
    Mono<Organization> joined(Caller caller, AcceptInvitationPayload payload) {
        return Mono.justOrEmpty(payload.organizationId()).flatMap(organizationId -> access.organization(caller, organizationId));
    }

    /**
     * The invitee declines: {@code PUT /api/organization-invitations/{id}/status} {@code Revoked}, after
     * reading the invitation and the caller's email. User errors: {@code EMAIL_MISMATCH},
     * {@code INVITATION_EXPIRED}, {@code INVITATION_NOT_PENDING}.
     *
     * @throws NotFoundException (emitted) for an unknown invitation
     * @throws ForbiddenException (emitted) for a token scoped to another organization
     */
    Mono<InvitationPayload> decline(Caller caller, InvitationInput input) {
        return inviteeAction(caller, input.invitationId(), InvitationPayload::failed, invitation -> invitation.status() == InvitationStatus.PENDING
                ? invitations.revokeInvitation(invitation.id())
                        .doOnNext(declined -> events.published(ChangeEvent.Kind.INVITATION_DECLINED, declined,
                                EmailAddress.lowerCase(declined.invitee()), List.of(caller.viewer().userId()), caller.viewer().userId()))
                        .map(InvitationPayload::of)
                : Mono.just(InvitationPayload.failed(notPending())));
    }

    /**
     * Reads the invitation and the caller's email together, checks them, and runs {@code action} on a
     * pending invitation (or on an accepted one: accepting again is the action's call). A status change
     * Logto refuses (someone changed the invitation meanwhile) is decided again from a fresh read.
     */
    private <P> Mono<P> inviteeAction(Caller caller, String invitationId, Function<UserError, P> failed,
            Function<Invitation, Mono<P>> action) {
        return Mono.zip(invitations.invitation(invitationId), viewers.primaryEmail(caller).defaultIfEmpty(""))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(NOT_FOUND)))
                .flatMap(loaded -> {
                    Invitation invitation = loaded.getT1();
                    String email = loaded.getT2();
                    UserError refusal = refusal(caller, invitation, email);
                    if (refusal != null) {
                        return Mono.just(failed.apply(refusal));
                    }
                    return action.apply(invitation).onErrorResume(LogtoApiException.class, error -> error.status() != 422
                            ? Mono.error(error)
                            : invitations.invitation(invitationId)
                                    .switchIfEmpty(Mono.error(() -> new NotFoundException(NOT_FOUND)))
                                    .flatMap(now -> {
                                        // e.g. a second click of the same accept: now accepted by this caller, a success
                                        UserError changed = refusal(caller, now, email);
                                        return changed != null ? Mono.just(failed.apply(changed)) : action.apply(now)
                                                .onErrorResume(LogtoApiException.class, again -> Mono.just(failed.apply(notPending())));
                                    }));
                });
    }

    /** Why the caller may not act on the invitation as its invitee, or {@code null} when they may. */
    private static @Nullable UserError refusal(Caller caller, Invitation invitation, String email) {
        if (!caller.viewer().mayAct(invitation.organizationId())) {
            throw new ForbiddenException("A token scoped to one organization cannot join another; use an access token for this API");
        }
        if (!isInvitee(invitation, email)) {
            return UserError.of(UserErrorCode.EMAIL_MISMATCH,
                    "This invitation is for another email address. Sign in with the address it was sent to.", "input", "invitationId");
        }
        return switch (invitation.status()) {
            case EXPIRED -> UserError.of(UserErrorCode.INVITATION_EXPIRED, "This invitation has expired. Ask for a new one.",
                    "input", "invitationId");
            case REVOKED -> notPending();
            case ACCEPTED -> caller.viewer().userId().equals(invitation.acceptedUserId()) ? null : notPending();
            case PENDING -> null;
        };
    }

    private static boolean isInvitee(Invitation invitation, String email) {
        // not Logto's own check, which lower-cases both sides with JavaScript's toLowerCase: that turns the Kelvin sign into k
        return !email.isEmpty() && EmailAddress.lowerCase(invitation.invitee()).equals(email);
    }

    private static UserError notPending() {
        return UserError.of(UserErrorCode.INVITATION_NOT_PENDING, "This invitation was already accepted or revoked.", "input", "invitationId");
    }
}
