package dev.orgbff.organization;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.logto.Organization;

/**
 * Backs the GraphQL type {@code ViewerOrganizationEvent}: a change to one of the viewer's organizations, with the
 * state read after it.
 *
 * @param kind what happened
 * @param source who announced it
 * @param occurredAt when
 * @param organizationId the organization
 * @param organization as the viewer's memberships show it now; {@code null} when they are no longer a member
 * @param viewerPermissions the viewer's effective permissions there now, sorted; empty when no longer a member
 */
public record ViewerOrganizationEvent(Kind kind, ChangeEvent.Source source, OffsetDateTime occurredAt, String organizationId,
        @Nullable Organization organization, List<String> viewerPermissions) {

    /** The GraphQL enum {@code ViewerOrganizationEventKind}. */
    public enum Kind { JOINED, LEFT, REMOVED, ROLES_CHANGED, PERMISSIONS_CHANGED, UPDATED, DELETED }
}
