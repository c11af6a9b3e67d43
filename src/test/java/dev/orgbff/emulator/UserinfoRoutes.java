package dev.orgbff.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.orgbff.emulator.SignInState.AccessToken;
import dev.orgbff.emulator.SignInState.RefreshToken;

/**
 * The routes a signed-in browser app calls with its tokens: userinfo ({@code GET}/{@code POST /oidc/me},
 * oidc-provider's {@code lib/actions/userinfo.js}) with an opaque access token, answering the user's claims for the
 * token's scopes as JSON (Logto does not enable JWT userinfo), and revocation ({@code POST /oidc/token/revocation},
 * {@code lib/actions/revocation.js}), which always answers 200 with an empty body; revoking a refresh or opaque
 * access token revokes its grant's tokens, while JWTs cannot be revoked ({@code unsupported_token_type}).
 * Both are client-based CORS routes.
 */
final class UserinfoRoutes {

    private final TenantState state;
    private final SignInState signIns;
    private final Clients clients;
    private final TokenIssuer tokens;
    private final UserClaims claims;

    UserinfoRoutes(TenantState state, SignInState signIns, Clients clients, TokenIssuer tokens) {
        this.state = state;
        this.signIns = signIns;
        this.clients = clients;
        this.tokens = tokens;
        this.claims = new UserClaims(state);
    }

    void register(RouteTable routes) {
        routes.open("GET", "/oidc/me", CorsPolicy.USERINFO, this::userinfo)
                .open("POST", "/oidc/me", CorsPolicy.USERINFO, this::userinfo)
                .open("POST", "/oidc/token/revocation", CorsPolicy.CLIENT, this::revoke);
    }

    /**
     * 200 with {@code sub} and the claims of the token's scopes; 401 {@code invalid_token} (with
     * {@code WWW-Authenticate: Bearer realm=..., error=..., error_description=...}) for a missing, unknown, expired
     * or revoked token, a JWT (its audience "prevents accessing the userinfo endpoint") or a deleted user; 403
     * {@code insufficient_scope} without {@code openid}.
     */
    private Response userinfo(Request request) {
        String value = accessToken(request);
        AccessToken token = signIns.accessTokens().get(value);
        if (token == null || token.expiresAt() <= state.now()) {
            throw invalidToken();
        }
        if (!token.scopes().contains("openid")) {
            throw bearerError(OidcError.insufficientScope(403, "access token missing openid scope", "openid"), "openid");
        }
        String requested = request.query("scope");
        if (requested == null && "POST".equals(request.method())) {
            requested = request.form().get("scope");
        }
        List<String> scopes = token.scopes();
        if (requested != null && !requested.isEmpty()) {
            List<String> missing = UserGrants.scopes(requested).stream().filter(scope -> !token.scopes().contains(scope)).toList();
            if (!missing.isEmpty()) {
                throw bearerError(OidcError.insufficientScope(403, "access token missing requested scope",
                        String.join(" ", missing)), String.join(" ", missing));
            }
            scopes = UserGrants.scopes(requested);
        }
        Application client = clients.find(token.clientId());
        if (client == null) {
            throw invalidToken();
        }
        CorsPolicy.checkClient(request, client);
        User user = state.users().get(token.accountId());
        SignInState.Grant grant = signIns.grants().get(token.grantId());
        if (user == null || grant == null) {
            throw invalidToken();
        }
        return Response.json(200, claims.userinfo(user, scopes)).header("Cache-Control", "no-store");
    }

    /** {@code ctx.oidc.getAccessToken()}: one {@code Bearer} header or {@code access_token} form field, never the query. */
    private String accessToken(Request request) {
        String header = request.header("Authorization");
        String body = "POST".equals(request.method()) && isForm(request) ? request.form().get("access_token") : null;
        String query = request.query("access_token");
        long mechanisms = Stream.of(header, body, query).filter(v -> v != null && !v.isEmpty()).count();
        if (mechanisms == 0) {
            throw OidcError.invalidToken().header("WWW-Authenticate", "Bearer realm=\"" + tokens.issuer() + "\"");
        }
        if (mechanisms > 1) {
            throw OidcError.invalidRequest("access token must only be provided using one mechanism");
        }
        if (query != null && !query.isEmpty()) {
            throw OidcError.invalidRequest("access tokens must not be provided via query parameter");
        }
        if (header == null || header.isEmpty()) {
            return body;
        }
        String[] parts = header.split(" ", -1);
        if (parts.length != 2) {
            throw OidcError.invalidRequest("invalid authorization header value format");
        }
        if (!parts[0].equalsIgnoreCase("bearer")) {
            throw OidcError.invalidRequest(parts[0].equalsIgnoreCase("dpop") ? "`DPoP` header not provided"
                    : "authorization header scheme must be `Bearer`");
        }
        return parts[1];
    }

    /**
     * 200 and an empty body whether or not the token was known; a token of another client is left alone. A JWT
     * answers 400 {@code unsupported_token_type}.
     */
    private Response revoke(Request request) {
        Map<String, String> form = request.form();
        Application client = clients.authenticate(request, form);
        String value = form.get("token");
        UserGrants.requirePresent(form, "token");
        if (value.split("\\.", -1).length == 3 && tokens.idTokenAudience(value) != null) {
            throw OidcError.of("unsupported_token_type", "Structured JWT Tokens cannot be revoked via the revocation_endpoint");
        }
        AccessToken accessToken = signIns.accessTokens().get(value);
        RefreshToken refreshToken = signIns.refreshTokens().get(value);
        String grantId = accessToken != null && accessToken.clientId().equals(client.id()) ? accessToken.grantId()
                : refreshToken != null && refreshToken.clientId().equals(client.id()) ? refreshToken.grantId() : null;
        if (grantId != null) {
            SignInState.Grant grant = signIns.grants().get(grantId);
            signIns.revokeGrant(grantId);
            if (accessToken != null && grant != null) {
                // oidc-provider's revokeGrantPolicy keeps the grant itself when an access token is revoked
                signIns.grants().put(grant.id(), grant);
            }
        }
        return Response.empty(200).header("Cache-Control", "no-store");
    }

    private OidcError invalidToken() {
        return bearerError(OidcError.invalidToken(), null);
    }

    /** oidc-provider's {@code setWWWAuthenticateHeader}: {@code Bearer realm, error, error_description[, scope]}. */
    private OidcError bearerError(OidcError error, @Nullable String scope) {
        String header = "Bearer realm=\"" + tokens.issuer() + "\", error=\"" + error.error() + "\", error_description=\""
                + error.description() + "\"" + (scope == null ? "" : ", scope=\"" + scope + "\"");
        return error.header("WWW-Authenticate", header);
    }

    private static boolean isForm(Request request) {
        String type = request.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
