package dev.orgbff.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.orgbff.emulator.BrowserClient.Result;
import dev.orgbff.emulator.BrowserClient.SignIn;

/**
 * The sign-in of a single-page app, as Logto 1.42 answers it: the authorization endpoint with PKCE and the demo
 * user picker, the code exchange, refresh tokens, ID tokens, userinfo and end-session.
 */
class LogtoEmulatorSignInTests extends LogtoEmulatorTestBase {

    private static final String REDIRECT_URI = "http://localhost:8080/graphiql";
    private static final String SCOPE = "openid offline_access profile email";

    private BrowserClient browser;
    private String appId;
    private String alice;

    @BeforeEach
    void seed() {
        browser = new BrowserClient(logto);
        appId = logto.singlePageApp("GraphiQL", List.of(REDIRECT_URI), List.of(REDIRECT_URI));
        alice = logto.createUser("alice", "alice@acme.test", "Alice Adams");
        logto.createUser("bob", "bob@acme.test", "Bob Brown");
    }

    @Test
    void signIn_pkceFlow_redirectsWithCodeStateAndIssThenIssuesTokens() throws Exception {
        // given
        String verifier = BrowserClient.codeVerifier();
        Map<String, String> request = authorizationRequest(verifier);

        // when
        Result authorization = browser.authorize(request);
        Result callback = browser.pick(authorization, "alice");
        Map<String, String> query = callback.locationQuery();
        Result tokens = browser.post("/oidc/token", exchange(query.get("code"), verifier, logto.apiResource()));

        // then
        assertThat(authorization.status()).isEqualTo(303);
        assertThat(authorization.location()).startsWith(logto.endpoint() + "/oidc/interaction/");
        assertThat(callback.status()).isEqualTo(303);
        assertThat(callback.location()).startsWith(REDIRECT_URI + "?code=");
        assertThat(query).containsEntry("state", "s-1").containsEntry("iss", logto.issuer()).containsKey("code");
        assertThat(tokens.status()).as("%s", tokens).isEqualTo(200);
        JsonNode body = tokens.json();
        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").intValue()).isEqualTo(3600);
        assertThat(body.get("scope").stringValue()).isEmpty(); // alice holds no permission on the API resource
        assertThat(body.get("refresh_token").stringValue()).hasSize(43);
        SignedJWT accessToken = SignedJWT.parse(body.get("access_token").stringValue());
        assertThat(accessToken.getHeader().getType().getType()).isEqualTo("at+jwt");
        JWTClaimsSet access = accessToken.getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo(alice);
        assertThat(access.getAudience()).containsExactly(logto.apiResource());
        assertThat(access.getIssuer()).isEqualTo(logto.issuer());
        assertThat(access.getStringClaim("client_id")).isEqualTo(appId);
        assertThat(access.getClaims()).doesNotContainKey("scope");
    }

    @Test
    void signIn_idToken_verifiesWithTheJwksAndCarriesTheProfileAndEmailClaims() throws Exception {
        // given
        JWKSet jwks = JWKSet.parse(browser.get("/oidc/jwks").body());

        // when
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, logto.apiResource());

        // then
        SignedJWT idToken = SignedJWT.parse(signIn.idToken());
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(idToken.getHeader().getType()).isNull();
        assertThat(idToken.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(idToken.getHeader().getKeyID())))).isTrue();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(logto.issuer());
        assertThat(claims.getAudience()).containsExactly(appId);
        assertThat(claims.getSubject()).isEqualTo(alice);
        assertThat(claims.getStringClaim("nonce")).isEqualTo(signIn.nonce());
        assertThat(claims.getStringClaim("name")).isEqualTo("Alice Adams");
        assertThat(claims.getStringClaim("username")).isEqualTo("alice");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@acme.test");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getClaims()).containsKey("picture").doesNotContainKey("organizations");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void picker_listsEveryUserWithEscapedNames() {
        // given
        logto.createUser("mallory", null, "<script>alert(1)</script>");

        // when
        Result picker = browser.get(browser.authorize(authorizationRequest(BrowserClient.codeVerifier())).location());

        // then
        assertThat(picker.status()).isEqualTo(200);
        assertThat(picker.header("Content-Type")).startsWith("text/html");
        assertThat(picker.body()).contains("Sign in to GraphiQL", "alice", "Alice Adams", "alice@acme.test", "bob", "mallory")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .doesNotContain("http://", "https://");
    }

    @Test
    void token_wrongCodeVerifier_answersInvalidGrant() {
        // given
        Map<String, String> query = browser.pick(browser.authorize(authorizationRequest(BrowserClient.codeVerifier())), "alice")
                .locationQuery();

        // when
        Result tokens = browser.post("/oidc/token", exchange(query.get("code"), BrowserClient.codeVerifier(), null));

        // then
        assertInvalidGrant(tokens);
    }

    @Test
    void token_reusedCode_answersInvalidGrantAndRevokesWhatTheCodeGave() {
        // given
        String verifier = BrowserClient.codeVerifier();
        Map<String, String> query = browser.pick(browser.authorize(authorizationRequest(verifier)), "alice").locationQuery();
        JsonNode first = browser.post("/oidc/token", exchange(query.get("code"), verifier, null)).json();

        // when
        Result second = browser.post("/oidc/token", exchange(query.get("code"), verifier, null));

        // then
        assertInvalidGrant(second);
        assertThat(browser.get("/oidc/me", "Authorization", "Bearer " + first.get("access_token").stringValue()).status())
                .as("the opaque access token of the first exchange").isEqualTo(401);
        assertInvalidGrant(browser.post("/oidc/token", refresh(first.get("refresh_token").stringValue())));
    }

    @Test
    void token_expiredCode_answersInvalidGrant() {
        // given
        String verifier = BrowserClient.codeVerifier();
        Map<String, String> query = browser.pick(browser.authorize(authorizationRequest(verifier)), "alice").locationQuery();
        logto.advanceClock(Duration.ofSeconds(61));

        // when
        Result tokens = browser.post("/oidc/token", exchange(query.get("code"), verifier, null));

        // then
        assertInvalidGrant(tokens);
    }

    @Test
    void token_redirectUriOtherThanTheAuthorizationRequests_answersInvalidGrant() {
        // given
        String other = "http://127.0.0.1:8080/graphiql";
        logto.addRedirectUris(appId, List.of(other), List.of());
        String verifier = BrowserClient.codeVerifier();
        Map<String, String> query = browser.pick(browser.authorize(authorizationRequest(verifier)), "alice").locationQuery();
        Map<String, String> exchange = exchange(query.get("code"), verifier, null);
        exchange.put("redirect_uri", other);

        // when
        Result tokens = browser.post("/oidc/token", exchange);

        // then
        assertInvalidGrant(tokens);
    }

    @Test
    void token_singlePageAppAskingForClientCredentials_answersGrantTypeNotAllowed() {
        // given
        Map<String, String> request = Map.of("grant_type", "client_credentials", "client_id", appId,
                "resource", LogtoEmulator.MANAGEMENT_RESOURCE);

        // when
        Result answer = browser.post("/oidc/token", request);

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_request");
        assertThat(answer.json().get("error_description").stringValue()).isEqualTo("requested grant type is not allowed for this client");
    }

    @Test
    void token_publicClientSendingASecret_answersClientAuthenticationFailed() {
        // given
        String basic = Base64.getEncoder().encodeToString((appId + ":secret").getBytes(StandardCharsets.UTF_8));

        // when
        Result answer = browser.post("/oidc/token", Map.of("grant_type", "refresh_token", "refresh_token", "x"),
                "Authorization", "Basic " + basic);

        // then
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error_description").stringValue()).isEqualTo("client authentication failed");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic realm=\"" + logto.issuer() + "\", error=\"invalid_client\"");
    }

    @Test
    void authorize_unregisteredRedirectUri_rendersTheErrorInsteadOfRedirecting() {
        // given
        Map<String, String> request = authorizationRequest(BrowserClient.codeVerifier());
        request.put("redirect_uri", "https://evil.example/callback");

        // when
        Result answer = browser.authorize(request);

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        JsonNode body = answer.json();
        assertThat(body.get("error").stringValue()).isEqualTo("invalid_redirect_uri");
        assertThat(body.get("error_description").stringValue())
                .isEqualTo("redirect_uri did not match any of the client's registered redirect_uris");
        assertThat(body.get("code").stringValue()).isEqualTo("oidc.invalid_redirect_uri");
        assertThat(body.get("state").stringValue()).isEqualTo("s-1");
        assertThat(body.get("iss").stringValue()).isEqualTo(logto.issuer());
    }

    @Test
    void authorize_unknownClient_rendersInvalidClient() {
        // given
        Map<String, String> request = authorizationRequest(BrowserClient.codeVerifier());
        request.put("client_id", "nosuchclient");

        // when
        Result answer = browser.authorize(request);

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_client");
        assertThat(answer.json().get("error_description").stringValue()).isEqualTo("invalid client nosuchclient");
    }

    @Test
    void authorize_withoutCodeChallenge_redirectsWithInvalidRequest() {
        // given
        Map<String, String> request = authorizationRequest(BrowserClient.codeVerifier());
        request.remove("code_challenge");
        request.remove("code_challenge_method");

        // when
        Result answer = browser.authorize(request);

        // then
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).startsWith(REDIRECT_URI + "?error=invalid_request&");
        assertThat(answer.locationQuery())
                .containsEntry("error_description", "Authorization Server policy requires PKCE to be used for this request")
                .containsEntry("state", "s-1").containsEntry("iss", logto.issuer());
    }

    @Test
    void authorize_unsupportedResponseType_redirectsWithTheError() {
        // given
        Map<String, String> request = authorizationRequest(BrowserClient.codeVerifier());
        request.put("response_type", "token");

        // when
        Result answer = browser.authorize(request);

        // then: a response type with a token answers in the fragment
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).isEqualTo(REDIRECT_URI + "#error=unsupported_response_type"
                + "&error_description=unsupported+response_type+requested&state=s-1&iss="
                + URLEncoder.encode(logto.issuer(), StandardCharsets.UTF_8));
    }

    @Test
    void authorize_unknownResource_redirectsWithInvalidTarget() {
        // given
        Map<String, String> request = authorizationRequest(BrowserClient.codeVerifier());
        request.put("resource", "https://unknown.example/api");

        // when
        Result answer = browser.authorize(request);

        // then
        assertThat(answer.locationQuery()).containsEntry("error", "invalid_target")
                .containsEntry("error_description", "resource indicator is missing, or unknown");
    }

    @Test
    void authorize_offlineAccessWithoutPromptConsent_issuesNoRefreshToken() {
        // given
        String verifier = BrowserClient.codeVerifier();
        Map<String, String> request = authorizationRequest(verifier);
        request.remove("prompt");

        // when
        Map<String, String> query = browser.pick(browser.authorize(request), "alice").locationQuery();
        JsonNode tokens = browser.post("/oidc/token", exchange(query.get("code"), verifier, null)).json();

        // then
        assertThat(tokens.has("refresh_token")).isFalse();
        assertThat(tokens.get("scope").stringValue()).isEqualTo("openid profile email");
    }

    @Test
    void authorize_promptNoneWithoutSession_redirectsWithLoginRequired() {
        // given
        Map<String, String> request = authorizationRequest(BrowserClient.codeVerifier());
        request.put("prompt", "none");

        // when
        Result answer = browser.authorize(request);

        // then
        assertThat(answer.locationQuery()).containsEntry("error", "login_required")
                .containsEntry("error_description", "End-User authentication is required");
    }

    @Test
    void authorize_liveSession_signsInAgainWithoutThePicker() {
        // given
        browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, logto.apiResource());

        // when
        Result answer = browser.authorize(authorizationRequest(BrowserClient.codeVerifier()));

        // then
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.location()).startsWith(REDIRECT_URI + "?code=");
    }

    @Test
    void picker_cancel_redirectsWithAccessDenied() {
        // given
        Result authorization = browser.authorize(authorizationRequest(BrowserClient.codeVerifier()));

        // when
        Result answer = browser.post(authorization.location() + "/abort", Map.of("abort", "yes"));

        // then
        assertThat(answer.locationQuery()).containsEntry("error", "access_denied")
                .containsEntry("error_description", "End-User aborted interaction").containsEntry("state", "s-1");
    }

    @Test
    void refresh_rotatesTheRefreshToken_andAReusedOneRevokesTheGrant() throws Exception {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, logto.apiResource());
        Map<String, String> refresh = refresh(signIn.refreshToken());
        refresh.put("resource", logto.apiResource());

        // when
        Result renewed = browser.post("/oidc/token", refresh);
        Result reused = browser.post("/oidc/token", refresh);

        // then
        assertThat(renewed.status()).as("%s", renewed).isEqualTo(200);
        JsonNode body = renewed.json();
        String rotated = body.get("refresh_token").stringValue();
        assertThat(rotated).isNotEqualTo(signIn.refreshToken());
        assertThat(SignedJWT.parse(body.get("access_token").stringValue()).getJWTClaimsSet().getAudience())
                .containsExactly(logto.apiResource());
        assertThat(SignedJWT.parse(body.get("id_token").stringValue()).getJWTClaimsSet().getStringClaim("nonce"))
                .isEqualTo(signIn.nonce());
        assertInvalidGrant(reused);
        assertInvalidGrant(browser.post("/oidc/token", refresh(rotated)));
    }

    @Test
    void refresh_widerScope_answersInvalidScope() {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, null);
        Map<String, String> refresh = refresh(signIn.refreshToken());
        refresh.put("scope", "openid phone");

        // when
        Result answer = browser.post("/oidc/token", refresh);

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_scope");
        assertThat(answer.json().get("scope").stringValue()).isEqualTo("phone");
    }

    @Test
    void refresh_organizationId_issuesAnOrganizationTokenWithTheMembersPermissions() throws Exception {
        // given
        logto.createOrganizationScope("invite:member", null);
        logto.createOrganizationScope("delete:organization", null);
        logto.createOrganizationRole("member", null, "invite:member");
        String acme = logto.createOrganization("Acme", null);
        logto.addMember(acme, alice, "member");
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice",
                SCOPE + " urn:logto:scope:organizations invite:member delete:organization", "urn:logto:resource:organizations");
        Map<String, String> refresh = refresh(signIn.refreshToken());
        refresh.put("organization_id", acme);

        // when
        Result answer = browser.post("/oidc/token", refresh);

        // then
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(answer.json().get("access_token").stringValue()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("urn:logto:organization:" + acme);
        assertThat(claims.getStringClaim("scope")).isEqualTo("invite:member");
    }

    @Test
    void userinfo_opaqueAccessToken_answersTheClaimsOfTheGrantedScopes() {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, null);

        // when
        Result answer = browser.get("/oidc/me", "Authorization", "Bearer " + signIn.accessToken());

        // then
        assertThat(answer.status()).isEqualTo(200);
        JsonNode claims = answer.json();
        assertThat(claims.get("sub").stringValue()).isEqualTo(alice);
        assertThat(claims.get("name").stringValue()).isEqualTo("Alice Adams");
        assertThat(claims.get("username").stringValue()).isEqualTo("alice");
        assertThat(claims.get("email").stringValue()).isEqualTo("alice@acme.test");
        assertThat(claims.has("phone_number")).isFalse();
    }

    @Test
    void userinfo_jwtAccessToken_answersInvalidTokenWithWwwAuthenticate() {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, logto.apiResource());

        // when
        Result answer = browser.get("/oidc/me", "Authorization", "Bearer " + signIn.accessToken());

        // then
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_token");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"" + logto.issuer()
                + "\", error=\"invalid_token\", error_description=\"invalid token provided\"");
    }

    @Test
    void endSession_registeredPostLogoutUri_endsTheSessionAndRedirectsWithState() {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", "openid profile", null);
        Map<String, String> logout = new LinkedHashMap<>();
        logout.put("id_token_hint", signIn.idToken());
        logout.put("post_logout_redirect_uri", REDIRECT_URI);
        logout.put("state", "bye");

        // when
        Result page = browser.get("/oidc/session/end?" + BrowserClient.form(logout));
        String xsrf = page.body().replaceAll("(?s).*name=\"xsrf\" value=\"([0-9a-f]+)\".*", "$1");
        Result confirmed = browser.post("/oidc/session/end/confirm", Map.of("xsrf", xsrf, "logout", "yes"));

        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("op.logoutForm", "/oidc/session/end/confirm");
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(confirmed.location()).isEqualTo(REDIRECT_URI + "?state=bye");
        assertThat(browser.authorize(authorizationRequest(BrowserClient.codeVerifier())).location())
                .as("signed out: the picker again").contains("/oidc/interaction/");
        assertThat(browser.get("/oidc/me", "Authorization", "Bearer " + signIn.accessToken()).status())
                .as("the grant without offline_access ended with the session").isEqualTo(401);
    }

    @Test
    void endSession_unregisteredPostLogoutUri_answersInvalidRequest() {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", "openid profile", null);
        Map<String, String> logout = new LinkedHashMap<>();
        logout.put("id_token_hint", signIn.idToken());
        logout.put("post_logout_redirect_uri", "https://evil.example/");

        // when
        Result answer = browser.get("/oidc/session/end?" + BrowserClient.form(logout));

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_request");
        assertThat(answer.json().get("error_description").stringValue()).isEqualTo("post_logout_redirect_uri not registered");
    }

    @Test
    void revocation_refreshToken_revokesItForTheApp() {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, null);

        // when
        Result answer = browser.post("/oidc/token/revocation",
                Map.of("client_id", appId, "token", signIn.refreshToken(), "token_type_hint", "refresh_token"));

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertInvalidGrant(browser.post("/oidc/token", refresh(signIn.refreshToken())));
    }

    @Test
    void cors_tokenRequestFromTheRedirectUrisOrigin_isAllowed() {
        // given
        String verifier = BrowserClient.codeVerifier();
        Map<String, String> query = browser.pick(browser.authorize(authorizationRequest(verifier)), "alice").locationQuery();

        // when
        Result preflight = browser.send("OPTIONS", "/oidc/token", "Origin", "http://localhost:8080",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        Result tokens = browser.post("/oidc/token", exchange(query.get("code"), verifier, null), "Origin", "http://localhost:8080");

        // then
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type");
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
        assertThat(tokens.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void cors_tokenRequestFromAnotherOrigin_isRefusedWithoutAllowOrigin() {
        // given
        String verifier = BrowserClient.codeVerifier();
        Map<String, String> query = browser.pick(browser.authorize(authorizationRequest(verifier)), "alice").locationQuery();

        // when
        Result preflight = browser.send("OPTIONS", "/oidc/token", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        Result tokens = browser.post("/oidc/token", exchange(query.get("code"), verifier, null), "Origin", "https://evil.example");

        // then
        assertThat(preflight.status()).as("oidc-provider allows every preflight").isEqualTo(204);
        assertThat(tokens.status()).isEqualTo(400);
        assertThat(tokens.header("Access-Control-Allow-Origin")).isNull();
        assertThat(tokens.json().get("error_description").stringValue())
                .isEqualTo("origin https://evil.example not allowed for client: " + appId);
    }

    @Test
    void cors_userinfoFromAnotherOrigin_isRefused() {
        // given
        SignIn signIn = browser.signIn(appId, REDIRECT_URI, "alice", SCOPE, null);

        // when
        Result allowed = browser.get("/oidc/me", "Authorization", "Bearer " + signIn.accessToken(), "Origin", "http://localhost:8080");
        Result refused = browser.get("/oidc/me", "Authorization", "Bearer " + signIn.accessToken(), "Origin", "https://evil.example");

        // then
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void cors_discoveryAndJwks_allowAnyOrigin() {
        // given
        String origin = "https://anywhere.example";

        // when
        Result discovery = browser.get("/oidc/.well-known/openid-configuration", "Origin", origin);
        Result jwks = browser.get("/oidc/jwks", "Origin", origin);

        // then
        assertThat(discovery.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(jwks.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(discovery.json().get("end_session_endpoint").stringValue()).isEqualTo(logto.issuer() + "/session/end");
    }

    private Map<String, String> authorizationRequest(String verifier) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("client_id", appId);
        request.put("redirect_uri", REDIRECT_URI);
        request.put("response_type", "code");
        request.put("scope", SCOPE);
        request.put("state", "s-1");
        request.put("nonce", "n-1");
        request.put("prompt", "consent");
        request.put("code_challenge", BrowserClient.codeChallenge(verifier));
        request.put("code_challenge_method", "S256");
        request.put("resource", logto.apiResource());
        return request;
    }

    private Map<String, String> exchange(String code, String verifier, @Nullable String resource) {
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", appId);
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("code_verifier", verifier);
        if (resource != null) {
            exchange.put("resource", resource);
        }
        return exchange;
    }

    private Map<String, String> refresh(String refreshToken) {
        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("client_id", appId);
        refresh.put("refresh_token", refreshToken);
        return refresh;
    }

    private static void assertInvalidGrant(Result answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        JsonNode body = answer.json();
        assertThat(body.get("error").stringValue()).isEqualTo("invalid_grant");
        assertThat(body.get("error_description").stringValue()).isEqualTo("grant request is invalid");
        assertThat(body.get("code").stringValue()).isEqualTo("oidc.invalid_grant");
        assertThat(body.get("message").stringValue()).isEqualTo("Grant request is invalid.");
    }
}
