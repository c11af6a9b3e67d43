package dev.orgbff.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in user making the request, read from their validated access token. Backs the GraphQL type
 * {@code Viewer}. The user id always comes from the token's {@code sub}, never from client input.
 *
 * @param userId the Logto user id ({@code sub})
 * @param tokenOrganizationId the organization the token is scoped to, or {@code null} for a token of this
 *     API: an organization token's {@code aud} {@code urn:logto:organization:<id>}, or the
 *     {@code organization_id} claim of an organization-level API resource token
 * @param tokenScopes the token's {@code scope} claim, split on spaces
 */
public record Viewer(String userId, @Nullable String tokenOrganizationId, Set<String> tokenScopes) {

    /** The audience prefix of Logto organization tokens (RFC 0001): {@code urn:logto:organization:<id>}. */
    public static final String ORGANIZATION_AUDIENCE_PREFIX = "urn:logto:organization:";

    /** The viewer a validated token describes. */
    public static Viewer of(Jwt token) {
        String organizationId = token.getClaimAsString("organization_id");
        if (organizationId == null) {
            List<String> audience = token.getAudience() == null ? List.of() : token.getAudience();
            organizationId = audience.stream()
                    .filter(aud -> aud.startsWith(ORGANIZATION_AUDIENCE_PREFIX))
                    .map(aud -> aud.substring(ORGANIZATION_AUDIENCE_PREFIX.length()))
                    .findFirst().orElse(null);
        }
        String scope = token.getClaimAsString("scope");
        Set<String> scopes = scope == null ? Set.of() : Arrays.stream(scope.split(" "))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new Viewer(token.getSubject(), organizationId, scopes);
    }

    /**
     * The viewer's effective permissions in an organization, given the permissions their roles there grant
     * (read live from Logto). A token scoped to that organization narrows them to the token's scopes; a
     * token scoped to another organization grants none there; a token of this API leaves them as they are.
     * Never widens. Sorted by name.
     */
    public Set<String> effectivePermissions(String organizationId, Set<String> rolePermissions) {
        if (tokenOrganizationId == null) {
            return new TreeSet<>(rolePermissions);
        }
        if (!tokenOrganizationId.equals(organizationId)) {
            return new TreeSet<>();
        }
        return rolePermissions.stream().filter(tokenScopes::contains).collect(Collectors.toCollection(TreeSet::new));
    }
}
