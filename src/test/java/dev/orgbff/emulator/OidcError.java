package dev.orgbff.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An oidc-provider error ({@code lib/helpers/errors.js}) on its way to the client: its status, {@code error}
 * and {@code error_description}, whether the authorization endpoint may send it to the redirect URI, and how
 * Logto's {@code koaOidcErrorHandler} reshapes it ({@code code}, translated {@code message}, {@code error_uri}).
 * Thrown by route handlers; the {@link Router} writes it like an {@link ApiError}.
 */
final class OidcError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Logto's English phrases for {@code errors:oidc.*} ({@code packages/phrases/src/locales/en/errors/oidc.ts}); others fall back. */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("invalid_scope", "Invalid scope: {{error_description}}."),
            Map.entry("invalid_token", "Invalid token provided."),
            Map.entry("insufficient_scope", "Token missing scope `{{scope}}`."),
            Map.entry("invalid_request", "Request is invalid."),
            Map.entry("invalid_grant", "Grant request is invalid."),
            Map.entry("invalid_redirect_uri", "`redirect_uri` did not match any of the client's registered `redirect_uris`."),
            Map.entry("access_denied", "Access denied."),
            Map.entry("invalid_target", "Invalid resource indicator."),
            Map.entry("unsupported_grant_type", "Unsupported `grant_type` requested."),
            Map.entry("unsupported_response_mode", "Unsupported `response_mode` requested."),
            Map.entry("unsupported_response_type", "Unsupported `response_type` requested."));

    private final int status;
    private final String error;
    private final @Nullable String description;
    private final boolean allowRedirect;
    private final @Nullable String scope;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private OidcError(int status, String error, @Nullable String description, boolean allowRedirect, @Nullable String scope) {
        // no stack trace: these are ordinary answers
        super(error, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.allowRedirect = allowRedirect;
        this.scope = scope;
    }

    /** Any error of oidc-provider's {@code E(...)} family: status 400, redirectable. */
    static OidcError of(String error, @Nullable String description) {
        return new OidcError(400, error, description, true, null);
    }

    static OidcError invalidRequest(String description) {
        return of("invalid_request", description);
    }

    /** {@code InvalidGrant}: the detail (e.g. "authorization code not found") is never shown, only "grant request is invalid". */
    static OidcError invalidGrant() {
        return of("invalid_grant", "grant request is invalid");
    }

    /** {@code InvalidClient}, 400: e.g. Logto's adapter for an unknown client id ({@code invalid client <id>}). */
    static OidcError invalidClient(String description) {
        return of("invalid_client", description);
    }

    /** {@code InvalidClientAuth}, 401 "client authentication failed". */
    static OidcError invalidClientAuth() {
        return new OidcError(401, "invalid_client", "client authentication failed", true, null);
    }

    /** {@code InvalidTarget}, by default "resource indicator is missing, or unknown". */
    static OidcError invalidTarget(@Nullable String description) {
        return of("invalid_target", description == null ? "resource indicator is missing, or unknown" : description);
    }

    /** {@code InvalidRedirectUri}: the one error the authorization endpoint never redirects. */
    static OidcError invalidRedirectUri() {
        return new OidcError(400, "invalid_redirect_uri", "redirect_uri did not match any of the client's registered redirect_uris",
                false, null);
    }

    /** {@code InvalidToken}, 401 "invalid token provided" (the reason is never shown). */
    static OidcError invalidToken() {
        return new OidcError(401, "invalid_token", "invalid token provided", true, null);
    }

    static OidcError invalidScope(String description, String scope) {
        return new OidcError(400, "invalid_scope", description, true, scope);
    }

    static OidcError insufficientScope(int status, String description, String scope) {
        return new OidcError(status, "insufficient_scope", description, true, scope);
    }

    /** {@code AccessDenied} with Logto's status 403 (its RFC 0001 checks set it). */
    static OidcError forbidden(String description) {
        return new OidcError(403, "access_denied", description, true, null);
    }

    /** Adds a response header (e.g. {@code WWW-Authenticate}). */
    OidcError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    @Nullable String description() {
        return description;
    }

    boolean allowRedirect() {
        return allowRedirect;
    }

    /** oidc-provider's {@code errOut}: {@code error}, {@code error_description}, {@code scope}, {@code state}, in that order. */
    Map<String, String> parameters(@Nullable String state) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("error", error);
        if (description != null) {
            out.put("error_description", description);
        }
        if (scope != null) {
            out.put("scope", scope);
        }
        if (state != null) {
            out.put("state", state);
        }
        return out;
    }

    /** The JSON answer with Logto's additions; {@code extra} are further fields of the body (e.g. the authorization endpoint's {@code iss}). */
    Response response(@Nullable String state, Map<String, String> extra) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Map<String, String> out = parameters(state);
        out.putAll(extra);
        boolean sessionNotFound = description != null
                && (description.contains("session") && description.contains("not found")
                        || description.contains("authorization request has expired"));
        String code = sessionNotFound ? "session.not_found" : "oidc." + error;
        body.put("code", code);
        body.put("message", sessionNotFound ? "Session not found. Please go back and sign in again."
                : MESSAGES.getOrDefault(error, "An OIDC error occurred: " + code + "."));
        if ("invalid_grant".equals(error)) {
            body.put("error_uri", "https://openid.sh/debug/invalid_grant");
        }
        out.forEach(body::put);
        Response response = Response.json(status, body);
        headers.forEach(response::header);
        return response;
    }

    Response response() {
        return response(null, Map.of());
    }
}
