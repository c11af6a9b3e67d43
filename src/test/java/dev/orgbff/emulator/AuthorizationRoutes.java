package dev.orgbff.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.orgbff.emulator.SignInState.AuthorizationCode;
import dev.orgbff.emulator.SignInState.AuthorizationRequest;
import dev.orgbff.emulator.SignInState.Grant;
import dev.orgbff.emulator.SignInState.Interaction;
import dev.orgbff.emulator.SignInState.Logout;
import dev.orgbff.emulator.SignInState.Session;

/**
 * The browser-facing OIDC routes of a sign-in and a sign-out, as Logto 1.42 answers them (oidc-provider 9.9's
 * authorization endpoint, {@code lib/actions/authorization/index.js}, under Logto's configuration in
 * {@code packages/core/src/oidc/init.ts}), with one stand-in: where Logto sends the browser to its sign-in
 * experience, the emulator shows a demo user picker.
 * <ul>
 * <li>{@code GET /oidc/auth}: checks the request in oidc-provider's order (client, response mode, response type,
 *     redirect URI, prompt, scope, PKCE, resource) and answers its errors as its error handler does: rendered as
 *     JSON when the client or the redirect URI cannot be trusted, otherwise sent to the redirect URI with
 *     {@code error}, {@code error_description}, {@code state} and {@code iss}. A browser with a live session is
 *     signed in at once (first-party apps get consent automatically, Logto's {@code koaAutoConsent}); otherwise it
 *     is sent (303) to the picker.</li>
 * <li>{@code GET /oidc/interaction/{uid}}: the picker, one button per user of the tenant; {@code POST} picks one
 *     ({@code userId}), starts the session ({@code _session} cookie) and redirects to the client with
 *     {@code code}, {@code state} and {@code iss}; {@code POST .../abort} answers {@code access_denied}.</li>
 * <li>{@code GET /oidc/session/end}: RP-initiated logout ({@code id_token_hint}, a registered
 *     {@code post_logout_redirect_uri}, {@code state}); like Logto it answers a page that posts itself to
 *     {@code POST /oidc/session/end/confirm}, which ends the session, revokes the grants that did not get
 *     {@code offline_access}, and redirects to the post-logout URI with {@code state} (or to
 *     {@code /oidc/session/end/success}).</li>
 * </ul>
 */
final class AuthorizationRoutes {

    static final String SESSION_COOKIE = "_session";

    /** The parameters the authorization endpoint reads ({@code lib/consts/param_list.js}, resource indicators, Logto's {@code organization_id}). */
    private static final Set<String> PARAMETERS = Set.of("acr_values", "claims_locales", "client_id", "code_challenge",
            "code_challenge_method", "display", "id_token_hint", "login_hint", "max_age", "nonce", "prompt", "redirect_uri",
            "registration", "request", "request_uri", "response_mode", "response_type", "scope", "state", "ui_locales",
            "resource", "organization_id");
    /** oidc-provider's default {@code responseTypes}, which Logto keeps. */
    private static final Set<String> RESPONSE_TYPES = Set.of("code id_token", "code", "id_token", "none");
    private static final Set<String> RESPONSE_MODES = Set.of("query", "fragment", "form_post");
    /** The prompts of oidc-provider's default interaction policy, plus {@code none}. */
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent");
    private static final Set<String> OPENID_GATED = new TreeSet<>(List.of("acr_values", "claims_locales", "id_token_hint",
            "max_age", "nonce"));

    private final TenantState state;
    private final SignInState signIns;
    private final Clients clients;
    private final ResourceScopes resources;
    private final TokenIssuer tokens;
    private final SecureRandom random = new SecureRandom();

    AuthorizationRoutes(TenantState state, SignInState signIns, Clients clients, TokenIssuer tokens) {
        this.state = state;
        this.signIns = signIns;
        this.clients = clients;
        this.resources = new ResourceScopes(state);
        this.tokens = tokens;
    }

    void register(RouteTable routes) {
        routes.open("GET", "/oidc/auth", this::authorize)
                .open("GET", "/oidc/interaction/{uid}", this::picker)
                .open("POST", "/oidc/interaction/{uid}", this::pick)
                .open("POST", "/oidc/interaction/{uid}/abort", this::abort)
                .open("GET", "/oidc/session/end", this::endSession)
                .open("POST", "/oidc/session/end/confirm", this::confirmEndSession)
                .open("GET", "/oidc/session/end/success", this::endSessionSuccess);
    }

    // ---------------------------------------------------------------- the authorization endpoint

    /** The request as the endpoint sees it while checking: the parameters (changed by some checks) and what was settled. */
    private static final class Attempt {
        final Map<String, String> params;
        final List<String> resources;
        @Nullable Application client;
        boolean redirectUriChecked;

        Attempt(Map<String, String> params, List<String> resources) {
            this.params = params;
            this.resources = resources;
        }

        @Nullable String param(String name) {
            String value = params.get(name);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    private Response authorize(Request request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.queryPairs().stream().filter(pair -> PARAMETERS.contains(pair.getKey()))
                .forEach(pair -> query.computeIfAbsent(pair.getKey(), key -> new ArrayList<>()).add(pair.getValue()));
        Map<String, String> params = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        query.forEach((name, values) -> {
            if (values.size() == 1) {
                params.put(name, values.get(0));
            } else if (!"resource".equals(name)) {
                duplicates.add(name);
            }
        });
        // Logto's koaResourceParam: ?resource=a,b is read as two resources
        List<String> resourceValues = query.getOrDefault("resource", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).filter(value -> !value.isEmpty()).toList();
        Attempt attempt = new Attempt(params, resourceValues);
        try {
            if (!duplicates.isEmpty()) {
                throw OidcError.invalidRequest(UserGrants.formatList(duplicates) + " "
                        + (duplicates.size() == 1 ? "parameter" : "parameters") + " must not be provided twice");
            }
            AuthorizationRequest accepted = check(attempt);
            Session session = liveSession(request);
            if (session == null || accepted.prompts().contains("login")) {
                if (accepted.prompts().contains("none")) {
                    throw OidcError.of("login_required", "End-User authentication is required");
                }
                Interaction interaction = new Interaction(signIns.newUid(), accepted, state.now() + SignInState.INTERACTION_TTL_MS);
                signIns.interactions().put(interaction.uid(), interaction);
                return Response.seeOther(request.origin() + "/oidc/interaction/" + interaction.uid()).header("Cache-Control", "no-store");
            }
            return respond(request, accepted, session);
        } catch (OidcError e) {
            return authorizationError(request, e, attempt);
        }
    }

    /** oidc-provider's checks of an authorization request, in its order; the result is what a code is issued for. */
    private AuthorizationRequest check(Attempt attempt) {
        Map<String, String> params = attempt.params;
        // check_client (Logto's client adapter throws for an unknown id, so the error handler finds no client either)
        UserGrants.requirePresent(params, "client_id");
        Application client = clients.find(params.get("client_id"));
        if (client == null) {
            throw OidcError.invalidClient("invalid client " + params.get("client_id"));
        }
        attempt.client = client;
        // check_response_mode
        String responseMode = attempt.param("response_mode") != null ? attempt.param("response_mode")
                : attempt.param("response_type") != null ? defaultResponseMode(attempt.param("response_type")) : null;
        if (responseMode != null && !RESPONSE_MODES.contains(responseMode)) {
            params.remove("response_mode");
            throw OidcError.of("unsupported_response_mode", "unsupported response_mode requested");
        }
        if ("query".equals(responseMode) && "fragment".equals(defaultResponseMode(attempt.param("response_type")))) {
            throw OidcError.invalidRequest("requested response_mode is not allowed for the requested response_type");
        }
        // one_redirect_uri_clients
        if (attempt.param("redirect_uri") == null && client.redirectUris().size() == 1) {
            params.put("redirect_uri", client.redirectUris().get(0));
            attempt.redirectUriChecked = true;
        }
        UserGrants.requirePresent(params, "response_type", "client_id");
        // check_response_type
        String responseType = String.join(" ", new TreeSet<>(Arrays.asList(params.get("response_type").split(" "))));
        params.put("response_type", responseType);
        if (!RESPONSE_TYPES.contains(responseType)) {
            throw OidcError.of("unsupported_response_type", "unsupported response_type requested");
        }
        if (!(client.type() == Application.Type.SPA && "code".equals(responseType))) {
            throw OidcError.invalidRequest("requested response_type is not allowed for this client");
        }
        UserGrants.requirePresent(params, "redirect_uri");
        // check_prompt
        Set<String> prompts = attempt.param("prompt") == null ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(params.get("prompt").split(" ")));
        if (!PROMPTS.containsAll(prompts)) {
            throw OidcError.invalidRequest("unsupported prompt value requested");
        }
        if (prompts.contains("none") && prompts.size() != 1) {
            throw OidcError.invalidRequest("prompt none must only be used alone");
        }
        // check_scope: offline_access only with prompt=consent (OpenID Connect Core 1.0, section 11)
        List<String> scopes = new ArrayList<>(UserGrants.scopes(attempt.param("scope")));
        if (!prompts.contains("consent") || !client.grantTypeAllowed("refresh_token")) {
            scopes.remove("offline_access");
        }
        // check_openid_scope
        if (!scopes.contains("openid")) {
            for (String gated : OPENID_GATED) {
                if (attempt.param(gated) != null) {
                    throw OidcError.invalidRequest("openid scope must be requested when using the " + gated + " parameter");
                }
            }
        }
        // check_redirect_uri
        if (!client.redirectUriAllowed(params.get("redirect_uri"))) {
            throw OidcError.invalidRedirectUri();
        }
        attempt.redirectUriChecked = true;
        // check_pkce (Logto requires it of every client not using client_secret_basic)
        String challenge = attempt.param("code_challenge");
        String method = attempt.param("code_challenge_method");
        if (method == null && challenge != null) {
            throw OidcError.invalidRequest("code_challenge_method must be provided");
        }
        if (method != null && !"S256".equals(method)) {
            throw OidcError.invalidRequest("not supported value of code_challenge_method");
        }
        if (method != null && challenge == null) {
            throw OidcError.invalidRequest("code_challenge must be provided with code_challenge_method");
        }
        if (challenge == null) {
            throw OidcError.invalidRequest("Authorization Server policy requires PKCE to be used for this request");
        }
        UserGrants.checkPkceFormat(challenge, "code_challenge");
        // check_resource: without a resource only the OIDC scopes are kept
        if (attempt.resources.isEmpty()) {
            scopes.removeIf(scope -> !UserClaims.OIDC_SCOPES.contains(scope));
        }
        for (String resource : attempt.resources) {
            if (!absoluteUri(resource)) {
                throw OidcError.invalidTarget("resource indicator must be an absolute URI");
            }
            if (resource.contains("#")) {
                throw OidcError.invalidTarget("resource indicator must not contain a fragment component");
            }
            if (!resources.known(resource)) {
                throw OidcError.invalidTarget(null);
            }
        }
        return new AuthorizationRequest(client.id(), params.get("redirect_uri"), responseMode == null ? "query" : responseMode,
                attempt.param("state"), attempt.param("nonce"), List.copyOf(scopes), List.copyOf(new LinkedHashSet<>(attempt.resources)),
                challenge, prompts);
    }

    /**
     * oidc-provider's {@code respond}: a code for what the user grants (the requested OIDC scopes and the requested
     * resource scopes the user holds), sent to the client with {@code state} and {@code iss}.
     */
    private Response respond(Request request, AuthorizationRequest accepted, Session session) {
        Application client = clients.find(accepted.clientId());
        User user = state.users().get(session.accountId());
        if (client == null || user == null) {
            throw OidcError.of("access_denied", null);
        }
        Set<String> held = new LinkedHashSet<>(UserClaims.OIDC_SCOPES);
        accepted.resources().forEach(resource -> held.addAll(resources.userScopes(resource, user.id(), null)));
        List<String> granted = accepted.scopes().stream().filter(held::contains).toList();
        if (granted.isEmpty()) {
            // "authorization request resolved without requesting interactions but no scope was granted"
            throw OidcError.of("access_denied", null);
        }
        Grant grant = grantFor(session, client, user, granted.contains("offline_access"));
        AuthorizationCode code = new AuthorizationCode(signIns.newToken(), client.id(), grant.id(), user.id(),
                accepted.redirectUri(), granted, accepted.resources(), accepted.codeChallenge(), accepted.nonce(),
                state.now() + SignInState.CODE_TTL_MS, false);
        signIns.codes().put(code.value(), code);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("code", code.value());
        if (accepted.state() != null) {
            out.put("state", accepted.state());
        }
        out.put("iss", tokens.issuer());
        return responseMode(accepted.responseMode(), accepted.redirectUri(), out, 200);
    }

    /** The session's grant for the client (a new one after a revocation); {@code offline_access} makes it outlive the session. */
    private Grant grantFor(Session session, Application client, User user, boolean offlineAccess) {
        Grant grant = signIns.grants().get(session.grantIds().getOrDefault(client.id(), ""));
        if (grant == null) {
            grant = new Grant(signIns.newUid(), client.id(), user.id(), false);
        }
        if (offlineAccess && !grant.persistsLogout()) {
            grant = new Grant(grant.id(), grant.clientId(), grant.accountId(), true);
        }
        signIns.grants().put(grant.id(), grant);
        session.grantIds().put(client.id(), grant.id());
        return grant;
    }

    /**
     * oidc-provider's {@code authorizationErrorHandler}: an error goes to the redirect URI only when the client is
     * known, the redirect URI is one of its own and the error allows it; otherwise it is rendered (Logto's
     * {@code renderError} writes the JSON body, reshaped by {@code koaOidcErrorHandler}).
     */
    private Response authorizationError(Request request, OidcError caught, Attempt attempt) {
        OidcError error = caught;
        Map<String, String> params = attempt.params;
        Application client = attempt.client;
        if (!"invalid_redirect_uri".equals(error.error()) && client != null && !attempt.redirectUriChecked) {
            if (attempt.param("redirect_uri") == null && client.redirectUris().size() == 1) {
                params.put("redirect_uri", client.redirectUris().get(0));
            }
            String redirectUri = attempt.param("redirect_uri");
            if (redirectUri != null && !client.redirectUriAllowed(redirectUri)) {
                error = OidcError.invalidRedirectUri();
            }
        }
        String stateParam = attempt.param("state");
        String redirectUri = attempt.param("redirect_uri");
        if (attempt.param("client_id") == null || client == null || redirectUri == null || !error.allowRedirect()) {
            return error.response(stateParam, Map.of("iss", tokens.issuer())).header("Cache-Control", "no-store");
        }
        Map<String, String> out = error.parameters(stateParam);
        out.put("iss", tokens.issuer());
        String mode = attempt.param("response_mode");
        if (mode == null || !RESPONSE_MODES.contains(mode)) {
            mode = defaultResponseMode(attempt.param("response_type"));
        }
        return responseMode(mode, redirectUri, out, error.status());
    }

    /** {@code lib/helpers/resolve_response_mode.js}: {@code fragment} for response types with a token, else {@code query}. */
    private static String defaultResponseMode(@Nullable String responseType) {
        return responseType != null && responseType.contains("token") ? "fragment" : "query";
    }

    /** oidc-provider's response modes: a 303 with the parameters in the query or the fragment, or a self-posting form. */
    private static Response responseMode(String mode, String redirectUri, Map<String, String> out, int status) {
        return switch (mode) {
            case "fragment" -> Response.seeOther(withoutFragment(redirectUri) + "#" + encode(out)).header("Cache-Control", "no-store");
            case "form_post" -> Response.html(status == 200 ? 200 : 400, formPost(redirectUri, out)).header("Cache-Control", "no-store");
            default -> Response.seeOther(withQuery(redirectUri, out)).header("Cache-Control", "no-store");
        };
    }

    /** {@code new URL(uri)} with {@code searchParams.set(k, v)} for each parameter, serialised as {@code URLSearchParams} does. */
    static String withQuery(String uri, Map<String, String> parameters) {
        String fragment = "";
        String base = uri;
        int hash = base.indexOf('#');
        if (hash >= 0) {
            fragment = base.substring(hash);
            base = base.substring(0, hash);
        }
        int question = base.indexOf('?');
        List<Map.Entry<String, String>> pairs = new ArrayList<>(
                question < 0 ? List.of() : Request.parseForm(base.substring(question + 1)));
        if (question >= 0) {
            base = base.substring(0, question);
        }
        parameters.forEach((name, value) -> {
            int first = -1;
            for (int i = 0; i < pairs.size(); i++) {
                if (pairs.get(i).getKey().equals(name)) {
                    first = i;
                    break;
                }
            }
            if (first < 0) {
                pairs.add(Map.entry(name, value));
            } else {
                pairs.set(first, Map.entry(name, value));
                for (int i = pairs.size() - 1; i > first; i--) {
                    if (pairs.get(i).getKey().equals(name)) {
                        pairs.remove(i);
                    }
                }
            }
        });
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            query.append(query.length() == 0 ? "" : "&").append(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
        }
        return base + (query.length() == 0 ? "" : "?" + query) + fragment;
    }

    private static String withoutFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }

    private static String encode(Map<String, String> parameters) {
        StringBuilder encoded = new StringBuilder();
        parameters.forEach((name, value) -> encoded.append(encoded.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    /** oidc-provider's {@code form_post} page ({@code lib/response_modes/form_post.js}). */
    private static String formPost(String action, Map<String, String> inputs) {
        StringBuilder fields = new StringBuilder();
        inputs.forEach((name, value) -> fields.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\"/>\n"));
        return """
                <!DOCTYPE html>
                <html>
                <head>
                  <meta http-equiv="X-UA-Compatible" content="IE=edge">
                  <title>Submitting Callback</title>
                  <script>
                    document.addEventListener('DOMContentLoaded', function () { document.forms[0].submit() });
                  </script>
                </head>
                <body>
                  <form method="post" action="%s">
                    %s
                    <noscript>
                      Your browser does not support JavaScript or you've disabled it.<br/>
                      <button autofocus type="submit">Continue</button>
                    </noscript>
                  </form>
                </body>
                </html>""".formatted(Html.escape(action), fields);
    }

    // ---------------------------------------------------------------- the demo user picker

    private Response picker(Request request) {
        Interaction interaction = liveInteraction(request);
        Application client = clients.find(interaction.request().clientId());
        String action = "/oidc/interaction/" + interaction.uid();
        StringBuilder buttons = new StringBuilder();
        state.users().stream().forEach(user -> buttons.append("<button type=\"submit\" name=\"userId\" value=\"")
                .append(Html.escape(user.id())).append("\" data-username=\"").append(Html.escape(nullToEmpty(user.username())))
                .append("\"><strong>").append(Html.escape(nullToEmpty(user.username()))).append("</strong> ")
                .append(Html.escape(nullToEmpty(user.name()))).append("<br><small>")
                .append(Html.escape(nullToEmpty(user.primaryEmail()))).append("</small></button>\n"));
        String users = buttons.length() == 0 ? "<p>The tenant has no users yet.</p>\n"
                : "<form method=\"post\" action=\"" + Html.escape(action) + "\">\n" + buttons + "</form>\n";
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in – Logto emulator</title>
                <link rel="icon" href="data:,">
                <style>
                body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
                button{display:block;width:100%%;text-align:left;padding:.6rem .8rem;margin:.4rem 0;font:inherit;cursor:pointer}
                small{color:#555}
                </style>
                </head>
                <body>
                <h1>Sign in to %s</h1>
                <p>This is the Logto emulator's demo user picker, standing in for Logto's sign-in page: pick a user, no password needed.</p>
                %s<form method="post" action="%s/abort"><button type="submit" name="abort" value="yes">Cancel</button></form>
                </body>
                </html>
                """.formatted(Html.escape(client == null ? "the application" : client.name()), users, Html.escape(action));
        return Response.html(200, html).header("Cache-Control", "no-store");
    }

    private Response pick(Request request) {
        Interaction interaction = liveInteraction(request);
        String userId = request.form().get("userId");
        User user = userId == null ? null : state.users().get(userId);
        if (user == null) {
            throw OidcError.invalidRequest("pick one of the listed users");
        }
        signIns.interactions().remove(interaction.uid());
        String previous = request.cookie(SESSION_COOKIE);
        if (previous != null) {
            signIns.sessions().remove(previous); // a new sign-in starts a new session
        }
        Session session = new Session(signIns.newUid(), user.id(), state.now(), new LinkedHashMap<>());
        signIns.sessions().put(session.id(), session);
        Response response;
        try {
            response = respond(request, interaction.request(), session);
        } catch (OidcError e) {
            response = authorizationError(request, e, resumed(interaction));
        }
        return response.header("Set-Cookie", SESSION_COOKIE + "=" + session.id() + "; path=/; samesite=lax; httponly");
    }

    private Response abort(Request request) {
        Interaction interaction = liveInteraction(request);
        signIns.interactions().remove(interaction.uid());
        return authorizationError(request, OidcError.of("access_denied", "End-User aborted interaction"), resumed(interaction));
    }

    /** The state of the authorization request an interaction resumes: every check passed. */
    private Attempt resumed(Interaction interaction) {
        AuthorizationRequest accepted = interaction.request();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", accepted.clientId());
        params.put("redirect_uri", accepted.redirectUri());
        params.put("response_mode", accepted.responseMode());
        params.put("response_type", "code");
        if (accepted.state() != null) {
            params.put("state", accepted.state());
        }
        Attempt attempt = new Attempt(params, accepted.resources());
        attempt.client = clients.find(accepted.clientId());
        attempt.redirectUriChecked = true;
        return attempt;
    }

    private Interaction liveInteraction(Request request) {
        Interaction interaction = signIns.interactions().get(request.pathParam("uid"));
        if (interaction == null || interaction.expiresAt() <= state.now()) {
            throw OidcError.invalidRequest("interaction session not found");
        }
        return interaction;
    }

    /** The browser's session ({@code _session} cookie), unless it expired, ended or its user is gone. */
    private @Nullable Session liveSession(Request request) {
        String id = request.cookie(SESSION_COOKIE);
        Session session = id == null ? null : signIns.sessions().get(id);
        if (session == null || session.loginAt() + SignInState.SESSION_TTL_MS <= state.now()
                || !state.users().contains(session.accountId())) {
            return null;
        }
        return session;
    }

    // ---------------------------------------------------------------- sign-out

    /** oidc-provider's {@code endSession.init} ({@code lib/actions/end_session.js}). */
    private Response endSession(Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<String> names = List.of("id_token_hint", "post_logout_redirect_uri", "state", "ui_locales", "client_id", "logout_hint");
        for (String name : names) {
            List<String> values = request.queryValues(name);
            if (values.size() > 1) {
                duplicates.add(name);
            } else if (values.size() == 1 && !values.get(0).isEmpty()) {
                params.put(name, values.get(0));
            }
        }
        if (!duplicates.isEmpty()) {
            throw OidcError.invalidRequest(UserGrants.formatList(duplicates) + " "
                    + (duplicates.size() == 1 ? "parameter" : "parameters") + " must not be provided twice");
        }
        Application client = null;
        String hint = params.get("id_token_hint");
        if (hint != null) {
            String audience = tokens.idTokenAudience(hint);
            if (audience == null) {
                throw OidcError.invalidRequest("could not decode id_token_hint");
            }
            if (params.containsKey("client_id") && !params.get("client_id").equals(audience)) {
                throw OidcError.invalidRequest("client_id does not match the provided id_token_hint");
            }
            client = clients.find(audience);
            if (client == null) {
                throw OidcError.invalidClient("invalid client " + audience);
            }
            if (!tokens.validIdTokenHint(hint, client.id())) {
                throw OidcError.invalidRequest("could not validate id_token_hint");
            }
        } else if (params.containsKey("client_id")) {
            client = clients.find(params.get("client_id"));
            if (client == null) {
                throw OidcError.invalidClient("invalid client " + params.get("client_id"));
            }
        }
        String postLogoutRedirectUri = params.get("post_logout_redirect_uri");
        if (client != null && postLogoutRedirectUri != null && !client.postLogoutRedirectUriAllowed(postLogoutRedirectUri)) {
            throw OidcError.invalidRequest("post_logout_redirect_uri not registered");
        }
        if (client == null) {
            postLogoutRedirectUri = null;
        }
        Session session = liveSession(request);
        String xsrf = HexFormat.of().formatHex(randomBytes(24));
        signIns.logouts().put(xsrf, new Logout(xsrf, session == null ? null : session.id(), client == null ? null : client.id(),
                postLogoutRedirectUri, params.get("state")));
        String action = request.origin() + "/oidc/session/end/confirm";
        if (session == null) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("xsrf", xsrf);
            inputs.put("logout", "yes");
            return Response.html(200, formPost(action, inputs)).header("Cache-Control", "no-store");
        }
        // Logto's logoutSource (packages/core/static/html/logout.html): the confirmation form posts itself
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1.0">
                  <title>Sign Out</title>
                </head>
                <body onload="document.getElementById('op.logoutForm').submit();">
                  <form id="op.logoutForm" method="post" action="%s"><input type="hidden" name="xsrf" value="%s"/></form>
                  <input type="hidden" form="op.logoutForm" value="yes" name="logout" />
                </body>
                </html>
                """.formatted(Html.escape(action), xsrf);
        return Response.html(200, html).header("Cache-Control", "no-store");
    }

    /** oidc-provider's {@code endSession.confirm}: ends the session and redirects. */
    private Response confirmEndSession(Request request) {
        Map<String, String> form = request.form();
        String xsrf = form.get("xsrf");
        Logout logout = xsrf == null ? null : signIns.logouts().remove(xsrf);
        if (logout == null) {
            throw OidcError.invalidRequest("could not find logout details");
        }
        boolean everywhere = form.get("logout") != null && !form.get("logout").isEmpty();
        Session session = logout.sessionId() == null ? null : signIns.sessions().get(logout.sessionId());
        Response response;
        if (everywhere) {
            if (session != null) {
                // grants without offline_access end with the session; the others keep their refresh tokens
                for (String grantId : session.grantIds().values()) {
                    Grant grant = signIns.grants().get(grantId);
                    if (grant != null && !grant.persistsLogout()) {
                        signIns.revokeGrant(grantId);
                    }
                }
                signIns.sessions().remove(session.id());
            }
        } else if (session != null && logout.clientId() != null) {
            String grantId = session.grantIds().remove(logout.clientId());
            Grant grant = grantId == null ? null : signIns.grants().get(grantId);
            if (grant != null && !grant.persistsLogout()) {
                signIns.revokeGrant(grantId);
            }
        }
        if (logout.postLogoutRedirectUri() != null) {
            Map<String, String> out = new LinkedHashMap<>();
            if (logout.state() != null) {
                out.put("state", logout.state());
            }
            response = Response.seeOther(withQuery(logout.postLogoutRedirectUri(), out));
        } else {
            String success = request.origin() + "/oidc/session/end/success";
            response = Response.seeOther(!everywhere && logout.clientId() != null
                    ? withQuery(success, Map.of("client_id", logout.clientId())) : success);
        }
        response.header("Cache-Control", "no-store");
        if (everywhere) {
            response.header("Set-Cookie", SESSION_COOKIE + "=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT; samesite=lax; httponly");
        }
        return response;
    }

    /** Logto's {@code postLogoutSuccessSource} page, without its styling. */
    private Response endSessionSuccess(Request request) {
        String clientId = request.query("client_id");
        if (clientId != null && !clientId.isEmpty() && clients.find(clientId) == null) {
            throw OidcError.invalidClient("invalid client " + clientId);
        }
        return Response.html(200, """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1.0">
                  <title>Sign Out</title>
                </head>
                <body>
                  <div class="message">You have successfully signed out.</div>
                </body>
                </html>
                """).header("Cache-Control", "no-store");
    }

    /** {@code URL.parse(x) !== null}: a scheme and whatever follows it, e.g. {@code https://api.example} or {@code urn:logto:resource:organizations}. */
    private static boolean absoluteUri(String value) {
        try {
            return new URI(value).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** HTML escaping for text and attribute values. */
    private static final class Html {

        private Html() {
        }

        static String escape(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append("&quot;");
                    case '\'' -> escaped.append("&#39;");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }
    }
}
