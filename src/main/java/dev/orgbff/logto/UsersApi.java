package dev.orgbff.logto;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Logto's users ({@code /api/users/**}, CONTRACT.md §3), typed. Every method is lazy and fails with
 * {@link LogtoApiException} or {@link LogtoUnavailableException} as {@link LogtoHttp} describes; all are
 * reads, retried on transient failures.
 */
public class UsersApi {

    private static final ParameterizedTypeReference<List<User>> USERS = new ParameterizedTypeReference<>() { };

    private final LogtoHttp http;

    UsersApi(LogtoHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /api/users/{userId}/organizations}: every organization the user belongs to, each with the
     * user's roles there. Unpaginated and in no particular order. Fails with {@link LogtoApiException} 404
     * {@code entity.not_found} when the user does not exist.
     */
    public Mono<List<UserOrganization>> userOrganizations(String userId) {
        return http.get("/api/users/{userId}/organizations", Map.of("userId", userId), LogtoHttp.NO_QUERY,
                // Logto does not page these: decoded element by element, so a user in thousands of organizations fits no buffer limit
                response -> response.bodyToFlux(UserOrganization.class).collectList());
    }

    /**
     * {@code GET /api/users?search.id=…&mode.id=exact&isCaseSensitive=true&page_size=100}: the users with
     * these ids, in one call per 100 distinct ids (CONTRACT.md §3), in no particular order. Ids that match
     * no user are simply absent.
     */
    public Flux<User> users(Collection<String> userIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
        return Flux.range(0, (ids.size() + PageRequest.MAX_SIZE - 1) / PageRequest.MAX_SIZE)
                .map(chunk -> ids.subList(chunk * PageRequest.MAX_SIZE, Math.min(ids.size(), (chunk + 1) * PageRequest.MAX_SIZE)))
                .flatMap(chunk -> {
                    MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
                    query.put("search.id", chunk);
                    query.add("mode.id", "exact");
                    // keeps Logto's SQL an indexed `id = any(...)` instead of `lower(id)`
                    query.add("isCaseSensitive", "true");
                    return search(query);
                });
    }

    /**
     * {@code GET /api/users?search.id=…&search.primaryEmail=…&mode.id=exact&mode.primaryEmail=exact&joint=or&page_size=100}
     * in one call: the users with one of these ids or, compared case-insensitively, one of these primary
     * emails; with {@code excludeOrganizationId}, only those who are not members of that organization.
     * Ids and emails that match no user are simply absent.
     *
     * @param userIds and {@code emails} together at most 100 values and at least one
     * @throws IllegalArgumentException when there are no values or more than 100
     */
    public Flux<User> usersByIdOrEmail(Collection<String> userIds, Collection<String> emails, @Nullable String excludeOrganizationId) {
        if (userIds.isEmpty() && emails.isEmpty() || userIds.size() + emails.size() > PageRequest.MAX_SIZE) {
            throw new IllegalArgumentException("1 to " + PageRequest.MAX_SIZE + " ids and emails, not " + (userIds.size() + emails.size()));
        }
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (!userIds.isEmpty()) {
            query.put("search.id", List.copyOf(userIds));
            query.add("mode.id", "exact");
        }
        if (!emails.isEmpty()) {
            query.put("search.primaryEmail", List.copyOf(emails));
            query.add("mode.primaryEmail", "exact");
        }
        query.add("joint", "or");
        query.add("isCaseSensitive", "false"); // exact and case-insensitive: lower(column) = any(lower(values))
        if (excludeOrganizationId != null) {
            query.add("excludeOrganizationId", excludeOrganizationId);
        }
        return search(query);
    }

    /** One page of 100 search results: each id and email matches at most one user, so 100 values fit one page. */
    private Flux<User> search(MultiValueMap<String, String> query) {
        query.add("page_size", String.valueOf(PageRequest.MAX_SIZE));
        return http.get("/api/users", Map.of(), query, response -> response.bodyToMono(USERS)).flatMapIterable(users -> users);
    }
}
