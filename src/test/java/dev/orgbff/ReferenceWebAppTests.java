package dev.orgbff;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.orgbff.emulator.BrowserClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference web app in the embedded run ({@link TestOrgBffApplication}, as {@code mvn spring-boot:test-run} starts
 * it, on free ports): its own origin serves the app's pages and {@code /config.json}, the app signs in through the
 * emulator with its redirect URI only, and the service admits its origin for CORS and WebSocket connections.
 */
class ReferenceWebAppTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static TestOrgBffApplication.Running embedded;
    private static String origin;

    @BeforeAll
    static void startTheEmbeddedRun() {
        embedded = TestOrgBffApplication.startOnFreePorts();
        origin = embedded.webApp().origin();
    }

    @AfterAll
    static void stopTheEmbeddedRun() {
        embedded.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/callback", "/invitations/abc", "/settings/org-1"})
    void page_ofTheApp_answeredWithIndexHtml(String path) throws Exception {
        // when
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(origin + path)).GET());

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.body()).isEqualTo(indexHtml());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../../pom.xml", "/%2e%2e/%2e%2e/pom.xml", "/assets/..%2f..%2f..%2fpom.xml", "/..%5c..%5cpom.xml"})
    void path_outsideTheAppsFiles_notServed(String path) throws Exception {
        // when: a file of the project, two folders up from examples/web/dist/
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(origin + path)).GET());

        // then
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("<project");
    }

    @Test
    void file_missingWithAnExtension_notFound() throws Exception {
        // when
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(origin + "/assets/missing.js")).GET());

        // then
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void configJson_namesTheRunsEmulatorAppAndService() throws Exception {
        // when
        HttpResponse<String> config = send(HttpRequest.newBuilder(URI.create(origin + "/config.json")).GET());

        // then
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(JSON.readValue(config.body(), Map.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "logtoEndpoint", embedded.logto().endpoint(),
                "appId", embedded.webAppId(),
                "apiResource", embedded.logto().apiResource(),
                "graphqlUrl", "http://localhost:" + embedded.port() + "/graphql",
                "graphqlWsUrl", "ws://localhost:" + embedded.port() + "/graphql"));
    }

    @Test
    void readmesConfigJson_forARealTenant_hasTheKeysTheRunServes() throws Exception {
        // given: the /config.json of the README's "Pointing it at your tenant"
        String readme = ReadmeBlocks.readme();
        String section = readme.substring(readme.indexOf("### Pointing it at your tenant"));
        String block = section.substring(section.indexOf("```json\n") + "```json\n".length(), section.indexOf("```", section.indexOf("```json\n") + 7));
        // when
        HttpResponse<String> served = send(HttpRequest.newBuilder(URI.create(origin + "/config.json")).GET());
        // then: the same keys, each a URL where the app reads one
        Map<?, ?> shown = JSON.readValue(block, Map.class);
        assertThat(shown.keySet()).isEqualTo(JSON.readValue(served.body(), Map.class).keySet());
        assertThat(shown.get("graphqlWsUrl").toString()).startsWith("wss://");
        assertThat(shown.get("logtoEndpoint").toString()).startsWith("https://");
    }

    @Test
    void signIn_withTheAppsRedirectUri_tokenReadsFromTheAppsOriginAndLinksOpenItsLandingPage() throws Exception {
        // given: alice signed in through the emulator as the app does, with its /config.json
        JsonNode config = JSON.readTree(send(HttpRequest.newBuilder(URI.create(origin + "/config.json")).GET()).body());
        String token = new BrowserClient(embedded.logto()).signIn(config.path("appId").asString(), origin + "/callback", "alice",
                "openid offline_access profile email", config.path("apiResource").asString()).accessToken();
        String query = "{\"query\":\"query($id: ID!) { organization(id: $id) { invitations { edges { node { invitee acceptUrl } } } } }\","
                + "\"variables\":{\"id\":\"" + embedded.demo().acme() + "\"}}";

        // when: the app asks the service, from its origin
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(config.path("graphqlUrl").asString()))
                .header("Origin", origin).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query)));

        // then: answered, for that origin, with carol's invitation link to the app's landing page, which the app serves
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        JsonNode invitation = JSON.readTree(answer.body()).at("/data/organization/invitations/edges/0/node");
        assertThat(invitation.path("invitee").asString()).isEqualTo("carol@example.test");
        assertThat(invitation.path("acceptUrl").asString()).isEqualTo(origin + "/invitations/" + embedded.demo().carolsInvitation());
        assertThat(send(HttpRequest.newBuilder(URI.create(invitation.path("acceptUrl").asString())).GET()).body()).isEqualTo(indexHtml());
    }

    @Test
    void authorize_anotherRedirectUri_refused() {
        // given
        Map<String, String> request = Map.of("client_id", embedded.webAppId(), "redirect_uri", "http://localhost:5999/callback",
                "response_type", "code", "scope", "openid", "state", "s-1", "code_challenge",
                BrowserClient.codeChallenge(BrowserClient.codeVerifier()), "code_challenge_method", "S256");

        // when
        BrowserClient.Result answer = new BrowserClient(embedded.logto()).authorize(request);

        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_redirect_uri");
    }

    @Test
    void preflight_fromTheAppsOrigin_allowed() throws Exception {
        // when
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create("http://localhost:" + embedded.port() + "/graphql"))
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        // then
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("authorization, content-type");
    }

    @Test
    void webSocket_fromTheAppsOrigin_accepted() throws Exception {
        // when, then
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(embedded.port(), origin)) {
            socket.initAcknowledged(embedded.logto().userToken(embedded.demo().alice()));
        }
    }

    @Test
    void banner_namesTheAppsUrl() {
        // when
        String banner = embedded.banner();

        // then
        assertThat(banner).contains("\n  Web app: " + origin + "/\n", "Logto app id " + embedded.webAppId());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the app's pages answer: the built index.html, or the placeholder while examples/web/dist/ is not built. */
    private static String indexHtml() throws IOException {
        if (!embedded.webApp().placeholder()) {
            return Files.readString(ReferenceWebApp.DIST.resolve("index.html"));
        }
        try (InputStream placeholder = ReferenceWebApp.class.getResourceAsStream("/web-app-placeholder/index.html")) {
            return new String(placeholder.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
