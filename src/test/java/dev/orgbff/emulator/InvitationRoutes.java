package dev.orgbff.emulator;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code /api/organization-invitations/**} with Logto's status rules (CONTRACT.md §5, transcript scenario
 * {@code f.invitations}): {@code Expired} is computed on read, only Pending can move to Accepted or
 * Revoked, acceptance adds the membership and the invitation's roles, the invitee match on acceptance is
 * case-insensitive while the "already a member" and duplicate checks are case-sensitive. Messages need an
 * email connector: without one (the default) Logto answers 501 {@code connector.not_found}.
 */
final class InvitationRoutes {

    private static final List<String> SETTABLE_STATUSES = List.of(Invitation.ACCEPTED, Invitation.REVOKED);
    /** The known fields of connector-kit's {@code sendMessagePayloadGuard}, all optional strings. */
    private static final List<String> MESSAGE_PAYLOAD_FIELDS = List.of("code", "link", "locale", "uiLocales");

    private final TenantState state;
    private final Views views;

    InvitationRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/organization-invitations", this::list)
                .api("POST", "/api/organization-invitations", this::create)
                .api("GET", "/api/organization-invitations/{id}", this::get)
                .api("DELETE", "/api/organization-invitations/{id}", this::delete)
                .api("PUT", "/api/organization-invitations/{id}/status", this::updateStatus)
                .api("POST", "/api/organization-invitations/{id}/message", this::sendMessage);
    }

    /**
     * Unpaginated (paging parameters are ignored), newest first; {@code invitee} matches case-insensitively, as
     * Logto's {@code lower(invitee) = lower($1)} does: Postgres' lower() in a UTF-8 locale folds like Java's, the
     * Kelvin sign (U+212A) into k included.
     */
    private Response list(Request request) {
        Guard guard = Guard.query(request.queryObject());
        String organizationId = guard.optionalString("organizationId", 0, -1, false).value();
        String inviterId = guard.optionalString("inviterId", 0, -1, false).value();
        String invitee = guard.optionalString("invitee", 0, -1, false).value();
        guard.validate();
        long now = state.now();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        state.invitations().stream()
                .filter(invitation -> organizationId == null || organizationId.equals(invitation.organizationId()))
                .filter(invitation -> inviterId == null || inviterId.equals(invitation.inviterId()))
                .filter(invitation -> invitee == null || invitee.toLowerCase(Locale.ROOT).equals(invitation.invitee().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingLong(Invitation::createdAt).thenComparingLong(Invitation::sequence).reversed())
                .forEach(invitation -> rows.add(views.invitation(invitation, now)));
        return Response.json(200, rows);
    }

    /**
     * 201 with the invitation. Checks in Logto's order: guard, {@code expiresAt} in the future (400),
     * invitee already a member (422), a pending duplicate (422), unknown organization, inviter or role
     * (422), then the message (501 without a connector). Any failure leaves nothing behind.
     */
    private Response create(Request request) {
        JsonNode body = request.body();
        Guard guard = Guard.body(body);
        String inviterId = guard.optionalString("inviterId", 0, 21, true).value();
        String invitee = guard.requiredEmail("invitee");
        String organizationId = guard.requiredString("organizationId", 1, 21);
        double expiresAt = guard.requiredNumber("expiresAt");
        List<String> roleIds = guard.optionalStringArray("organizationRoleIds", 0).orElse(List.of());
        JsonNode messagePayload = messagePayload(guard, body.get("messagePayload"));
        guard.validate();
        long now = state.now();
        if (!(expiresAt > now)) {
            throw ApiError.invalidInput(400, "The value of `expiresAt` must be in the future.");
        }
        boolean alreadyMember = state.memberIds(organizationId).stream()
                .map(state.users()::get)
                .anyMatch(user -> user != null && invitee.equals(user.primaryEmail()));
        if (alreadyMember) {
            throw ApiError.invalidInput(422, "The invitee is already a member of the organization.");
        }
        // Logto first marks this invitee's stale pending invitations Expired, which frees the partial unique index
        state.invitations().stream()
                .filter(invitation -> invitee.equals(invitation.invitee()) && organizationId.equals(invitation.organizationId())
                        && invitation.isStalePending(now))
                .toList()
                .forEach(invitation -> state.invitations()
                        .put(invitation.withStatus(Invitation.EXPIRED, invitation.acceptedUserId(), now)));
        boolean duplicate = state.invitations().stream()
                .anyMatch(invitation -> Invitation.PENDING.equals(invitation.status()) && invitee.equals(invitation.invitee())
                        && organizationId.equals(invitation.organizationId()));
        if (duplicate) {
            throw ApiError.unique();
        }
        if (!state.organizations().contains(organizationId) || (inviterId != null && !state.users().contains(inviterId))
                || !state.roles().containsAll(roleIds)) {
            throw ApiError.foreignKey();
        }
        if (messagePayload != null && !state.emailConnector()) {
            throw connectorNotFound();
        }
        Invitation invitation = new Invitation(state.newId(IdGenerator.STANDARD), inviterId, invitee, null, organizationId,
                Invitation.PENDING, now, now, (long) expiresAt, List.copyOf(new LinkedHashSet<>(roleIds)),
                state.nextSequence());
        state.invitations().put(invitation);
        if (messagePayload != null) {
            state.recordMessage(new SentMessage(invitation.id(), invitee, messagePayload.deepCopy(), now));
        }
        return Response.json(201, views.invitation(invitation, now));
    }

    private Response get(Request request) {
        return Response.json(200, views.invitation(find(request.pathParam("id")), state.now()));
    }

    /** Deleting an accepted invitation keeps the membership it created (transcript step 251). */
    private Response delete(Request request) {
        return Response.deleted(state.deleteInvitation(request.pathParam("id")));
    }

    private Response updateStatus(Request request) {
        Guard guard = Guard.body(request.body());
        String acceptedUserId = guard.optionalString("acceptedUserId", 0, 21, true).value();
        String status = guard.requiredEnum("status", SETTABLE_STATUSES);
        guard.validate();
        boolean accepting = Invitation.ACCEPTED.equals(status);
        if (accepting && (acceptedUserId == null || acceptedUserId.isEmpty())) {
            throw ApiError.invalidInput(422, "The `acceptedUserId` is required when accepting an invitation.");
        }
        Invitation invitation = find(request.pathParam("id"));
        long now = state.now();
        if (!Invitation.PENDING.equals(invitation.statusAt(now))) {
            throw ApiError.invalidInput(422, "The status of the invitation cannot be changed anymore.");
        }
        if (!accepting) {
            Invitation revoked = invitation.withStatus(Invitation.REVOKED, invitation.acceptedUserId(), now);
            state.invitations().put(revoked);
            return Response.json(200, views.invitation(revoked, now));
        }
        User user = state.users().get(acceptedUserId);
        if (user == null) {
            throw ApiError.notFound();
        }
        // JavaScript's toLowerCase() in Logto, which folds like Java's with Locale.ROOT (the Kelvin sign U+212A into k)
        if (user.primaryEmail() == null
                || !user.primaryEmail().toLowerCase(Locale.ROOT).equals(invitation.invitee().toLowerCase(Locale.ROOT))) {
            throw ApiError.invalidInput(422, "The accepted user must have the same email as the invitee.");
        }
        List<String> added = state.isMember(invitation.organizationId(), user.id()) ? List.of() : List.of(user.id());
        state.addMember(invitation.organizationId(), user.id());
        MemberRoutes.raiseMembershipUpdated(request, invitation.organizationId(), added, List.of());
        invitation.roleIds().forEach(roleId -> state.addMemberRole(invitation.organizationId(), user.id(), roleId));
        Invitation accepted = invitation.withStatus(Invitation.ACCEPTED, user.id(), now);
        state.invitations().put(accepted);
        return Response.json(200, views.invitation(accepted, now));
    }

    /** 204 and a recorded {@link SentMessage} with a connector; 501 without one, whatever the invitation's status. */
    private Response sendMessage(Request request) {
        JsonNode body = request.body();
        Guard guard = Guard.body(body);
        for (String key : MESSAGE_PAYLOAD_FIELDS) {
            guard.optionalString(key, 0, -1, false);
        }
        guard.validate();
        Invitation invitation = find(request.pathParam("id"));
        if (!state.emailConnector()) {
            throw connectorNotFound();
        }
        state.recordMessage(new SentMessage(invitation.id(), invitation.invitee(), body.deepCopy(), state.now()));
        return Response.noContent();
    }

    private Invitation find(String id) {
        Invitation invitation = state.invitations().get(id);
        if (invitation == null) {
            throw ApiError.notFound();
        }
        return invitation;
    }

    /** {@code messagePayload}: an object to send, or {@code false} (the default) for no email. */
    private static @Nullable JsonNode messagePayload(Guard guard, @Nullable JsonNode value) {
        if (value == null || (value.isBoolean() && !value.booleanValue())) {
            return null;
        }
        if (!value.isObject()) {
            guard.optionalObject("messagePayload");
            return null;
        }
        return value;
    }

    private static ApiError connectorNotFound() {
        return ApiError.of(501, "connector.not_found", "Cannot find any available connector for type: Email.");
    }
}
