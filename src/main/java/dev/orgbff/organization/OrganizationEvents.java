package dev.orgbff.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.EventStream;
import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.logto.UserOrganization;
import dev.orgbff.security.Caller;
import dev.orgbff.security.SubscriptionLimits;
import dev.orgbff.security.Viewer;

/**
 * The subscriptions {@code viewerOrganizationEvents} and {@code organizationEvents}: the {@link EventStream}'s events
 * that concern the subscriber, each checked again as a query would be, against the subscriber's memberships read
 * anew for that event ({@link OrganizationAccess#currentAccess}: one {@code GET /api/users/{userId}/organizations}
 * per event that may concern them; none for the others). Nothing about an organization the subscriber is not a
 * member of, or their token may not act in, is sent.
 */
@Service
class OrganizationEvents {

    /** The kinds {@code organizationEvents} relays, under the same names. */
    private static final Set<ChangeEvent.Kind> RELAYED = EnumSet.of(ChangeEvent.Kind.MEMBERS_ADDED, ChangeEvent.Kind.MEMBERS_REMOVED,
            ChangeEvent.Kind.MEMBER_ROLES_CHANGED, ChangeEvent.Kind.INVITATION_CREATED, ChangeEvent.Kind.INVITATION_RESENT,
            ChangeEvent.Kind.INVITATION_REVOKED, ChangeEvent.Kind.INVITATION_ACCEPTED, ChangeEvent.Kind.INVITATION_DECLINED,
            ChangeEvent.Kind.ORGANIZATION_UPDATED, ChangeEvent.Kind.ORGANIZATION_DELETED);

    private static final Set<ChangeEvent.Kind> INVITATIONS = EnumSet.of(ChangeEvent.Kind.INVITATION_CREATED, ChangeEvent.Kind.INVITATION_RESENT,
            ChangeEvent.Kind.INVITATION_REVOKED, ChangeEvent.Kind.INVITATION_ACCEPTED, ChangeEvent.Kind.INVITATION_DECLINED);

    private final EventStream events;
    private final OrganizationAccess access;
    private final int buffer;

    OrganizationEvents(EventStream events, OrganizationAccess access, SubscriptionLimits subscriptions) {
        this.events = events;
        this.access = access;
        this.buffer = subscriptions.buffer();
    }

    /**
     * The changes to the viewer's organizations (those their token may act in), from now on. The organizations the
     * viewer belongs to and their permissions there are read at the start and kept per subscription, so each change
     * is told once whatever number of events announce it (a service write and Logto's webhook for the same joining):
     * JOINED when an organization appears among the viewer's memberships, LEFT or REMOVED when it disappears,
     * PERMISSIONS_CHANGED for each organization whose permissions a template change changed.
     */
    Flux<ViewerOrganizationEvent> viewerOrganizationEvents(Caller caller) {
        Viewer viewer = caller.viewer();
        return events.follow(buffer, access.currentAccess(caller).map(start -> new Known(viewer, start)),
                (known, event) -> {
                    if (!known.mayConcern(event)) {
                        return Flux.empty();
                    }
                    if (event.kind() == ChangeEvent.Kind.ORGANIZATION_DELETED) { // nothing to read: it is gone
                        known.permissions.remove(event.organizationId());
                        return Flux.just(new ViewerOrganizationEvent(ViewerOrganizationEvent.Kind.DELETED, event.source(),
                                at(event), event.organizationId(), null, List.of()));
                    }
                    return access.currentAccess(caller).flatMapIterable(now -> known.changes(event, now));
                });
    }

    /**
     * The changes in one organization, from now on, for a member: each event is sent after the subscriber's
     * membership was read again; invitation events only to members who may invite. When they are no longer a member
     * (or the organization was deleted) the last event says so and the subscription completes.
     *
     * @throws NotFoundException (emitted, before any event) for a non-member, an unknown organization and one their
     *     token is not scoped to, alike
     */
    Flux<OrganizationEvent> organizationEvents(Caller caller, String organizationId) {
        Mono<MemberAccess> start = access.currentAccess(caller)
                .flatMap(now -> Mono.justOrEmpty(now.in(organizationId)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Organization not found")));
        String invite = access.permissions().inviteMembers();
        return events.follow(buffer, start, (unused, event) -> {
            if (!organizationId.equals(event.organizationId()) || !RELAYED.contains(event.kind())) {
                return Mono.<OrganizationEvent>empty();
            }
            if (event.kind() == ChangeEvent.Kind.ORGANIZATION_DELETED) {
                return Mono.just(organizationEvent(OrganizationEvent.Kind.ORGANIZATION_DELETED, event, null));
            }
            return access.currentAccess(caller).flatMap(now -> {
                MemberAccess member = now.in(organizationId).orElse(null);
                if (member == null) {
                    return Mono.just(organizationEvent(OrganizationEvent.Kind.ACCESS_LOST, event, null));
                }
                if (INVITATIONS.contains(event.kind()) && !member.has(invite)) {
                    return Mono.empty();
                }
                return Mono.just(organizationEvent(OrganizationEvent.Kind.valueOf(event.kind().name()), event, member));
            });
        }).takeUntil(OrganizationEvent::isLast);
    }

    private static OrganizationEvent organizationEvent(OrganizationEvent.Kind kind, ChangeEvent event, @Nullable MemberAccess member) {
        return new OrganizationEvent(kind, event.source(), at(event), event.organizationId(),
                member == null ? null : member.organization(), event.userIds(),
                INVITATIONS.contains(event.kind()) ? event.invitationId() : null);
    }

    private static OffsetDateTime at(ChangeEvent event) {
        return event.occurredAt().atOffset(ZoneOffset.UTC);
    }

    /** Per subscription to the viewer's organizations: those they belong to (their token may act in) and their permissions there. */
    private static final class Known {

        private final Viewer viewer;
        private final Map<String, Set<String>> permissions = new HashMap<>();

        Known(Viewer viewer, ViewerAccess start) {
            this.viewer = viewer;
            for (UserOrganization row : start.memberships()) {
                start.in(row.organization().id()).ifPresent(member -> permissions.put(member.organizationId(), member.permissions()));
            }
        }

        /** Whether the event may change what the viewer is told, before anything is read. */
        boolean mayConcern(ChangeEvent event) {
            String organizationId = event.organizationId();
            return switch (event.kind()) {
                case ORGANIZATION_UPDATED, ORGANIZATION_DELETED -> permissions.containsKey(organizationId);
                case MEMBERS_ADDED -> organizationId != null && event.concerns(viewer.userId()) && viewer.mayAct(organizationId);
                case MEMBERS_REMOVED, MEMBER_ROLES_CHANGED -> event.concerns(viewer.userId()) && permissions.containsKey(organizationId);
                case TEMPLATE_CHANGED -> !permissions.isEmpty();
                default -> false;
            };
        }

        /** What the event changed for the viewer, given their access after it; remembers the new state. */
        List<ViewerOrganizationEvent> changes(ChangeEvent event, ViewerAccess now) {
            List<ViewerOrganizationEvent> changes = new ArrayList<>();
            if (event.kind() == ChangeEvent.Kind.TEMPLATE_CHANGED) {
                for (String organizationId : List.copyOf(permissions.keySet())) {
                    now.in(organizationId).filter(member -> !member.permissions().equals(permissions.get(organizationId)))
                            .ifPresent(member -> changes.add(told(ViewerOrganizationEvent.Kind.PERMISSIONS_CHANGED, event, member)));
                }
                return changes;
            }
            String organizationId = event.organizationId();
            boolean was = permissions.containsKey(organizationId);
            MemberAccess member = now.in(organizationId).orElse(null);
            ViewerOrganizationEvent.Kind kind;
            if (member == null) {
                kind = !was ? null : viewer.userId().equals(event.actorId()) ? ViewerOrganizationEvent.Kind.LEFT : ViewerOrganizationEvent.Kind.REMOVED;
            } else {
                kind = switch (event.kind()) {
                    case MEMBERS_ADDED -> was ? null : ViewerOrganizationEvent.Kind.JOINED;
                    case MEMBER_ROLES_CHANGED -> ViewerOrganizationEvent.Kind.ROLES_CHANGED;
                    case ORGANIZATION_UPDATED -> ViewerOrganizationEvent.Kind.UPDATED;
                    default -> null; // removed, yet a member again: nothing to tell
                };
            }
            if (kind == null) {
                return changes;
            }
            if (member == null) {
                permissions.remove(organizationId);
                changes.add(new ViewerOrganizationEvent(kind, event.source(), at(event), organizationId, null, List.of()));
            } else {
                changes.add(told(kind, event, member));
            }
            return changes;
        }

        /** An event with the organization and the viewer's permissions there now, which are remembered. */
        private ViewerOrganizationEvent told(ViewerOrganizationEvent.Kind kind, ChangeEvent event, MemberAccess member) {
            Set<String> now = member.permissions();
            permissions.put(member.organizationId(), now);
            return new ViewerOrganizationEvent(kind, event.source(), at(event), member.organizationId(), member.organization(),
                    List.copyOf(now));
        }
    }
}
