package dev.orgbff.template;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.logto.OrganizationScope;
import dev.orgbff.logto.TemplateApi;

/**
 * The organization template shared by all requests for {@code orgbff.template.cache-ttl} (default 30 s):
 * the template changes rarely and is the heavier read for Logto. Concurrent requests share one read in
 * flight; a failed read is not kept. With a time-to-live of 0 every read goes to Logto.
 */
@Component
public class TemplateCache {

    private static final String KEY = "template";

    private final TemplateApi logto;
    private final AsyncCache<String, OrganizationTemplate> templates;
    private final AsyncCache<String, List<OrganizationScope>> permissions;
    private final boolean enabled;

    TemplateCache(TemplateApi logto, TemplateProperties properties) {
        this.logto = logto;
        this.enabled = !properties.cacheTtl().isZero();
        this.templates = cache(properties.cacheTtl());
        this.permissions = cache(properties.cacheTtl());
    }

    private static <V> AsyncCache<String, V> cache(Duration ttl) {
        return Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl).buildAsync();
    }

    /** Every role of the template with its permissions: {@code GET /api/organization-roles} (all pages) when not cached. */
    Mono<OrganizationTemplate> template() {
        return shared(templates, () -> logto.organizationRoles().map(OrganizationTemplate::new));
    }

    /** Every organization permission with its description: {@code GET /api/organization-scopes} when not cached. */
    Mono<List<OrganizationScope>> permissions() {
        return shared(permissions, logto::organizationScopes);
    }

    /** Drops the cached template, so the next request reads it from Logto (e.g. right after changing the template). */
    public void clear() {
        templates.synchronous().invalidateAll();
        permissions.synchronous().invalidateAll();
    }

    private <V> Mono<V> shared(AsyncCache<String, V> cache, Supplier<Mono<V>> read) {
        if (!enabled) {
            return read.get();
        }
        return Mono.fromFuture(() -> cache.get(KEY, (key, executor) -> read.get().toFuture()), true);
    }
}
