package dev.orgbff.graphiql;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real browser: headless Chromium, which resolves no host but this machine's, loads {@code /graphiql}
 * from the service and must render it, under its Content-Security-Policy, without asking any other host for anything,
 * and a query sent with a header pasted into the Headers tab gets data. Skipped where no Chromium is installed.
 */
@TestPropertySource(properties = {"spring.graphql.graphiql.enabled=true", "orgbff.graphql.introspection=true",
        "orgbff.graphiql.app-id=" + GraphiQlPageTests.APP_ID})
class GraphiQlBrowserTests extends GraphQlTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Two shared cores parse about 2 MB of script and start Monaco's workers: generous, but bounded. */
    private static final Duration READY = Duration.ofSeconds(60);

    @RegisterExtension
    static final ChromiumPerClass browser = new ChromiumPerClass("graphiql-browser.png");

    @LocalServerPort
    int port;

    @Test
    void graphiql_loadedOffline_rendersUnderItsPolicyAndAnswersAQueryWithAPastedHeader() throws Exception {
        HeadlessChromium.Tab chromium = browser.chromium().openTab();
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String token = logto.userToken(demo.alice());
        String service = "http://localhost:" + port;
        // when
        openWithPastedHeader(chromium, service, token);
        chromium.waitFor("the header in the Headers editor",
                "document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines').textContent.includes('Bearer')", READY);
        chromium.evaluate("document.querySelector('.graphiql-execute-button').click()");
        // then
        chromium.waitFor("the response shows alice's organization",
                "document.querySelector('.graphiql-response .view-lines')?.textContent.includes('\"Acme\"')", READY);
        // Monaco lays the response out with no-break spaces
        JsonNode result = JSON.readTree(chromium.evaluate(
                "document.querySelector('.graphiql-response .view-lines').textContent.replaceAll('\\u00a0', ' ')").asString());
        assertThat(result.has("errors")).as("errors in %s", result).isFalse();
        assertThat(result.at("/data/viewer/user/name").asString()).isEqualTo("Alice Adams");
        assertThat(result.at("/data/viewer/organizations/edges/0/node/name").asString()).isEqualTo("Acme");

        assertThat(chromium.requests().stream().filter(request -> request.path("url").asString().equals(service + "/graphql"))
                .map(request -> HeadlessChromium.header(request, "Authorization")))
                .as("the Authorization of the query sent with the pasted header").containsExactly("Bearer " + token);

        // Monaco starts the GraphQL language service's worker (from this origin) once the query editor is up; the
        // editor's and JSON's own workers only when something needs them
        chromium.waitForRequest(".*/graphiql/assets/graphql\\.worker-[A-Z0-9]{8}\\.js", READY);
        List<String> requested = chromium.requests().stream().map(request -> request.path("url").asString()).toList();
        Set<String> origins = requested.stream().map(GraphiQlBrowserTests::origin).collect(Collectors.toSet());
        assertThat(origins).as("origins of %s", requested).isSubsetOf(service, logto.endpoint());
        assertThat(requested).as("what the page loaded")
                .contains(service + "/graphiql", service + "/graphiql/config.json", service + "/graphql")
                .anyMatch(url -> url.matches(".*/graphiql/assets/main-[A-Z0-9]{8}\\.js"))
                .anyMatch(url -> url.matches(".*/graphiql/assets/main-[A-Z0-9]{8}\\.css"));
        assertThat(chromium.problems()).as("policy violations, exceptions, console errors, failed requests").isEmpty();
    }

    @Test
    void graphiql_subscription_runsOverAWebSocketAuthenticatedByThePastedHeader() throws Exception {
        HeadlessChromium.Tab chromium = browser.chromium().openTab();
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String token = logto.userToken(demo.alice());
        openWithPastedHeader(chromium, "http://localhost:" + port, token);
        chromium.evaluate("document.querySelector('.graphiql-query-editor textarea').focus()");
        chromium.selectAll();
        chromium.insertText("subscription Live { viewerOrganizationEvents { kind organization { name } } }");
        // GraphiQL names the tab once it has parsed the document, which tells it to run the operation as a subscription
        chromium.waitFor("the subscription parsed", "document.querySelector('.graphiql-tab-active')?.textContent.trim() === 'Live'", READY);
        // when
        chromium.evaluate("document.querySelector('.graphiql-execute-button').click()");
        // then: a WebSocket to /graphql whose connection_init carries the pasted header, acknowledged, then the subscription
        long deadline = System.nanoTime() + READY.toNanos();
        while (frames(chromium, "Network.webSocketFrameSent").noneMatch(frame -> frame.contains("\"subscribe\"")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(chromium.events("Network.webSocketCreated")).map(socket -> socket.path("url").asString())
                .containsExactly("ws://localhost:" + port + "/graphql");
        assertThat(frames(chromium, "Network.webSocketFrameSent").toList())
                .anySatisfy(frame -> assertThat(JSON.readTree(frame)).isEqualTo(JSON.readTree(
                        "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}")))
                .anyMatch(frame -> frame.contains("\"subscribe\"") && frame.contains("viewerOrganizationEvents"));
        assertThat(frames(chromium, "Network.webSocketFrameReceived").toList()).anyMatch(frame -> frame.contains("connection_ack"));
        // and alice's rename of Acme, through the service, shows in GraphiQL's response pane
        as(demo.alice()).document("mutation { updateOrganization(input: {organizationId: \"" + demo.acme() + "\", name: \"Acme Live\"}) "
                + "{ userErrors { code } } }").execute().path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
        chromium.waitFor("the event shown in the response pane", "(document.querySelector('.graphiql-response .view-lines')?.textContent ?? '')"
                + ".replace(/\\s/g, '').includes('\"kind\":\"UPDATED\"')", READY);
        // the editor lays text out with non-breaking spaces
        assertThat(chromium.evaluate("(document.querySelector('.graphiql-response .view-lines')?.textContent ?? '').replace(/\\s/g, '')").asString())
                .contains("\"organization\":{\"name\":\"AcmeLive\"}").doesNotContain("Socketclosed");
        assertThat(chromium.problems()).as("policy violations, exceptions, console errors, failed requests").isEmpty();
        // GraphiQL keeps its tabs in the browser's storage: the next test starts from the default query again
        chromium.evaluate("localStorage.clear()");
    }

    /** The payloads of the tab's WebSocket frames, sent or received ({@code method}), so far. */
    private static Stream<String> frames(HeadlessChromium.Tab chromium, String method) {
        return chromium.events(method).stream().map(frame -> frame.at("/response/payloadData").asString());
    }

    /** Opens GraphiQL in a new tab and pastes {@code {"Authorization": "Bearer <token>"}} into its Headers tab. */
    private static void openWithPastedHeader(HeadlessChromium.Tab chromium, String service, String token) throws InterruptedException {
        chromium.navigate(service + "/graphiql");
        chromium.waitFor("GraphiQL's query editor is shown",
                "document.querySelector('.graphiql-query-editor .monaco-editor .view-lines')", READY);
        // GraphiQL keeps its tabs in the browser's storage, which another test's page (a subscription still running) may
        // have written: every test starts from the default query
        chromium.evaluate("localStorage.clear()");
        chromium.navigate(service + "/graphiql");
        chromium.waitFor("GraphiQL's query editor is shown again",
                "document.querySelector('.graphiql-query-editor .monaco-editor .view-lines')", READY);
        chromium.waitFor("the Sign in button is shown",
                "[...document.querySelectorAll('.orgbff-bar button')].some(b => b.textContent === 'Sign in')", READY);
        chromium.evaluate("[...document.querySelectorAll('.graphiql-editor-tools button')]"
                + ".find(b => b.textContent.trim() === 'Headers').click()");
        chromium.waitFor("the Headers editor is open", "document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) textarea')", READY);
        chromium.evaluate("document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) textarea').focus()");
        chromium.insertText("{\"Authorization\": \"Bearer " + token + "\"}");
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
