package dev.orgbff.security;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoClient;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationTemplate;

/**
 * Registers the per-request DataLoaders that access decisions read. A DataLoader caches per request, so
 * each upstream call below is made at most once per request, whatever fields, organizations, aliases or
 * dispatch levels ask for it:
 * <ul>
 *   <li>{@value #USER_ORGANIZATIONS}: user id → the user's organizations with their roles there, from
 *       {@code GET /api/users/{userId}/organizations} (in practice one key: the viewer).</li>
 *   <li>{@value #ORGANIZATION_TEMPLATE}: the one key {@value #TEMPLATE_KEY} → every template role with its
 *       permissions, from {@code GET /api/organization-roles} (all pages).</li>
 * </ul>
 */
@Component
class AccessLoaders {

    static final String USER_ORGANIZATIONS = "userOrganizations";
    static final String ORGANIZATION_TEMPLATE = "organizationTemplate";
    /** The template is the same for every organization, so its loader has a single key. */
    static final String TEMPLATE_KEY = "template";

    AccessLoaders(BatchLoaderRegistry registry, LogtoClient logto) {
        registry.<String, List<Organization>>forName(USER_ORGANIZATIONS)
                .registerMappedBatchLoader((userIds, environment) -> Flux.fromIterable(userIds)
                        .flatMap(userId -> userOrganizations(logto, userId).map(organizations -> Map.entry(userId, organizations)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
        registry.<String, OrganizationTemplate>forName(ORGANIZATION_TEMPLATE)
                .registerMappedBatchLoader((keys, environment) -> logto.organizationTemplate()
                        .map(template -> Map.of(TEMPLATE_KEY, template)));
    }

    /** A user deleted while their token is still valid belongs to no organization. */
    private static Mono<List<Organization>> userOrganizations(LogtoClient logto, String userId) {
        return logto.userOrganizations(userId)
                .onErrorResume(LogtoApiException.class,
                        error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.just(List.of()) : Mono.error(error));
    }
}
