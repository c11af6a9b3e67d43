package dev.orgbff.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What oidc-provider keeps between the requests of a sign-in (its models in {@code lib/models/}): pending
 * authorization requests (interactions), browser sessions, grants, authorization codes, refresh tokens, opaque
 * access tokens and pending logouts. Times are the tenant clock's epoch milliseconds ({@link TenantState#now()}), so
 * {@link LogtoEmulator#advanceClock} expires codes and tokens. Guarded like {@link TenantState}: callers hold the
 * tenant state's monitor.
 */
final class SignInState {

    /** oidc-provider's default {@code ttl.AuthorizationCode}: 60 s. */
    static final long CODE_TTL_MS = 60_000;
    /** Logto's {@code ttl.Interaction}: 1 hour. */
    static final long INTERACTION_TTL_MS = 3_600_000;
    /** Logto's {@code ttl.Session}: 14 days. */
    static final long SESSION_TTL_MS = 14L * 24 * 3_600_000;
    /** Logto's default {@code refreshTokenTtlInDays}: 14 days ({@code customClientMetadataDefault}). */
    static final long REFRESH_TOKEN_TTL_MS = 14L * 24 * 3_600_000;
    /** Logto's {@code ttl.AccessToken} for a token without a resource (opaque, for userinfo): 1 hour. */
    static final long OPAQUE_ACCESS_TOKEN_TTL_MS = 3_600_000;

    private static final char[] NANOID = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Interaction> interactions = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final Map<String, AuthorizationCode> codes = new LinkedHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new LinkedHashMap<>();
    private final Map<String, AccessToken> accessTokens = new LinkedHashMap<>();
    private final Map<String, Logout> logouts = new LinkedHashMap<>();

    /** A validated authorization request, as the authorization endpoint accepted it. */
    record AuthorizationRequest(String clientId, String redirectUri, String responseMode, @Nullable String state,
            @Nullable String nonce, List<String> scopes, List<String> resources, @Nullable String codeChallenge,
            Set<String> prompts) {
    }

    /** An authorization request waiting for the user to be picked. */
    record Interaction(String uid, AuthorizationRequest request, long expiresAt) {
    }

    /** A browser's sign-in: the {@code _session} cookie's value, the user, and the grant of each client signed in with it. */
    record Session(String id, String accountId, long loginAt, Map<String, String> grantIds) {
    }

    /**
     * What the user granted one client in one session.
     *
     * @param persistsLogout true once a code with {@code offline_access} was issued: its tokens outlive the session
     */
    record Grant(String id, String clientId, String accountId, boolean persistsLogout) {
    }

    record AuthorizationCode(String value, String clientId, String grantId, String accountId, String redirectUri,
            List<String> scopes, List<String> resources, @Nullable String codeChallenge, @Nullable String nonce,
            long expiresAt, boolean consumed) {
    }

    /** @param issuedAt when the first token of its rotation chain was issued */
    record RefreshToken(String value, String clientId, String grantId, String accountId, List<String> scopes,
            List<String> resources, @Nullable String nonce, long issuedAt, long expiresAt, boolean consumed) {
    }

    /** An opaque access token (issued without a resource): only good for userinfo. */
    record AccessToken(String value, String clientId, String grantId, String accountId, List<String> scopes, long expiresAt) {
    }

    /** A logout waiting for its confirmation form, keyed by the form's {@code xsrf} secret. */
    record Logout(String xsrf, @Nullable String sessionId, @Nullable String clientId, @Nullable String postLogoutRedirectUri,
            @Nullable String state) {
    }

    /** An opaque value like oidc-provider's: 43 characters of base64url (256 bits). */
    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An interaction or session id like nanoid's: 21 characters. */
    String newUid() {
        char[] id = new char[21];
        for (int i = 0; i < id.length; i++) {
            id[i] = NANOID[random.nextInt(NANOID.length)];
        }
        return new String(id);
    }

    Map<String, Interaction> interactions() {
        return interactions;
    }

    Map<String, Session> sessions() {
        return sessions;
    }

    Map<String, Grant> grants() {
        return grants;
    }

    Map<String, AuthorizationCode> codes() {
        return codes;
    }

    Map<String, RefreshToken> refreshTokens() {
        return refreshTokens;
    }

    Map<String, AccessToken> accessTokens() {
        return accessTokens;
    }

    Map<String, Logout> logouts() {
        return logouts;
    }

    /**
     * oidc-provider's {@code revoke(ctx, grantId)} ({@code lib/helpers/revoke.js}): every access token, refresh token
     * and authorization code of the grant, and the grant itself, are gone.
     */
    void revokeGrant(String grantId) {
        accessTokens.values().removeIf(token -> token.grantId().equals(grantId));
        refreshTokens.values().removeIf(token -> token.grantId().equals(grantId));
        codes.values().removeIf(code -> code.grantId().equals(grantId));
        grants.remove(grantId);
    }

    /** Forgets every sign-in artifact; issued JWTs stay valid until they expire. */
    void clear() {
        interactions.clear();
        sessions.clear();
        grants.clear();
        codes.clear();
        refreshTokens.clear();
        accessTokens.clear();
        logouts.clear();
    }
}
