package dev.orgbff.invitation;

import java.time.OffsetDateTime;

import dev.orgbff.events.ChangeEvent;

/**
 * Backs the GraphQL type {@code ViewerInvitationEvent}: a change to an invitation sent to the viewer's email address;
 * its {@code invitation} field reads the invitation when the event is sent.
 *
 * @param kind what happened
 * @param source always {@code SERVICE}
 * @param occurredAt when
 * @param invitationId the invitation
 */
record ViewerInvitationEvent(Kind kind, ChangeEvent.Source source, OffsetDateTime occurredAt, String invitationId) {

    /** The GraphQL enum {@code ViewerInvitationEventKind}. */
    enum Kind { CREATED, RESENT, REVOKED }
}
