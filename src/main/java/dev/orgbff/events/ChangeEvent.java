package dev.orgbff.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One change to organizations, their members, invitations, the template or a user, as announced by a Logto webhook
 * or done by a write through this service. Events say what changed, not the new state: a reader reads that anew
 * (through the caches the event has just refreshed).
 *
 * @param id unique per change: for a webhook, {@code logto:} and the SHA-256 (hex) of the delivery's raw body, so a
 *     delivery Logto retries has the same id (a delivery that adds and removes members is two events, the second's id
 *     ending with {@code :removed}); for a write, {@code service:} and a random UUID
 * @param kind what changed
 * @param source who announced it
 * @param occurredAt when it happened: the webhook's {@code createdAt}, or when the write was answered
 * @param organizationId the organization it concerns; {@code null} for template and user changes
 * @param userIds the users it concerns: members added, removed or whose roles changed, the invitee who accepted or
 *     declined, the user updated; empty when none
 * @param invitationId the invitation of an {@code INVITATION_*} event, else {@code null}
 * @param invitee the invitee's email address, ASCII letters lower-cased, of an {@code INVITATION_*} event, else
 *     {@code null}
 * @param actorId the user who made a write through this service (so a member who left is told apart from one
 *     removed); {@code null} for webhooks, which do not say
 */
public record ChangeEvent(String id, Kind kind, Source source, Instant occurredAt, @Nullable String organizationId,
        List<String> userIds, @Nullable String invitationId, @Nullable String invitee, @Nullable String actorId) {

    public ChangeEvent {
        userIds = List.copyOf(userIds);
    }

    /** An event without an actor: a webhook's. */
    public ChangeEvent(String id, Kind kind, Source source, Instant occurredAt, @Nullable String organizationId,
            List<String> userIds, @Nullable String invitationId, @Nullable String invitee) {
        this(id, kind, source, occurredAt, organizationId, userIds, invitationId, invitee, null);
    }

    /** What changed. */
    public enum Kind {
        /** An organization was created (webhook {@code Organization.Created}). */
        ORGANIZATION_CREATED,
        /** An organization's name, description or custom data changed ({@code Organization.Data.Updated}). */
        ORGANIZATION_UPDATED,
        /** An organization was deleted, with all its memberships ({@code Organization.Deleted}). */
        ORGANIZATION_DELETED,
        /** Users became members: added, by invitation, or just in time ({@code Organization.Membership.Updated} {@code addedUserIds}). */
        MEMBERS_ADDED,
        /** Users stopped being members: removed or left ({@code Organization.Membership.Updated} {@code removedUserIds}). */
        MEMBERS_REMOVED,
        /** Members' organization roles changed: never announced by Logto, only by this service's writes. */
        MEMBER_ROLES_CHANGED,
        /** An invitation was created (service only). */
        INVITATION_CREATED,
        /** An invitation's email was sent again (service only). */
        INVITATION_RESENT,
        /** An invitation was revoked (service only). */
        INVITATION_REVOKED,
        /** An invitation was accepted; its invitee is now a member (service; Logto announces the membership). */
        INVITATION_ACCEPTED,
        /** An invitation was declined (service only). */
        INVITATION_DECLINED,
        /**
         * The organization template changed: a role, a permission, or which permissions a role grants
         * ({@code OrganizationRole.*}, {@code OrganizationScope.*}; {@code Scope.Data.Updated}, {@code Scope.Deleted} for
         * an API permission roles may grant).
         */
        TEMPLATE_CHANGED,
        /** A user's profile changed ({@code User.Data.Updated}) or the user was deleted ({@code User.Deleted}). */
        USER_UPDATED
    }

    /** Who announced a change. */
    public enum Source {
        /** A signed webhook delivery from Logto. */
        LOGTO_WEBHOOK,
        /** A write made through this service (on this instance or, through Redis, another). */
        SERVICE
    }

    /** An event of a write made through this service, now. */
    public static ChangeEvent ofWrite(Kind kind, Instant now, @Nullable String organizationId, List<String> userIds,
            @Nullable String invitationId, @Nullable String invitee) {
        return ofWrite(kind, now, organizationId, userIds, invitationId, invitee, null);
    }

    /** An event of a write {@code actorId} made through this service, now. */
    public static ChangeEvent ofWrite(Kind kind, Instant now, @Nullable String organizationId, List<String> userIds,
            @Nullable String invitationId, @Nullable String invitee, @Nullable String actorId) {
        return new ChangeEvent("service:" + UUID.randomUUID(), kind, Source.SERVICE, now, organizationId, userIds,
                invitationId, invitee, actorId);
    }

    /** Whether it concerns this user: one of {@link #userIds()}. */
    public boolean concerns(String userId) {
        return userIds.contains(userId);
    }
}
