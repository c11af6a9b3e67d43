package dev.orgbff.organization;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.events.CacheProperties;
import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.EventFedCache;
import dev.orgbff.events.EventStream;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.UserOrganization;
import dev.orgbff.webhook.WebhookProperties;

/**
 * What queries of every request share, with webhooks configured ({@code orgbff.webhooks.signing-keys}): each user's
 * memberships with their roles, and organization records, dropped by the events that change them and by this
 * instance's own writes, and never served older than {@code orgbff.cache.max-staleness} (see {@link EventFedCache}).
 * Without webhooks nothing is shared: no event would tell of a change. Mutations never read from here.
 */
@Component
class OrganizationCaches {

    /** Enough for the active users of a large tenant; a membership list is a few hundred bytes per organization. */
    private static final long MAXIMUM_USERS = 10_000;
    private static final long MAXIMUM_ORGANIZATIONS = 10_000;

    private final EventFedCache<String, List<UserOrganization>> memberships;
    private final EventFedCache<String, Organization> organizations;

    OrganizationCaches(EventStream events, Clock clock, CacheProperties properties, WebhookProperties webhooks) {
        this.memberships = new EventFedCache<>(events, clock, properties.maxStaleness(), MAXIMUM_USERS, webhooks.enabled());
        this.organizations = new EventFedCache<>(events, clock, properties.maxStaleness(), MAXIMUM_ORGANIZATIONS, webhooks.enabled());
        events.onEvent(this::changed);
    }

    /** A user's memberships: shared, or {@code read} ({@code GET /api/users/{id}/organizations}). */
    Mono<List<UserOrganization>> memberships(String userId, Supplier<Mono<List<UserOrganization>>> read) {
        return memberships.get(userId, read);
    }

    /** An organization's record: shared, or {@code read} ({@code GET /api/organizations/{id}}); empty when there is none. */
    Mono<Organization> organization(String organizationId, Supplier<Mono<Organization>> read) {
        return organizations.get(organizationId, read);
    }

    /** Drops these users' memberships (they joined, left, or their roles changed). */
    void membershipsChanged(Collection<String> userIds) {
        userIds.forEach(memberships::invalidate);
    }

    /** Drops an organization's record and every membership list holding it (its name and description are in the rows). */
    void organizationChanged(String organizationId) {
        organizations.invalidate(organizationId);
        memberships.invalidateIf(rows -> rows.stream().anyMatch(row -> row.organization().id().equals(organizationId)));
    }

    private void changed(ChangeEvent event) {
        switch (event.kind()) {
            case ORGANIZATION_UPDATED, ORGANIZATION_DELETED -> {
                if (event.organizationId() != null) {
                    organizationChanged(event.organizationId());
                } else {
                    organizations.invalidateAll();
                    memberships.invalidateAll();
                }
            }
            case MEMBERS_ADDED, MEMBERS_REMOVED, MEMBER_ROLES_CHANGED, INVITATION_ACCEPTED -> {
                if (event.userIds().isEmpty()) {
                    memberships.invalidateAll(); // whose changed is not known
                } else {
                    membershipsChanged(event.userIds());
                }
            }
            default -> {
                // nothing shared here depends on the others (the template cache drops itself)
            }
        }
    }
}
