package dev.orgbff.organization;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.logto.Organization;

/**
 * Backs the GraphQL type {@code OrganizationEvent}: a change in one organization, as one of its members may see it.
 *
 * @param kind what happened
 * @param source who announced it
 * @param occurredAt when
 * @param organizationId the organization
 * @param organization as the subscriber's memberships show it now; {@code null} in the last event
 * @param userIds the users concerned
 * @param invitationId the invitation of an {@code INVITATION_*} event (its {@code invitation} field reads it), else
 *     {@code null}
 */
public record OrganizationEvent(Kind kind, ChangeEvent.Source source, OffsetDateTime occurredAt, String organizationId,
        @Nullable Organization organization, List<String> userIds, @Nullable String invitationId) {

    /** The GraphQL enum {@code OrganizationEventKind}; all but {@code ACCESS_LOST} are {@link ChangeEvent.Kind}s of the same name. */
    public enum Kind {
        MEMBERS_ADDED, MEMBERS_REMOVED, MEMBER_ROLES_CHANGED, INVITATION_CREATED, INVITATION_RESENT, INVITATION_REVOKED,
        INVITATION_ACCEPTED, INVITATION_DECLINED, ORGANIZATION_UPDATED, ORGANIZATION_DELETED, ACCESS_LOST
    }

    /** Whether it is the subscription's last event: the organization is gone, or the subscriber may no longer see it. */
    boolean isLast() {
        return kind == Kind.ORGANIZATION_DELETED || kind == Kind.ACCESS_LOST;
    }
}
