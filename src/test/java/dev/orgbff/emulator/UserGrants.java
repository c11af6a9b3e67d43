package dev.orgbff.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.orgbff.emulator.SignInState.AccessToken;
import dev.orgbff.emulator.SignInState.AuthorizationCode;
import dev.orgbff.emulator.SignInState.Grant;
import dev.orgbff.emulator.SignInState.RefreshToken;

/**
 * The user grants of {@code POST /oidc/token}: {@code authorization_code} (oidc-provider's
 * {@code lib/actions/grants/authorization_code.js}) and {@code refresh_token} (Logto's own handler,
 * {@code packages/core/src/oidc/grants/refresh-token.ts}, with RFC 0001 organization tokens). They answer
 * {@code {access_token, expires_in, id_token, refresh_token, scope, token_type}}: a JWT access token (ES384,
 * {@code typ: at+jwt}, like {@link LogtoEmulator#userToken}) when the request names a {@code resource} the code was
 * issued for (Logto's SDKs do), otherwise an opaque token that only userinfo accepts ({@code resolveResource} with
 * Logto's {@code useGrantedResource: () => false}); an ID token (ES384, no {@code typ}) when {@code openid} was
 * granted; a refresh token when {@code offline_access} was granted, which at the authorization endpoint takes
 * {@code prompt=consent}. Refresh tokens of public clients rotate on every use and keep their first expiry; a
 * consumed code or refresh token used again revokes the whole grant.
 */
final class UserGrants {

    /** Logto's {@code customClientMetadataDefault.idTokenTtl}: 1 hour. */
    static final Duration ID_TOKEN_TTL = Duration.ofHours(1);
    /** Logto's {@code reversedResourceAccessTokenTtl} for organization tokens: 1 hour. */
    static final Duration ORGANIZATION_TOKEN_TTL = Duration.ofHours(1);
    private static final String ORGANIZATIONS_SCOPE = "urn:logto:scope:organizations";
    private static final Pattern PKCE_CHARACTERS = Pattern.compile("[A-Za-z0-9._~-]*");

    private final TenantState state;
    private final SignInState signIns;
    private final TokenIssuer tokens;
    private final ResourceScopes resources;
    private final UserClaims claims;
    private final Supplier<Duration> accessTokenTtl;

    /** @param accessTokenTtl the lifetime of JWT access tokens for an API resource (the resource's {@code accessTokenTtl}) */
    UserGrants(TenantState state, SignInState signIns, TokenIssuer tokens, Supplier<Duration> accessTokenTtl) {
        this.state = state;
        this.signIns = signIns;
        this.tokens = tokens;
        this.resources = new ResourceScopes(state);
        this.claims = new UserClaims(state);
        this.accessTokenTtl = accessTokenTtl;
    }

    /**
     * The {@code authorization_code} grant, in oidc-provider's order of checks: code, client, expiry, grant, PKCE
     * ({@code S256}), redirect URI, single use (a second use revokes the grant), user.
     *
     * @throws OidcError 400 {@code invalid_request} (missing parameter, malformed verifier), 400 {@code invalid_grant}
     *                   (every failed check), 400 {@code invalid_target} (a resource the code was not issued for)
     */
    Response authorizationCode(Request request, Map<String, String> form, Application client) {
        String redirectUri = blankToNull(form.get("redirect_uri"));
        if (redirectUri == null && client.redirectUris().size() == 1) {
            redirectUri = client.redirectUris().get(0); // allowOmittingSingleRegisteredRedirectUri
        }
        requirePresent(Map.of("code", nullToEmpty(form.get("code")), "redirect_uri", nullToEmpty(redirectUri)), "code", "redirect_uri");
        List<String> requestedResources = requestedResources(request);
        long now = state.now();
        AuthorizationCode code = signIns.codes().get(form.get("code"));
        if (code == null || !code.clientId().equals(client.id()) || code.expiresAt() <= now) {
            throw OidcError.invalidGrant();
        }
        Grant grant = validGrant(code.grantId(), client);
        checkPkce(blankToNull(form.get("code_verifier")), code.codeChallenge());
        if (!code.redirectUri().equals(redirectUri)) {
            throw OidcError.invalidGrant();
        }
        if (code.consumed()) {
            signIns.revokeGrant(code.grantId());
            throw OidcError.invalidGrant();
        }
        signIns.codes().put(code.value(), new AuthorizationCode(code.value(), code.clientId(), code.grantId(), code.accountId(),
                code.redirectUri(), code.scopes(), code.resources(), code.codeChallenge(), code.nonce(), code.expiresAt(), true));
        User user = existingUser(code.accountId());
        resolveResource(requestedResources, code.resources(), code.scopes()); // an invalid_target issues nothing
        String refreshToken = null;
        if (client.grantTypeAllowed("refresh_token") && code.scopes().contains("offline_access")) {
            RefreshToken issued = new RefreshToken(signIns.newToken(), client.id(), grant.id(), user.id(), code.scopes(),
                    code.resources(), code.nonce(), now, now + SignInState.REFRESH_TOKEN_TTL_MS, false);
            signIns.refreshTokens().put(issued.value(), issued);
            refreshToken = issued.value();
        }
        return Response.json(200, tokenResponse(client, grant, user, code.scopes(), code.resources(), requestedResources, null,
                code.nonce(), refreshToken, !code.scopes().isEmpty())).header("Cache-Control", "no-store");
    }

    /**
     * The {@code refresh_token} grant: the token must exist, belong to the client, be unexpired and unused (a reused
     * one revokes the grant); {@code scope} may narrow, never widen; {@code organization_id} without {@code resource}
     * gives an organization token ({@code aud: urn:logto:organization:<id>}, the user's permissions there), with
     * {@code resource} an organization-level API resource token. A public client's token rotates.
     *
     * @throws OidcError 400 {@code invalid_grant}, 400 {@code invalid_scope}, 403 {@code access_denied} (not a member
     *                   of the organization), 403 {@code insufficient_scope} (the token lacks {@code urn:logto:scope:organizations})
     */
    Response refreshToken(Request request, Map<String, String> form, Application client) {
        String value = blankToNull(form.get("refresh_token"));
        requirePresent(Map.of("refresh_token", nullToEmpty(value)), "refresh_token");
        List<String> requestedResources = requestedResources(request);
        long now = state.now();
        RefreshToken token = signIns.refreshTokens().get(value);
        if (token == null || !token.clientId().equals(client.id()) || token.expiresAt() <= now) {
            throw OidcError.invalidGrant();
        }
        Grant grant = validGrant(token.grantId(), client);
        List<String> requested = scopes(form.get("scope"));
        if (!requested.isEmpty()) {
            List<String> missing = requested.stream().filter(scope -> !token.scopes().contains(scope)).toList();
            if (!missing.isEmpty()) {
                throw OidcError.invalidScope("refresh token missing requested " + (missing.size() == 1 ? "scope" : "scopes"),
                        String.join(" ", missing));
            }
        }
        User user = existingUser(token.accountId());
        if (token.consumed()) {
            signIns.refreshTokens().remove(token.value());
            signIns.revokeGrant(token.grantId());
            throw OidcError.invalidGrant();
        }
        String organizationId = blankToNull(form.get("organization_id"));
        if (organizationId != null) {
            if (!state.isMember(organizationId, user.id())) {
                throw OidcError.forbidden("user is not a member of the organization");
            }
            if (!token.scopes().contains(ORGANIZATIONS_SCOPE)) {
                throw OidcError.insufficientScope(403, "refresh token missing required scope", ORGANIZATIONS_SCOPE);
            }
        }
        RefreshToken current = token;
        if (client.isPublic()) {
            // oidc-provider's rotateRefreshToken for a public client; Logto keeps the first token's expiry (no endless renewal)
            signIns.refreshTokens().put(token.value(), new RefreshToken(token.value(), token.clientId(), token.grantId(),
                    token.accountId(), token.scopes(), token.resources(), token.nonce(), token.issuedAt(), token.expiresAt(), true));
            current = new RefreshToken(signIns.newToken(), token.clientId(), token.grantId(), token.accountId(), token.scopes(),
                    token.resources(), token.nonce(), token.issuedAt(), token.expiresAt(), false);
            signIns.refreshTokens().put(current.value(), current);
        }
        List<String> scope = requested.isEmpty() ? token.scopes() : requested;
        return Response.json(200, tokenResponse(client, grant, user, scope, token.resources(), requestedResources, organizationId,
                token.nonce(), current.value(), !token.scopes().isEmpty())).header("Cache-Control", "no-store");
    }

    /**
     * The token answer: an access token for {@code resource} (resolved as oidc-provider's {@code resolveResource}), an
     * organization token, or an opaque one; an ID token when {@code openid} is in {@code scopes}.
     *
     * @param echoEmptyScope oidc-provider writes {@code scope: ""} when the source (code, refresh token) had scopes
     */
    private ObjectNode tokenResponse(Application client, Grant grant, User user, List<String> scopes, List<String> granted,
            List<String> requestedResources, @Nullable String organizationId, @Nullable String nonce,
            @Nullable String refreshToken, boolean echoEmptyScope) {
        Instant now = Instant.now();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String accessScope;
        long expiresIn;
        if (organizationId != null && requestedResources.isEmpty()) {
            Set<String> permissions = resources.organizationPermissions(organizationId, user.id());
            accessScope = String.join(" ", scopes.stream().filter(permissions::contains).toList());
            expiresIn = ORGANIZATION_TOKEN_TTL.toSeconds();
            ObjectNode at = tokens.accessTokenClaims(user.id(), List.of("urn:logto:organization:" + organizationId), client.id(),
                    emptyToNull(accessScope), now, now.plusSeconds(expiresIn));
            body.put("access_token", tokens.sign(at, "at+jwt", TokenIssuer.SigningKey.PUBLISHED_EC));
        } else {
            String resource = resolveResource(requestedResources, granted, scopes);
            if (resource != null) {
                Set<String> held = resources.userScopes(resource, user.id(), organizationId);
                accessScope = String.join(" ", scopes.stream().filter(held::contains).toList());
                expiresIn = accessTokenTtl.get().toSeconds();
                ObjectNode at = tokens.accessTokenClaims(user.id(), List.of(resource), client.id(), emptyToNull(accessScope), now,
                        now.plusSeconds(expiresIn));
                if (organizationId != null) {
                    at.put("organization_id", organizationId);
                }
                body.put("access_token", tokens.sign(at, "at+jwt", TokenIssuer.SigningKey.PUBLISHED_EC));
            } else {
                List<String> oidcScopes = scopes.stream().filter(UserClaims.OIDC_SCOPES::contains).toList();
                accessScope = String.join(" ", oidcScopes);
                expiresIn = SignInState.OPAQUE_ACCESS_TOKEN_TTL_MS / 1000;
                AccessToken at = new AccessToken(signIns.newToken(), client.id(), grant.id(), user.id(), oidcScopes,
                        state.now() + SignInState.OPAQUE_ACCESS_TOKEN_TTL_MS);
                signIns.accessTokens().put(at.value(), at);
                body.put("access_token", at.value());
            }
        }
        body.put("expires_in", expiresIn);
        if (scopes.contains("openid")) {
            body.put("id_token", idToken(client, user, scopes, nonce, now));
        }
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        if (echoEmptyScope || !accessScope.isEmpty()) {
            body.put("scope", accessScope);
        }
        body.put("token_type", "Bearer");
        return body;
    }

    /** An ID token: the user's claims for the granted scopes, {@code nonce}, {@code iss}, {@code aud} = the client, 1 hour. */
    private String idToken(Application client, User user, List<String> scopes, @Nullable String nonce, Instant now) {
        ObjectNode idToken = claims.idToken(user, scopes);
        if (nonce != null) {
            idToken.put("nonce", nonce);
        }
        idToken.put("aud", client.id());
        idToken.put("exp", now.plus(ID_TOKEN_TTL).getEpochSecond());
        idToken.put("iat", now.getEpochSecond());
        idToken.put("iss", tokens.issuer());
        return tokens.sign(idToken, null, TokenIssuer.SigningKey.PUBLISHED_EC);
    }

    /**
     * oidc-provider's {@code resolveResource}: the requested resource (one at most, which the code or refresh token
     * must hold), or, when none is requested and {@code openid} is not in the scope, the single resource granted at
     * sign-in.
     */
    private @Nullable String resolveResource(List<String> requested, List<String> granted, List<String> scopes) {
        if (requested.size() > 1) {
            throw OidcError.invalidTarget("only a single resource indicator value must be requested/resolved during Access Token Request");
        }
        String resource = requested.isEmpty() ? null : requested.get(0);
        if (resource == null && granted.size() == 1 && !scopes.contains("openid")) {
            resource = granted.get(0);
        }
        if (resource != null && (!granted.contains(resource) || !resources.known(resource))) {
            throw OidcError.invalidTarget(null);
        }
        return resource;
    }

    /** The {@code resource} parameters of the token request (it may repeat). */
    private static List<String> requestedResources(Request request) {
        return request.formPairs().stream().filter(pair -> pair.getKey().equals("resource"))
                .map(Map.Entry::getValue).filter(value -> !value.isEmpty()).toList();
    }

    private Grant validGrant(String grantId, Application client) {
        Grant grant = signIns.grants().get(grantId);
        if (grant == null || !grant.clientId().equals(client.id())) {
            throw OidcError.invalidGrant();
        }
        return grant;
    }

    /** Logto's {@code findAccount}: a user deleted since the sign-in fails the grant ("user not found"). */
    private User existingUser(String userId) {
        User user = state.users().get(userId);
        if (user == null) {
            throw OidcError.invalidGrant();
        }
        return user;
    }

    /** oidc-provider's {@code checkPKCE} ({@code lib/helpers/pkce.js}): the verifier's format, then {@code S256} of it. */
    private static void checkPkce(@Nullable String verifier, @Nullable String challenge) {
        if (verifier != null) {
            checkPkceFormat(verifier, "code_verifier");
        }
        if (verifier == null && challenge == null) {
            return;
        }
        if (verifier == null || challenge == null || !MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII),
                s256(verifier).getBytes(StandardCharsets.US_ASCII))) {
            throw OidcError.invalidGrant();
        }
    }

    /** oidc-provider's {@code lib/helpers/pkce_format.js}, shared by the challenge and the verifier. */
    static void checkPkceFormat(String value, String parameter) {
        if (value.length() < 43) {
            throw OidcError.invalidRequest(parameter + " must be a string with a minimum length of 43 characters");
        }
        if (value.length() > 128) {
            throw OidcError.invalidRequest(parameter + " must be a string with a maximum length of 128 characters");
        }
        if (!PKCE_CHARACTERS.matcher(value).matches()) {
            throw OidcError.invalidRequest(parameter + " contains invalid characters");
        }
    }

    /** {@code BASE64URL(SHA-256(verifier))}, the {@code S256} code challenge. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** A space-separated scope parameter as a list without duplicates, in request order. */
    static List<String> scopes(@Nullable String scope) {
        if (scope == null || scope.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(scope.split(" ")).filter(name -> !name.isEmpty()).distinct().toList();
    }

    /** oidc-provider's {@code validatePresence}: "missing required parameter 'x'" (or "parameters 'x' and 'y'"). */
    static void requirePresent(Map<String, String> values, String... names) {
        List<String> missing = Arrays.stream(names).filter(name -> values.getOrDefault(name, "").isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw OidcError.invalidRequest("missing required " + (missing.size() == 1 ? "parameter " : "parameters ")
                    + formatList(missing));
        }
    }

    /** {@code Intl.ListFormat('en', {type: 'conjunction'})} over quoted names: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
    static String formatList(List<String> names) {
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        if (quoted.size() <= 2) {
            return String.join(" and ", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static @Nullable String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
