package dev.orgbff.template;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.events.CacheProperties;
import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.EventFedCache;
import dev.orgbff.events.EventStream;
import dev.orgbff.logto.OrganizationScope;
import dev.orgbff.logto.TemplateApi;

/**
 * The organization template shared by all requests for {@code orgbff.cache.max-staleness} (default 30 s) at most, and
 * dropped at once by a {@link ChangeEvent.Kind#TEMPLATE_CHANGED} event (a Logto webhook): the template changes rarely
 * and is the heavier read for Logto. Concurrent requests share one read in flight; a failed read is not kept. With a
 * staleness bound of 0 every read goes to Logto.
 */
@Component
public class TemplateCache {

    private static final String KEY = "template";

    private final TemplateApi logto;
    private final EventFedCache<String, OrganizationTemplate> templates;
    private final EventFedCache<String, List<OrganizationScope>> permissions;

    TemplateCache(TemplateApi logto, CacheProperties properties, EventStream events, Clock clock) {
        this.logto = logto;
        // bounded by max-staleness whether or not webhooks are configured: the template was always shared this long
        this.templates = new EventFedCache<>(events, clock, properties.maxStaleness(), 1, true);
        this.permissions = new EventFedCache<>(events, clock, properties.maxStaleness(), 1, true);
        events.onEvent(event -> {
            if (event.kind() == ChangeEvent.Kind.TEMPLATE_CHANGED) {
                clear();
            }
        });
    }

    /** Every role of the template with its permissions: {@code GET /api/organization-roles} (all pages) when not cached. */
    Mono<OrganizationTemplate> template() {
        return templates.get(KEY, () -> logto.organizationRoles().map(OrganizationTemplate::new));
    }

    /** The template while it is cached and may be served, without reading it. */
    Optional<OrganizationTemplate> cachedTemplate() {
        return templates.getIfPresent(KEY);
    }

    /** Every organization permission with its description: {@code GET /api/organization-scopes} when not cached. */
    Mono<List<OrganizationScope>> permissions() {
        return permissions.get(KEY, logto::organizationScopes);
    }

    /** Drops the cached template, so the next request reads it from Logto (e.g. right after changing the template). */
    public void clear() {
        templates.invalidateAll();
        permissions.invalidateAll();
    }
}
