package dev.orgbff.logto;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Logto's organizations, their members and just-in-time settings ({@code /api/organizations/**},
 * CONTRACT.md §1, §2 and §6), typed.
 * Every method is lazy and fails with {@link LogtoApiException} when Logto answers an error status, or
 * with {@link LogtoUnavailableException} when it cannot answer; reads, PUTs and DELETEs are retried on
 * transient failures, POSTs and PATCHes are sent once.
 */
public class OrganizationsApi {

    private static final String MEMBERS = "/api/organizations/{id}/users";
    private static final String JIT_EMAIL_DOMAINS = "/api/organizations/{id}/jit/email-domains";
    private static final String JIT_ROLES = "/api/organizations/{id}/jit/roles";
    private static final ParameterizedTypeReference<List<JitEmailDomain>> JIT_DOMAINS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<OrganizationRoleRef>> ROLE_REFS = new ParameterizedTypeReference<>() { };

    private final LogtoHttp http;

    OrganizationsApi(LogtoHttp http) {
        this.http = http;
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
     * {@code GET /api/organizations/{id}}: one organization; empty when it does not exist (404
     * {@code entity.not_exists_with_id}). Logto has no batch read of organizations.
     */
    public Mono<Organization> organization(String organizationId) {
        return http.get("/api/organizations/{id}", Map.of("id", organizationId), LogtoHttp.NO_QUERY,
                        response -> response.bodyToMono(Organization.class))
                .onErrorResume(LogtoApiException.class, error -> error.status() == 404 ? Mono.empty() : Mono.error(error));
    }

    /**
     * {@code PATCH /api/organizations/{id}} with the fields set in {@code changes} (never empty: Logto
     * answers an empty PATCH with 422): the organization as it is afterwards (200). Fails with
     * {@link LogtoApiException} 404 {@code entity.not_exists} when it does not exist.
     */
    public Mono<Organization> updateOrganization(String organizationId, OrganizationChanges changes) {
        return http.write(HttpMethod.PATCH, "/api/organizations/{id}", Map.of("id", organizationId),
                BodyInserters.fromValue(changes), response -> response.bodyToMono(Organization.class));
    }

    /**
     * {@code DELETE /api/organizations/{id}}: deletes an organization with its memberships and invitations
     * (204). Fails with {@link LogtoApiException} 404 {@code entity.not_found} when it does not exist.
     */
    public Mono<Void> deleteOrganization(String organizationId) {
        return http.delete("/api/organizations/{id}", Map.of("id", organizationId));
    }

    /**
     * {@code GET /api/organizations/{id}/users?q=&organizationRoleId=&page=&page_size=}: one page of the
     * members, ordered by user id, each with their roles there. An unknown organization has no members.
     *
     * @param keyword matched case-insensitively as a substring of id, primary email, primary phone,
     *     username and name; {@code null} for every member
     * @param roleId only members holding this role; {@code null} for every member
     */
    public Mono<Page<OrganizationMember>> members(String organizationId, @Nullable String keyword, @Nullable String roleId,
            PageRequest page) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (keyword != null) {
            query.add("q", keyword);
        }
        if (roleId != null) {
            query.add("organizationRoleId", roleId);
        }
        return http.page(MEMBERS, Map.of("id", organizationId), query, page, OrganizationMember.class);
    }

    /**
     * One member with their roles, or empty when the user is not a member: the members list searched for
     * the user id ({@code q}, a substring match over id, email, phone, username and name, so the rows are
     * filtered to the exact id). One call; a further page only when more than 100 members match the text
     * and the member is not among the first 100.
     */
    public Mono<OrganizationMember> member(String organizationId, String userId) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("q", userId);
        return http.allPages(MEMBERS, Map.of("id", organizationId), query, OrganizationMember.class)
                .filter(member -> member.user().id().equals(userId))
                .next();
    }

    /**
     * How many members hold the role: {@code Total-Number} of
     * {@code GET /api/organizations/{id}/users?organizationRoleId=…&page_size=1}, one call.
     */
    public Mono<Integer> countMembersWithRole(String organizationId, String roleId) {
        return members(organizationId, null, roleId, new PageRequest(1, 1)).map(Page::totalCount);
    }

    /**
     * {@code POST /api/organizations/{id}/users}: adds users as members (201; adding a member again is a
     * no-op). All or nothing: fails with {@link LogtoApiException} 422
     * {@code entity.relation_foreign_key_not_found} when the organization or a user does not exist.
     */
    public Mono<Void> addMembers(String organizationId, List<String> userIds) {
        return http.write(HttpMethod.POST, MEMBERS, Map.of("id", organizationId),
                BodyInserters.fromValue(new UserIds(userIds)), WebClient.ResponseSpec::toBodilessEntity).then();
    }

    /**
     * {@code DELETE /api/organizations/{id}/users/{userId}}: removes a member and, with the membership,
     * their roles there (204). Fails with {@link LogtoApiException} 404 {@code entity.not_found} for a
     * non-member.
     */
    public Mono<Void> removeMember(String organizationId, String userId) {
        return http.delete(MEMBERS + "/{userId}", Map.of("id", organizationId, "userId", userId));
    }

    /**
     * {@code POST /api/organizations/{id}/users/{userId}/roles} with {@code organizationRoleIds}: gives a
     * member more roles (201). Fails with {@link LogtoApiException} 422
     * {@code organization.require_membership} for a non-member and 422
     * {@code entity.relation_foreign_key_not_found} for an unknown role.
     */
    public Mono<Void> assignRoles(String organizationId, String userId, List<String> roleIds) {
        return http.write(HttpMethod.POST, MEMBERS + "/{userId}/roles", Map.of("id", organizationId, "userId", userId),
                BodyInserters.fromValue(new RoleIds(roleIds)), WebClient.ResponseSpec::toBodilessEntity).then();
    }

    /**
     * {@code POST /api/organizations/{id}/users/roles}: gives every listed member every listed role (201),
     * in one call. All or nothing: fails with {@link LogtoApiException} 422
     * {@code entity.relation_foreign_key_not_found} when a user is not a member or a role is unknown, and
     * 422 {@code entity.db_constraint_violated} for a machine-to-machine role.
     */
    public Mono<Void> assignRolesToMembers(String organizationId, List<String> userIds, List<String> roleIds) {
        return http.write(HttpMethod.POST, MEMBERS + "/roles", Map.of("id", organizationId),
                BodyInserters.fromValue(new UserRoleIds(userIds, roleIds)), WebClient.ResponseSpec::toBodilessEntity).then();
    }

    /**
     * {@code PUT /api/organizations/{id}/users/{userId}/roles}: replaces a member's roles (204). Fails like
     * {@link #assignRoles}.
     */
    public Mono<Void> replaceRoles(String organizationId, String userId, List<String> roleIds) {
        return http.put(MEMBERS + "/{userId}/roles", Map.of("id", organizationId, "userId", userId),
                BodyInserters.fromValue(new RoleIds(roleIds)));
    }

    /**
     * {@code GET /api/organizations/{id}/jit/email-domains} without paging: the email domains whose new
     * users join the organization just in time, in the order they were added. An unknown organization has none.
     */
    public Mono<List<String>> jitEmailDomains(String organizationId) {
        return http.get(JIT_EMAIL_DOMAINS, Map.of("id", organizationId), LogtoHttp.NO_QUERY,
                        response -> response.bodyToMono(JIT_DOMAINS))
                .map(rows -> rows.stream().map(JitEmailDomain::emailDomain).toList());
    }

    /** {@code PUT /api/organizations/{id}/jit/email-domains}: replaces the list (204); a duplicate is 422 and changes nothing. */
    public Mono<Void> replaceJitEmailDomains(String organizationId, List<String> emailDomains) {
        return http.put(JIT_EMAIL_DOMAINS, Map.of("id", organizationId),
                BodyInserters.fromValue(new EmailDomains(emailDomains)));
    }

    /**
     * {@code GET /api/organizations/{id}/jit/roles} without paging: the ids of the roles just-in-time
     * members get. Fails with {@link LogtoApiException} 404 for an unknown organization.
     */
    public Mono<List<String>> jitRoleIds(String organizationId) {
        return http.get(JIT_ROLES, Map.of("id", organizationId), LogtoHttp.NO_QUERY, response -> response.bodyToMono(ROLE_REFS))
                .map(roles -> roles.stream().map(OrganizationRoleRef::id).toList());
    }

    /** {@code PUT /api/organizations/{id}/jit/roles}: replaces the roles just-in-time members get (204); 422 for an unknown role. */
    public Mono<Void> replaceJitRoles(String organizationId, List<String> roleIds) {
        return http.put(JIT_ROLES, Map.of("id", organizationId),
                BodyInserters.fromValue(new RoleIds(roleIds)));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record CreateOrganization(String name, @Nullable String description) {
    }

    private record UserIds(List<String> userIds) {
    }

    private record RoleIds(List<String> organizationRoleIds) {
    }

    private record UserRoleIds(List<String> userIds, List<String> organizationRoleIds) {
    }

    private record EmailDomains(List<String> emailDomains) {
    }

    private record JitEmailDomain(String emailDomain) {
    }
}
