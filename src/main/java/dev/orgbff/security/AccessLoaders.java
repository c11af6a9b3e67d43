package dev.orgbff.security;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoClient;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationTemplate;

/**
 * Registers the per-request DataLoaders that access decisions read. They are shared by every field of one
 * request, so each upstream call below is made at most once per request whatever the query asks for:
 * <ul>
 *   <li>{@value #USER_ORGANIZATIONS}: user id → the user's organizations with their roles there, from
 *       {@code GET /api/users/{userId}/organizations} (one call per user, in practice the viewer).</li>
 *   <li>{@value #ORGANIZATION_ROLES}: role id → the template role with its permissions, from
 *       {@code GET /api/organization-roles} (all pages); the template is fetched once per request, however
 *       many organizations, fields or dispatch levels ask for roles.</li>
 * </ul>
 */
@Component
class AccessLoaders {

    static final String USER_ORGANIZATIONS = "userOrganizations";
    static final String ORGANIZATION_ROLES = "organizationRoles";
    private static final String TEMPLATE = AccessLoaders.class.getName() + ".template";

    AccessLoaders(BatchLoaderRegistry registry, LogtoClient logto) {
        registry.<String, List<Organization>>forName(USER_ORGANIZATIONS)
                .registerMappedBatchLoader((userIds, environment) -> Flux.fromIterable(userIds)
                        .flatMap(userId -> userOrganizations(logto, userId).map(organizations -> Map.entry(userId, organizations)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
        registry.<String, OrganizationRole>forName(ORGANIZATION_ROLES)
                .registerMappedBatchLoader((roleIds, environment) -> template(logto, environment.getContext())
                        .map(template -> template.roles(roleIds)));
    }

    /** A user deleted while their token is still valid belongs to no organization. */
    private static Mono<List<Organization>> userOrganizations(LogtoClient logto, String userId) {
        return logto.userOrganizations(userId)
                .onErrorResume(LogtoApiException.class,
                        error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.just(List.of()) : Mono.error(error));
    }

    /** Keyed by role id, the loader may batch several times per request; the template is fetched only once. */
    private static Mono<OrganizationTemplate> template(LogtoClient logto, Object context) {
        if (context instanceof GraphQLContext request) {
            return request.computeIfAbsent(TEMPLATE, key -> logto.organizationTemplate().cache());
        }
        return logto.organizationTemplate();
    }
}
