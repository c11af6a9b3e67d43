package dev.orgbff.logto;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Logto's organization template ({@code /api/organization-roles}, {@code /api/organization-scopes},
 * CONTRACT.md §4), read only. Every method is lazy, retried on transient failures, and fails with
 * {@link LogtoApiException} or {@link LogtoUnavailableException} as {@link LogtoHttp} describes.
 */
public class TemplateApi {

    private static final ParameterizedTypeReference<List<OrganizationScope>> SCOPES = new ParameterizedTypeReference<>() { };

    private final LogtoHttp http;

    TemplateApi(LogtoHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /api/organization-roles?page=N&page_size=100}, every page: every role of the template with
     * its organization permissions and API resource permissions, sorted by name. One call per 100 roles.
     */
    public Mono<List<OrganizationRole>> organizationRoles() {
        return http.allPages("/api/organization-roles", Map.of(), LogtoHttp.NO_QUERY, OrganizationRole.class).collectList();
    }

    /**
     * {@code GET /api/organization-scopes} without paging parameters: every organization permission of the
     * template with its description, sorted by name, in one call (the route's paging is optional).
     */
    public Mono<List<OrganizationScope>> organizationScopes() {
        return http.get("/api/organization-scopes", Map.of(), LogtoHttp.NO_QUERY, response -> response.bodyToMono(SCOPES));
    }
}
