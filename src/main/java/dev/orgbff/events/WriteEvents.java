package dev.orgbff.events;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.orgbff.logto.Invitation;

/**
 * How the services announce their writes: one {@link ChangeEvent} of source {@code SERVICE} per change, stamped with
 * the service's clock, published to the {@link EventStream} once the write succeeded (a write that failed or was undone
 * announces nothing).
 */
@Component
public class WriteEvents {

    private final EventStream stream;
    private final Clock clock;

    WriteEvents(EventStream stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    /** A change to an organization or its members, made by {@code actorId}. */
    public void published(ChangeEvent.Kind kind, String organizationId, List<String> userIds, String actorId) {
        stream.publish(ChangeEvent.ofWrite(kind, clock.instant(), organizationId, userIds, null, null, actorId));
    }

    /**
     * A change to an invitation, made by {@code actorId}.
     *
     * @param invitee the invitation's email address, ASCII letters lower-cased
     * @param userIds the invitee who accepted or declined; empty otherwise
     */
    public void published(ChangeEvent.Kind kind, Invitation invitation, String invitee, List<String> userIds, String actorId) {
        stream.publish(ChangeEvent.ofWrite(kind, clock.instant(), invitation.organizationId(), userIds, invitation.id(), invitee, actorId));
    }
}
