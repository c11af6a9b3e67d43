package dev.orgbff.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.emulator.LogtoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference web app ({@code examples/web/dist}) in headless Chromium on an origin of its own: alice signs in
 * through the emulator with Logto's React SDK and sees her organizations in the switcher, read through the
 * service with persisted queries by GET. Skipped where no Chromium is installed.
 *
 * <p>The app is served here by the JDK's HTTP server (its files, {@code /config.json}, index.html for any other
 * path) until the embedded run serves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppBrowserTests {

    private static final Path DIST = Path.of("examples/web/dist");
    private static final LogtoEmulator logto = LogtoEmulator.start(0);
    private static final DemoTenant demo = DemoTenant.seed(logto);
    private static final HttpServer app = serve();
    private static final String ORIGIN = "http://localhost:" + app.getAddress().getPort();
    private static final String APP = logto.singlePageApp("Web app", List.of(ORIGIN + "/callback"), List.of(ORIGIN + "/"));
    private static final Duration READY = Duration.ofSeconds(60);
    /** The service's port, known once the context runs; {@code /config.json} names it. */
    private static volatile int servicePort;

    @RegisterExtension
    static final ChromiumPerClass browser = new ChromiumPerClass("web-app.png");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("logto.endpoint", logto::endpoint);
        registry.add("logto.api-resource", logto::apiResource);
        registry.add("logto.management.app-id", logto::m2mAppId);
        registry.add("logto.management.app-secret", logto::m2mAppSecret);
        registry.add("orgbff.invitations.accept-url", () -> ORIGIN + "/invitations/{invitationId}");
        registry.add("orgbff.cors.allowed-origins", () -> ORIGIN);
    }

    @AfterAll
    static void stop() {
        app.stop(0);
        logto.close();
    }

    @Test
    void signIn_alice_switcherShowsAcme() throws Exception {
        servicePort = port;
        HeadlessChromium chromium = browser.chromium();
        chromium.openTab();
        chromium.navigate(ORIGIN + "/");
        chromium.waitFor("the Sign in button", button("Sign in"), READY);
        // when
        chromium.evaluate(button("Sign in") + ".click()");
        chromium.waitFor("Logto's sign-in page", "location.origin === '" + logto.endpoint() + "' && " + button("alice"), READY);
        chromium.evaluate(button("alice") + ".click()");
        // then
        chromium.waitFor("Acme in the switcher and its page",
                "[...document.querySelectorAll('select option')].some(o => o.textContent.startsWith('Acme'))"
                        + " && document.querySelector('h1')?.textContent === 'Acme'", READY);
        assertThat(chromium.evaluate("location.pathname").asString()).isEqualTo("/");
        assertThat(chromium.requests().stream().filter(request -> request.path("url").asString()
                        .startsWith("http://localhost:" + port + "/graphql?"))
                .map(request -> request.path("method").asString()).filter(method -> !method.equals("OPTIONS")))
                .as("queries sent by hash over GET (after the CORS preflights)").isNotEmpty().allMatch("GET"::equals);
        Set<String> origins = chromium.requests().stream().map(request -> GraphiQlBrowserTests.origin(request.path("url").asString()))
                .collect(Collectors.toSet());
        assertThat(origins).isSubsetOf(ORIGIN, "http://localhost:" + port, "ws://localhost:" + port, logto.endpoint());
        assertThat(chromium.problems()).filteredOn(problem -> !problem.contains(logto.endpoint() + "/favicon.ico"))
                // Apollo's persisted-queries link asks by hash alone first: the service answers the first GET of each
                // document 400 PersistedQueryNotFound, which Chromium logs, and the link sends it again with its text
                .filteredOn(problem -> !(problem.contains("status of 400") && problem.contains("persistedQuery")))
                .as("policy violations, exceptions, console errors, failed requests").isEmpty();
    }

    private static String button(String text) {
        return "[...document.querySelectorAll('button, a')].find(e => e.textContent.includes('" + text + "'))";
    }

    /** examples/web/dist on a free port: its files, /config.json, and index.html for the app's routes. */
    private static HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", WebAppBrowserTests::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type;
        if (path.equals("/config.json")) {
            body = ("{\"logtoEndpoint\":\"" + logto.endpoint() + "\",\"appId\":\"" + APP + "\",\"apiResource\":\"" + logto.apiResource()
                    + "\",\"graphqlUrl\":\"http://localhost:" + servicePort + "/graphql\",\"graphqlWsUrl\":\"ws://localhost:" + servicePort
                    + "/graphql\"}").getBytes(StandardCharsets.UTF_8);
            type = "application/json";
        } else {
            Path file = DIST.resolve(path.substring(1)).normalize();
            if (!file.startsWith(DIST) || !Files.isRegularFile(file)) {
                file = DIST.resolve("index.html");
            }
            body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html; charset=utf-8";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
