package dev.orgbff.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
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
 * The tenant's OIDC endpoints: discovery, JWKS, and {@code POST /oidc/token} for the
 * {@code client_credentials} grant of the one seeded M2M app, with the errors Logto 1.42 answers
 * (transcript scenario {@code a.token}, CONTRACT.md §8 and corrections 1 and 2).
 */
final class OidcRoutes {

    /** Grants oidc-provider knows in Logto; anything else is {@code unsupported_grant_type}. */
    private static final Set<String> KNOWN_GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials",
            "urn:ietf:params:oauth:grant-type:token-exchange", "urn:ietf:params:oauth:grant-type:device_code");
    /** The Management API permission the M2M app holds through its M2M role. */
    private static final Set<String> APP_SCOPES = Set.of("all");

    private final String endpoint;
    private final TokenIssuer tokens;
    private final String appId;
    private final String appSecret;
    private volatile Duration accessTokenTtl = LogtoEmulator.DEFAULT_ACCESS_TOKEN_TTL;

    OidcRoutes(String endpoint, TokenIssuer tokens, String appId, String appSecret) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.appId = appId;
        this.appSecret = appSecret;
    }

    void accessTokenTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the access token TTL must be positive: " + ttl);
        }
        this.accessTokenTtl = ttl;
    }

    void register(RouteTable routes) {
        routes.open("GET", "/oidc/.well-known/openid-configuration", request -> discovery())
                .open("GET", "/oidc/jwks", request -> jwks())
                .open("POST", "/oidc/token", this::token);
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
        strings(body.putArray("response_types_supported"), "code", "id_token", "code id_token");
        strings(body.putArray("grant_types_supported"), "authorization_code", "refresh_token", "client_credentials",
                "urn:ietf:params:oauth:grant-type:token-exchange");
        strings(body.putArray("token_endpoint_auth_methods_supported"), "client_secret_basic", "client_secret_jwt",
                "client_secret_post", "private_key_jwt", "none");
        strings(body.putArray("id_token_signing_alg_values_supported"), "ES384");
        strings(body.putArray("subject_types_supported"), "public");
        strings(body.putArray("code_challenge_methods_supported"), "S256");
        strings(body.putArray("scopes_supported"), "openid", "offline_access", "profile", "email", "phone",
                "urn:logto:scope:organizations", "urn:logto:scope:organization_roles");
        strings(body.putArray("claims_supported"), "sub", "name", "username", "email", "email_verified", "organizations",
                "organization_roles");
        return Response.json(200, body);
    }

    private Response jwks() {
        return new Response(200, new LinkedHashMap<>(), tokens.jwks().getBytes(StandardCharsets.UTF_8), Response.JSON);
    }

    /**
     * oidc-provider's order: form body, client authentication, grant type, then Logto's
     * client-credentials grant (resource indicator, scope).
     */
    private Response token(Request request) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw invalidRequest("only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
        }
        Map<String, String> form = request.form();
        authenticateClient(request.header("Authorization"), form);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw invalidRequest("missing required parameter 'grant_type'");
        }
        if (!KNOWN_GRANTS.contains(grantType)) {
            throw ApiError.oidc(400, "unsupported_grant_type", "unsupported grant_type requested",
                    "Unsupported `grant_type` requested.");
        }
        if (!"client_credentials".equals(grantType)) {
            throw ApiError.oidc(400, "unauthorized_client", "requested grant type is not allowed for this client",
                    "An OIDC error occurred: oidc.unauthorized_client.");
        }
        String resource = form.get("resource");
        String organizationId = form.get("organization_id");
        if (isBlank(resource) && isBlank(organizationId)) {
            throw invalidTarget("both `resource` and `organization_id` are not provided");
        }
        if (!isBlank(resource) && !LogtoEmulator.MANAGEMENT_RESOURCE.equals(resource)) {
            throw invalidTarget("resource indicator is missing, or unknown");
        }
        if (!isBlank(organizationId)) {
            // the M2M app belongs to no organization, so organization tokens are always denied
            throw ApiError.oidc(403, "access_denied", "app has not associated with the organization", "Access denied.");
        }
        String scope = grantedScope(form.get("scope"));
        Duration ttl = accessTokenTtl;
        Instant now = Instant.now();
        ObjectNode claims = tokens.accessTokenClaims(appId, List.of(LogtoEmulator.MANAGEMENT_RESOURCE), appId, scope, now,
                now.plus(ttl));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", tokens.sign(claims, "at+jwt", TokenIssuer.SigningKey.PUBLISHED_EC));
        body.put("expires_in", ttl.toSeconds());
        body.put("token_type", "Bearer");
        if (scope != null) {
            body.put("scope", scope);
        }
        return Response.json(200, body);
    }

    private void authenticateClient(@Nullable String authorization, Map<String, String> form) {
        String clientId;
        String secret;
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && (form.containsKey("client_secret") || form.containsKey("client_assertion"))) {
            throw invalidRequest("client authentication must only be provided using one mechanism");
        }
        if (basic) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalidRequest("invalid authorization header value format");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalidRequest("invalid authorization header value format");
            }
            clientId = Request.decode(decoded.substring(0, colon).replace("+", "%20"), false);
            secret = Request.decode(decoded.substring(colon + 1).replace("+", "%20"), false);
        } else {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
            if (isBlank(clientId)) {
                throw invalidRequest("no client authentication mechanism provided");
            }
        }
        if (!appId.equals(clientId)) {
            throw ApiError.oidc(400, "invalid_client", "invalid client " + clientId,
                    "An OIDC error occurred: oidc.invalid_client.");
        }
        if (!appSecret.equals(secret)) {
            throw ApiError.oidc(401, "invalid_client", "client authentication failed",
                    "An OIDC error occurred: oidc.invalid_client.");
        }
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

    private static ApiError invalidRequest(String description) {
        return ApiError.oidc(400, "invalid_request", description, "Request is invalid.");
    }

    private static ApiError invalidTarget(String description) {
        return ApiError.oidc(400, "invalid_target", description, "Invalid resource indicator.");
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
