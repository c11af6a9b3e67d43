package dev.orgbff.logto;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Logto Management API, typed: one method per call this service makes, named after what it returns.
 * Every method is lazy (nothing is sent until subscription) and fails with {@link LogtoApiException} when
 * Logto answers an error status, or with {@link LogtoUnavailableException} when Logto cannot be reached,
 * times out, answers 502/503/504 or rate-limits (429). Reads and deletes are retried on those transient
 * failures; other writes are not. Requests carry the M2M token; a request Logto answers 401 (its token
 * was revoked or its keys rotated, so nothing was done) is sent once more with a fresh token.
 */
public class LogtoClient {

    /** Logto's largest page (CONTRACT.md §0). */
    static final int MAX_PAGE_SIZE = 100;

    private static final ParameterizedTypeReference<List<Organization>> ORGANIZATIONS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<User>> USERS = new ParameterizedTypeReference<>() { };

    private final LogtoHttp http;

    LogtoClient(LogtoHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /api/users/{userId}/organizations}: every organization the user belongs to, each with the
     * user's {@link Organization#organizationRoles() roles} there. Unpaginated and in no particular order.
     * Fails with {@link LogtoApiException} 404 {@code entity.not_found} when the user does not exist.
     */
    public Mono<List<Organization>> userOrganizations(String userId) {
        return http.get("/api/users/{userId}/organizations", Map.of("userId", userId), LogtoHttp.NO_QUERY,
                response -> response.bodyToMono(ORGANIZATIONS));
    }

    /**
     * {@code GET /api/organization-roles?page=N&page_size=100}, every page: the whole organization template,
     * roles with their permissions. One call per 100 roles.
     */
    public Mono<OrganizationTemplate> organizationTemplate() {
        return organizationRolePage(1)
                .expand(page -> page.hasNext() ? organizationRolePage(page.number() + 1) : Mono.empty())
                .concatMapIterable(Page::items)
                .collectList()
                .map(OrganizationTemplate::new);
    }

    private Mono<Page<OrganizationRole>> organizationRolePage(int number) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("page", String.valueOf(number));
        query.add("page_size", String.valueOf(MAX_PAGE_SIZE));
        return http.get("/api/organization-roles", Map.of(), query,
                response -> response.toEntityList(OrganizationRole.class).map(entity -> Page.of(entity, number, MAX_PAGE_SIZE)));
    }

    /**
     * {@code GET /api/users?search.id=…&mode.id=exact&isCaseSensitive=true&page_size=100}: the users with
     * these ids, in one call per 100 ids (CONTRACT.md §3), in no particular order. Ids that match no user
     * are simply absent.
     */
    public Flux<User> users(Collection<String> userIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
        return Flux.range(0, (ids.size() + MAX_PAGE_SIZE - 1) / MAX_PAGE_SIZE)
                .map(chunk -> ids.subList(chunk * MAX_PAGE_SIZE, Math.min(ids.size(), (chunk + 1) * MAX_PAGE_SIZE)))
                .flatMap(this::userChunk);
    }

    private Flux<User> userChunk(List<String> ids) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.put("search.id", ids);
        query.add("mode.id", "exact");
        // keeps Logto's SQL an indexed `id = any(...)` instead of `lower(id)`
        query.add("isCaseSensitive", "true");
        query.add("page_size", String.valueOf(MAX_PAGE_SIZE));
        return http.get("/api/users", Map.of(), query, response -> response.bodyToMono(USERS)).flatMapIterable(users -> users);
    }

    /**
     * {@code POST /api/organizations}: creates an organization with no members (201).
     *
     * @param name 1 to 128 characters; Logto answers 400 {@code guard.invalid_input} otherwise
     * @param description at most 256 characters, or {@code null}
     */
    public Mono<Organization> createOrganization(String name, @Nullable String description) {
        return http.write(HttpMethod.POST, "/api/organizations", Map.of(),
                BodyInserters.fromValue(new CreateOrganization(name, description)),
                response -> response.bodyToMono(Organization.class));
    }

    /**
     * {@code DELETE /api/organizations/{id}}: deletes an organization with its memberships and invitations
     * (204). Fails with {@link LogtoApiException} 404 {@code entity.not_found} when it does not exist.
     */
    public Mono<Void> deleteOrganization(String organizationId) {
        return http.delete("/api/organizations/{id}", Map.of("id", organizationId));
    }

    /**
     * {@code POST /api/organizations/{id}/users}: adds users as members (201; adding a member again is a
     * no-op). All or nothing: fails with {@link LogtoApiException} 422
     * {@code entity.relation_foreign_key_not_found} when the organization or a user does not exist.
     */
    public Mono<Void> addOrganizationUsers(String organizationId, List<String> userIds) {
        return http.write(HttpMethod.POST, "/api/organizations/{id}/users", Map.of("id", organizationId),
                BodyInserters.fromValue(new UserIds(userIds)), WebClient.ResponseSpec::toBodilessEntity).then();
    }

    /**
     * {@code POST /api/organizations/{id}/users/{userId}/roles} with {@code organizationRoleIds}: gives a
     * member more roles (201). Fails with {@link LogtoApiException} 422
     * {@code organization.require_membership} for a non-member and 422
     * {@code entity.relation_foreign_key_not_found} for an unknown role.
     */
    public Mono<Void> assignOrganizationRoles(String organizationId, String userId, List<String> roleIds) {
        return http.write(HttpMethod.POST, "/api/organizations/{id}/users/{userId}/roles",
                Map.of("id", organizationId, "userId", userId),
                BodyInserters.fromValue(new RoleIds(roleIds)), WebClient.ResponseSpec::toBodilessEntity).then();
    }

    /** {@code GET /api/status}: completes when Logto answers 2xx; Logto's own liveness route. */
    public Mono<Void> status() {
        return http.get("/api/status", Map.of(), LogtoHttp.NO_QUERY, WebClient.ResponseSpec::toBodilessEntity).then();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record CreateOrganization(String name, @Nullable String description) {
    }

    private record UserIds(List<String> userIds) {
    }

    private record RoleIds(List<String> organizationRoleIds) {
    }
}
