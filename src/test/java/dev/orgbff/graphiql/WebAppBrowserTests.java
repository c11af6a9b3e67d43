package dev.orgbff.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.ObjectMapper;

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
    private static boolean tabOpen;

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

    @BeforeEach
    void servicePort() {
        servicePort = port;
    }

    @Test
    void signIn_alice_switcherShowsAcme() throws Exception {
        HeadlessChromium chromium = browser.chromium();
        // when
        signIn("alice");
        // then
        chromium.waitFor("Acme in the switcher and its page", option("Acme") + " && " + heading("Acme"), READY);
        assertThat(chromium.evaluate("location.pathname").asString()).isEqualTo("/");
        assertThat(chromium.requests().stream().filter(request -> request.path("url").asString()
                        .startsWith("http://localhost:" + port + "/graphql?"))
                .map(request -> request.path("method").asString()).filter(method -> !method.equals("OPTIONS")))
                .as("queries sent by hash over GET (after the CORS preflights)").isNotEmpty().allMatch("GET"::equals);

        // when: she searches the members
        type("input[type=search]", "bob");
        chromium.evaluate(button("Search") + ".click()");
        // then
        chromium.waitFor("bob alone", "document.querySelector('[role=status]')?.textContent.includes('1 member matches')"
                + " && " + cell("bob@acme.test") + " && !" + cell("alice@acme.test"), READY);
        assertNoStrayRequestOrError();
        signOut();
    }

    @Test
    void alice_createsInitechAndInvitesErin_erinAcceptsOnTheLandingPage() throws Exception {
        HeadlessChromium chromium = browser.chromium();
        signIn("alice");
        chromium.waitFor("the switcher", option("Acme"), READY);
        // when: alice creates Initech
        chromium.evaluate(button("Create organization") + ".click()");
        type("form[aria-label='Create organization'] input", "Initech");
        chromium.evaluate(button("Create") + ".click()");
        // then
        chromium.waitFor("Initech, alice its admin", option("Initech (admin)") + " && " + heading("Initech"), READY);

        // when: she invites erin
        type("textarea[aria-describedby='invite-emails-errors']", "erin@example.test");
        chromium.waitFor("the role picker", "document.querySelector('#invite-heading').parentElement.querySelector('select').value", READY);
        chromium.evaluate(button("Invite") + ".click()");
        // then
        chromium.waitFor("erin's pending invitation", cell("erin@example.test"), READY);

        // when: an invitation made elsewhere (by alice through the service, not through this page)
        String initech = chromium.evaluate("new URLSearchParams(location.search).get('organization')").asString();
        String roleId = chromium.evaluate("document.querySelector('#invite-heading').parentElement.querySelector('select').value").asString();
        String answer = graphQl(logto.userToken(demo.alice()), "mutation { inviteMembers(input: {organizationId: \"" + initech
                + "\", emails: [\"frank@example.test\"], roleIds: [\"" + roleId + "\"]}) { userErrors { code } } }");
        assertThat(answer).contains("\"userErrors\":[]");
        // then: the page shows it without a reload (organizationEvents)
        chromium.waitFor("frank's invitation, pushed", cell("frank@example.test"), READY);

        // when: erin opens the link of her email and signs in
        String link = logto.sentMessages().stream().filter(message -> message.invitee().equals("erin@example.test"))
                .map(message -> message.payload().path("link").asString()).findFirst().orElseThrow();
        assertThat(link).startsWith(ORIGIN + "/invitations/");
        signOut();
        chromium.navigate(link);
        chromium.waitFor("the landing page's Sign in", button("Sign in"), READY);
        chromium.evaluate(button("Sign in") + ".click()");
        chromium.waitFor("Logto's sign-in page", "location.origin === '" + logto.endpoint() + "' && " + pick("erin"), READY);
        chromium.evaluate(pick("erin") + ".click()");
        // then
        chromium.waitFor("the landing page for Initech", heading("Join Initech"), READY);
        assertThat(chromium.evaluate("location.href").asString()).isEqualTo(link);
        // when
        chromium.evaluate(button("Accept") + ".click()");
        // then
        chromium.waitFor("erin joined", "document.querySelector('[role=status]')?.textContent.includes('You joined Initech')"
                + " && " + option("Initech (member)"), READY);

        // when: erin opens Initech, where a member sees no admin controls
        chromium.evaluate(button("Open Initech") + ".click()");
        chromium.waitFor("Initech's page for erin", heading("Initech") + " && " + cell("erin@example.test"), READY);
        String adminControls = "!!document.querySelector('#details-heading') && " + button("Remove");
        assertThat(chromium.evaluate("!!(" + adminControls + ")").asBoolean()).as("admin controls for a member (who may invite)").isFalse();
        // when: alice makes her an admin (through the service, as from her own browser)
        String roles = graphQl(logto.userToken(demo.alice()), "{ organizationTemplate { roles { id name } } }");
        String admin = new ObjectMapper().readTree(roles).path("data").path("organizationTemplate").path("roles").valueStream()
                .filter(role -> role.path("name").asString().equals("admin")).findFirst().orElseThrow().path("id").asString();
        assertThat(graphQl(logto.userToken(demo.alice()), "mutation { updateMemberRoles(input: {organizationId: \"" + initech
                + "\", userId: \"" + demo.erin() + "\", roleIds: [\"" + admin + "\"]}) { userErrors { code } } }"))
                .contains("\"userErrors\":[]");
        // then: the admin controls appear without a reload (viewerOrganizationEvents ROLES_CHANGED, viewerCan read again)
        chromium.waitFor("erin's admin controls, pushed", adminControls + " && " + option("Initech (admin)"), READY);
        assertNoStrayRequestOrError();
        signOut();
    }

    /** Opens the app signed out and signs in as {@code username} at the emulator's user picker. */
    private static void signIn(String username) throws InterruptedException {
        HeadlessChromium chromium = browser.chromium();
        if (!tabOpen) {
            // one tab for every test: a second one would keep the app of the first running, signed in on the same storage
            chromium.openTab();
            tabOpen = true;
        }
        // storage cleared on a page of the origin where the app does not run, so that it writes nothing back
        chromium.navigate(ORIGIN + "/config.json");
        chromium.waitFor("the app's configuration", "document.readyState === 'complete'", READY);
        chromium.evaluate("localStorage.clear(), sessionStorage.clear()");
        chromium.navigate(ORIGIN + "/");
        chromium.waitFor("the Sign in button", button("Sign in"), READY);
        chromium.evaluate(button("Sign in") + ".click()");
        String picker = "location.origin === '" + logto.endpoint() + "' && " + pick(username);
        // signed in and its token for the service fetched (the switcher filled): a sign-out while the SDK still
        // fetches it would have the answer store the tokens again
        String signedIn = "location.pathname === '/' && " + button("Sign out") + " && !!document.querySelector('header select option')";
        chromium.waitFor("Logto's sign-in page, or back signed in by the session of an earlier test", picker + " || " + signedIn, READY);
        if (!chromium.evaluate("!!(" + picker + ")").asBoolean()) {
            // an earlier test that failed before its sign-out left its session at Logto
            signOut();
            chromium.evaluate(button("Sign in") + ".click()");
            chromium.waitFor("Logto's sign-in page", picker, READY);
        }
        chromium.evaluate(pick(username) + ".click()");
    }

    /** Signs out in the app, which ends the session at Logto too: the next sign-in picks its user. */
    private static void signOut() throws InterruptedException {
        HeadlessChromium chromium = browser.chromium();
        chromium.evaluate(button("Sign out") + ".click()");
        chromium.waitFor("signed out", "location.origin === '" + ORIGIN + "' && " + button("Sign in"), READY);
    }

    /** Types into the element of {@code selector}, as a person would. */
    private static void type(String selector, String text) throws InterruptedException {
        HeadlessChromium chromium = browser.chromium();
        chromium.waitFor(selector, "document.querySelector(\"" + selector + "\")", READY);
        chromium.evaluate("document.querySelector(\"" + selector + "\").focus()");
        chromium.insertText(text);
    }

    private void assertNoStrayRequestOrError() {
        HeadlessChromium chromium = browser.chromium();
        Set<String> origins = chromium.requests().stream().map(request -> GraphiQlBrowserTests.origin(request.path("url").asString()))
                .collect(Collectors.toSet());
        assertThat(origins).isSubsetOf(ORIGIN, "http://localhost:" + port, "ws://localhost:" + port, logto.endpoint());
        assertThat(chromium.problems()).filteredOn(problem -> !problem.contains(logto.endpoint() + "/favicon.ico"))
                // Apollo's persisted-queries link sends each document by hash alone first: the service answers the
                // first request of each 400 PersistedQueryNotFound, which Chromium logs, and the link sends it again
                // with its text (the page's own errors are checked below)
                .filteredOn(problem -> !problem.contains("status of 400 (Bad Request) (http://localhost:" + port + "/graphql"))
                // requests under way when the page navigates away (signing out, opening a link) are cancelled
                .filteredOn(problem -> !problem.contains("\"canceled\":true"))
                .as("policy violations, exceptions, console errors, failed requests").isEmpty();
        assertThat(chromium.evaluate("[...document.querySelectorAll('[role=alert]')].map(e => e.textContent).join()").asString())
                .as("errors the page shows").isEmpty();
    }

    private String graphQl(String token, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + new ObjectMapper().writeValueAsString(query) + "}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The emulator's sign-in page: the button of the demo user {@code username}. */
    private static String pick(String username) {
        return "[...document.querySelectorAll('button')].find(e => e.textContent.includes('" + username + "'))";
    }

    private static String option(String text) {
        return "[...document.querySelectorAll('header select option')].some(o => o.textContent.startsWith('" + text + "'))";
    }

    private static String heading(String text) {
        return "document.querySelector('h1')?.textContent === '" + text + "'";
    }

    private static String cell(String text) {
        return "[...document.querySelectorAll('td')].some(td => td.textContent === '" + text + "')";
    }

    /** The first button or link whose text starts with {@code text} (the words after it may be for screen readers only). */
    private static String button(String text) {
        return "[...document.querySelectorAll('button, a')].find(e => e.textContent.trim().startsWith('" + text + "'))";
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
