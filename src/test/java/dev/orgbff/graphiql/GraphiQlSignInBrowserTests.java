package dev.orgbff.graphiql;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.emulator.LogtoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL's Sign in, end to end in headless Chromium: the authorization code flow with PKCE against the Logto
 * emulator (its demo user picker stands in for Logto's sign-in page), the access token on every request and renewed
 * with the refresh token before it expires, and sign-out through end-session. Skipped where no Chromium is installed.
 *
 * <p>An emulator and a Spring context of their own: the shared emulator's tenant, single-page apps included, is
 * emptied before every test, while the service reads {@code orgbff.graphiql.app-id} once, at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphiQlSignInBrowserTests {

    private static final LogtoEmulator logto = LogtoEmulator.start(0);
    private static final DemoTenant demo = DemoTenant.seed(logto);
    /** Its redirect URIs are added once the service's port is known. */
    private static final String APP = logto.singlePageApp("GraphiQL", List.of(), List.of());
    private static final Duration READY = Duration.ofSeconds(60);

    @RegisterExtension
    static final ChromiumPerClass browser = new ChromiumPerClass("graphiql-sign-in.png");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("logto.endpoint", logto::endpoint);
        registry.add("logto.api-resource", logto::apiResource);
        registry.add("logto.management.app-id", logto::m2mAppId);
        registry.add("logto.management.app-secret", logto::m2mAppSecret);
        registry.add("orgbff.invitations.accept-url", () -> "https://app.example.test/invitations/{invitationId}");
        registry.add("spring.graphql.graphiql.enabled", () -> "true");
        registry.add("orgbff.graphql.introspection", () -> "true");
        registry.add("orgbff.graphiql.app-id", () -> APP);
    }

    @AfterAll
    static void stop() {
        logto.close();
    }

    @Test
    void signIn_userPickedAtLogto_queriesWithHerRenewedTokenThenSignsOut() throws Exception {
        HeadlessChromium.Tab chromium = browser.chromium().openTab();
        // given
        String page = "http://localhost:" + port + "/graphiql";
        logto.addRedirectUris(APP, List.of(page), List.of(page));
        // renewed a minute before it expires: 5 s after it was issued
        logto.accessTokenTtl(Duration.ofSeconds(65));
        chromium.navigate(page);
        chromium.waitFor("the Sign in button", button("Sign in"), READY);
        // when
        chromium.evaluate(button("Sign in") + ".click()");
        chromium.waitFor("Logto's sign-in page", "location.origin === '" + logto.endpoint() + "' && " + button("alice"), READY);
        chromium.evaluate(button("alice") + ".click()");
        // then
        chromium.waitFor("alice signed in", "document.querySelector('.orgbff-user')?.textContent.includes('Alice Adams')", READY);
        assertThat(chromium.evaluate("location.href").asString()).as("the callback's code and state are gone").isEqualTo(page);
        JsonNode authorization = chromium.requests().stream()
                .filter(request -> request.path("url").asString().startsWith(logto.endpoint() + "/oidc/auth?")).findFirst().orElseThrow();
        assertThat(query(authorization.path("url").asString())).contains("client_id=" + APP, "redirect_uri=" + page,
                "response_type=code", "code_challenge_method=S256", "scope=openid profile email offline_access",
                "resource=" + logto.apiResource(), "prompt=consent");
        assertThat(tokenRequests(chromium, "authorization_code")).singleElement().asString()
                .contains("resource=" + logto.apiResource(), "client_id=" + APP, "code_verifier=");

        // when: the token is about to expire
        chromium.waitFor("the token renewed with the refresh token",
                "performance.getEntriesByType('resource').filter(e => e.name === '" + logto.endpoint() + "/oidc/token').length >= 2", READY);
        chromium.waitFor("GraphiQL's query editor", "document.querySelector('.graphiql-query-editor .monaco-editor .view-lines')", READY);
        chromium.evaluate("document.querySelector('.graphiql-execute-button').click()");
        // then
        chromium.waitFor("the response shows alice's organization",
                "document.querySelector('.graphiql-response .view-lines')?.textContent.includes('\"Acme\"')", READY);
        assertThat(tokenRequests(chromium, "refresh_token")).isNotEmpty()
                .allSatisfy(form -> assertThat(form).contains("resource=" + logto.apiResource(), "client_id=" + APP));
        assertThat(chromium.requests().stream().filter(request -> request.path("url").asString().equals("http://localhost:" + port + "/graphql"))
                .map(request -> HeadlessChromium.header(request, "Authorization")))
                .as("the Authorization of GraphiQL's requests (the schema, the query)").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(header -> header.startsWith("Bearer ey"));

        // when
        chromium.evaluate(button("Sign out") + ".click()");
        // then
        chromium.waitFor("back, signed out", "location.href === '" + page + "' && " + button("Sign in"), READY);
        assertThat(chromium.evaluate("sessionStorage.length").asInt()).as("tokens left in sessionStorage").isZero();
        JsonNode endSession = chromium.requests().stream()
                .filter(request -> request.path("url").asString().startsWith(logto.endpoint() + "/oidc/session/end?")).findFirst().orElseThrow();
        assertThat(query(endSession.path("url").asString())).contains("post_logout_redirect_uri=" + page);
        assertThat(chromium.requests()).as("the refresh token revoked before the session ends")
                .anyMatch(request -> request.path("url").asString().equals(logto.endpoint() + "/oidc/token/revocation")
                        && request.path("method").asString().equals("POST"));

        Set<String> origins = chromium.requests().stream().map(request -> GraphiQlBrowserTests.origin(request.path("url").asString()))
                .collect(Collectors.toSet());
        assertThat(origins).isSubsetOf("http://localhost:" + port, logto.endpoint());
        // the emulator's own sign-in page has no icon: not GraphiQL's business
        assertThat(chromium.problems()).filteredOn(problem -> !problem.contains(logto.endpoint() + "/favicon.ico"))
                .as("policy violations, exceptions, console errors, failed requests").isEmpty();
    }

    /** A button (or link) whose text contains {@code text}, as a JavaScript expression. */
    private static String button(String text) {
        return "[...document.querySelectorAll('button, a')].find(e => e.textContent.includes('" + text + "'))";
    }

    /** The decoded form bodies of the page's token requests with this grant type. */
    private static List<String> tokenRequests(HeadlessChromium.Tab chromium, String grantType) {
        return chromium.requests().stream()
                .filter(request -> request.path("method").asString().equals("POST")
                        && request.path("url").asString().endsWith("/oidc/token"))
                .map(request -> URLDecoder.decode(request.path("postData").asString(), StandardCharsets.UTF_8))
                .filter(form -> form.contains("grant_type=" + grantType))
                .toList();
    }

    private static String query(String url) {
        return URLDecoder.decode(url.substring(url.indexOf('?') + 1), StandardCharsets.UTF_8);
    }
}
