package dev.orgbff.template;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.orgbff.logto.OrganizationScope;
import dev.orgbff.logto.OrganizationScopeRef;
import dev.orgbff.security.Caller;
import dev.orgbff.security.RequestLoader;

/**
 * The organization template, read at most once per request through two single-key DataLoaders, from the
 * {@link TemplateCache} shared by all requests: the roles with their permissions
 * ({@code GET /api/organization-roles}, all pages) and, only when permissions are listed or described, the
 * permission list ({@code GET /api/organization-scopes}). Any number of organizations, members and roles in
 * one request cost at most one call of each, none while the cache is warm.
 */
@Service
public class TemplateService {

    /** The template is the same for every organization, so its loaders have a single key. */
    private static final String KEY = "template";

    private final TemplateCache cache;
    private final RequestLoader<String, OrganizationTemplate> template;
    private final RequestLoader<String, List<OrganizationScope>> permissions;

    TemplateService(TemplateCache cache) {
        this.cache = cache;
        this.template = RequestLoader.of("organizationTemplate", keys -> cache.template().map(loaded -> Map.of(KEY, loaded)));
        this.permissions = RequestLoader.of("organizationPermissions", keys -> cache.permissions().map(loaded -> Map.of(KEY, loaded)));
    }

    /** The organization template: every role with its organization and API resource permissions. One call per request. */
    public Mono<OrganizationTemplate> template(Caller caller) {
        return caller.load(template, KEY);
    }

    /**
     * The request's template when it holds it already ({@link Caller#loaded}), or the shared cache does (then the request
     * holds it from now on, so all its fields see one template); no read is started.
     */
    public Optional<OrganizationTemplate> loadedTemplate(Caller caller) {
        Optional<OrganizationTemplate> loaded = caller.loaded(template, KEY);
        if (loaded.isPresent() || caller.holds(template, KEY)) {
            return loaded; // a read in flight or failed is the fields' to wait for or report
        }
        Optional<OrganizationTemplate> cached = cache.cachedTemplate();
        cached.ifPresent(shared -> caller.prime(template, KEY, shared));
        return cached;
    }

    /**
     * Every organization permission of the template, sorted by name, as the roles list names them. One call
     * per request ({@code GET /api/organization-scopes}).
     */
    Mono<List<OrganizationScopeRef>> permissions(Caller caller) {
        return caller.load(permissions, KEY).map(scopes -> scopes.stream()
                .sorted(Comparator.comparing(OrganizationScope::name))
                .map(scope -> new OrganizationScopeRef(scope.id(), scope.name()))
                .toList());
    }

    /**
     * A permission's description from the permission list, which the roles list does not carry; empty when
     * it has none (or was deleted since). Shares the one {@code GET /api/organization-scopes} of the request.
     */
    Mono<String> description(Caller caller, OrganizationScopeRef permission) {
        return caller.load(permissions, KEY).flatMap(scopes -> Mono.justOrEmpty(scopes.stream()
                .filter(scope -> scope.id().equals(permission.id()))
                .findFirst()
                .map(OrganizationScope::description)));
    }
}
