package dev.orgbff.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in user making the request, read from their validated access token. Backs the GraphQL type
 * {@code Viewer}. The user id always comes from the token's {@code sub}, never from client input.
 *
 * @param userId the Logto user id ({@code sub})
 * @param tokenOrganizationId the organization the token is scoped to, or {@code null} for a token of this
 *     API as a whole: an organization token's {@code aud} {@code urn:logto:organization:<id>}, or the
 *     {@code organization_id} claim of an organization-level API resource token
 * @param tokenPermissions the organization permissions an organization token carries in {@code scope};
 *     {@code null} for other tokens, whose {@code scope} holds API resource permissions instead
 *     (CONTRACT.md §9)
 */
public record Viewer(String userId, @Nullable String tokenOrganizationId, @Nullable Set<String> tokenPermissions) {

    /** The audience prefix of Logto organization tokens (RFC 0001): {@code urn:logto:organization:<id>}. */
    public static final String ORGANIZATION_AUDIENCE_PREFIX = "urn:logto:organization:";

    /**
     * The viewer a GraphQL WebSocket connection authenticated as, by the token of its {@code connection_init}
     * ({@link CallerInterceptor}); {@code null} before that (the connection has no security context of its own).
     */
    public static @Nullable Viewer ofConnection(WebSocketSessionInfo session) {
        return (Viewer) session.getAttributes().get(CallerInterceptor.VIEWER_KEY);
    }

    /** The viewer a validated token describes. */
    public static Viewer of(Jwt token) {
        List<String> audience = token.getAudience() == null ? List.of() : token.getAudience();
        String organizationTokenFor = audience.stream()
                .filter(aud -> aud.startsWith(ORGANIZATION_AUDIENCE_PREFIX))
                .map(aud -> aud.substring(ORGANIZATION_AUDIENCE_PREFIX.length()))
                .findFirst().orElse(null);
        if (organizationTokenFor != null) {
            String scope = token.getClaimAsString("scope");
            Set<String> permissions = scope == null ? Set.of() : Arrays.stream(scope.split(" "))
                    .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
            return new Viewer(token.getSubject(), organizationTokenFor, permissions);
        }
        return new Viewer(token.getSubject(), token.getClaimAsString("organization_id"), null);
    }

    /**
     * Whether the token may be used for this organization at all: a token scoped to one organization
     * never works for another (FLOWS.md §4.5); a token of the whole API works for every organization.
     */
    public boolean mayAct(String organizationId) {
        return tokenOrganizationId == null || tokenOrganizationId.equals(organizationId);
    }

    /**
     * The viewer's effective permissions in an organization, given the permissions their roles there grant
     * (read from Logto: live in a mutation; in a query possibly from the event-fed caches), sorted by name. An organization token narrows them to its {@code scope}; a
     * token scoped to another organization grants none. Never widens.
     */
    public Set<String> effectivePermissions(String organizationId, Set<String> rolePermissions) {
        if (!mayAct(organizationId)) {
            return new TreeSet<>();
        }
        return rolePermissions.stream()
                .filter(permission -> tokenPermissions == null || tokenPermissions.contains(permission))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
