package dev.orgbff.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's OIDC endpoints that are not about the browser's sign-in itself: discovery, JWKS (both open to any
 * origin) and {@code POST /oidc/token}, whose clients are authenticated by {@link Clients} and whose grants are
 * {@code client_credentials} for the seeded M2M app (transcript scenario {@code a.token}, CONTRACT.md §8 and
 * corrections 1 and 2) and {@code authorization_code} / {@code refresh_token} for single-page apps
 * ({@link UserGrants}), with the errors Logto 1.42 answers.
 */
final class OidcRoutes {

    /** Grants oidc-provider knows in Logto; anything else is {@code unsupported_grant_type}. */
    private static final Set<String> KNOWN_GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials",
            "urn:ietf:params:oauth:grant-type:token-exchange", "urn:ietf:params:oauth:grant-type:device_code");
    /** The Management API permission the M2M app holds through its M2M role. */
    private static final Set<String> APP_SCOPES = Set.of("all");

    private final String endpoint;
    private final TokenIssuer tokens;
    private final Clients clients;
    private final UserGrants userGrants;
    private volatile Duration accessTokenTtl = LogtoEmulator.DEFAULT_ACCESS_TOKEN_TTL;

    OidcRoutes(String endpoint, TokenIssuer tokens, Clients clients, TenantState state, SignInState signIns) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.clients = clients;
        this.userGrants = new UserGrants(state, signIns, tokens, this::accessTokenTtl);
    }

    void accessTokenTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the access token TTL must be positive: " + ttl);
        }
        this.accessTokenTtl = ttl;
    }

    Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    void register(RouteTable routes) {
        routes.open("GET", "/oidc/.well-known/openid-configuration", CorsPolicy.OPEN, request -> discovery())
                .open("GET", "/oidc/jwks", CorsPolicy.OPEN, request -> jwks())
                .open("POST", "/oidc/token", CorsPolicy.CLIENT, this::token);
    }

    private Response discovery() {
        String oidc = endpoint + "/oidc";
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("issuer", tokens.issuer());
        body.put("authorization_endpoint", oidc + "/auth");
        body.put("token_endpoint", oidc + "/token");
        body.put("jwks_uri", oidc + "/jwks");
        body.put("userinfo_endpoint", oidc + "/me");
        body.put("end_session_endpoint", oidc + "/session/end");
        body.put("revocation_endpoint", oidc + "/token/revocation");
        body.put("introspection_endpoint", oidc + "/token/introspection");
        strings(body.putArray("response_types_supported"), "code id_token", "code", "id_token", "none");
        strings(body.putArray("response_modes_supported"), "form_post", "fragment", "query");
        strings(body.putArray("grant_types_supported"), "authorization_code", "refresh_token", "client_credentials",
                "urn:ietf:params:oauth:grant-type:token-exchange");
        strings(body.putArray("token_endpoint_auth_methods_supported"), "client_secret_basic", "client_secret_jwt",
                "client_secret_post", "private_key_jwt", "none");
        strings(body.putArray("id_token_signing_alg_values_supported"), "ES384");
        strings(body.putArray("subject_types_supported"), "public");
        strings(body.putArray("code_challenge_methods_supported"), "S256");
        strings(body.putArray("scopes_supported"), "openid", "offline_access", "profile", "email", "phone", "address",
                "custom_data", "identities", "roles", "urn:logto:scope:organizations", "urn:logto:scope:organization_roles");
        strings(body.putArray("claims_supported"), "sub", "name", "username", "picture", "email", "email_verified",
                "phone_number", "phone_number_verified", "custom_data", "roles", "organizations", "organization_data",
                "organization_roles", "created_at", "updated_at");
        body.put("authorization_response_iss_parameter_supported", true);
        return Response.json(200, body);
    }

    private Response jwks() {
        return new Response(200, new LinkedHashMap<>(), tokens.jwks().getBytes(StandardCharsets.UTF_8), Response.JSON);
    }

    /**
     * oidc-provider's order: form body, client authentication, grant type (supported, then allowed for the client),
     * then the grant: Logto's client-credentials grant (resource indicator, scope) or a user grant.
     */
    private Response token(Request request) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw OidcError.invalidRequest("only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
        }
        Map<String, String> form = request.form();
        Application client = clients.authenticate(request, form);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw OidcError.invalidRequest("missing required parameter 'grant_type'");
        }
        if (!KNOWN_GRANTS.contains(grantType)) {
            throw OidcError.of("unsupported_grant_type", "unsupported grant_type requested");
        }
        if (!client.grantTypeAllowed(grantType)) {
            throw OidcError.invalidRequest("requested grant type is not allowed for this client");
        }
        return switch (grantType) {
            case "authorization_code" -> userGrants.authorizationCode(request, form, client);
            case "refresh_token" -> userGrants.refreshToken(request, form, client);
            default -> clientCredentials(client, form);
        };
    }

    private Response clientCredentials(Application client, Map<String, String> form) {
        String resource = form.get("resource");
        String organizationId = form.get("organization_id");
        if (isBlank(resource) && isBlank(organizationId)) {
            throw OidcError.invalidTarget("both `resource` and `organization_id` are not provided");
        }
        if (!isBlank(resource) && !LogtoEmulator.MANAGEMENT_RESOURCE.equals(resource)) {
            throw OidcError.invalidTarget(null);
        }
        if (!isBlank(organizationId)) {
            // the M2M app belongs to no organization, so organization tokens are always denied
            throw OidcError.forbidden("app has not associated with the organization");
        }
        String scope = grantedScope(form.get("scope"));
        Duration ttl = accessTokenTtl;
        Instant now = Instant.now();
        ObjectNode claims = tokens.accessTokenClaims(client.id(), List.of(LogtoEmulator.MANAGEMENT_RESOURCE), client.id(), scope,
                now, now.plus(ttl));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", tokens.sign(claims, "at+jwt", TokenIssuer.SigningKey.PUBLISHED_EC));
        body.put("expires_in", ttl.toSeconds());
        body.put("token_type", "Bearer");
        if (scope != null) {
            body.put("scope", scope);
        }
        return Response.json(200, body).header("Cache-Control", "no-store");
    }

    /**
     * The requested scopes the app holds, or null when none was requested: Logto echoes {@code scope}
     * only when the request names scopes (CONTRACT.md correction 2).
     */
    private static @Nullable String grantedScope(@Nullable String requested) {
        if (isBlank(requested)) {
            return null;
        }
        List<String> granted = Arrays.stream(requested.split(" ")).filter(APP_SCOPES::contains).distinct().toList();
        return granted.isEmpty() ? null : String.join(" ", granted);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isEmpty();
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }
}
