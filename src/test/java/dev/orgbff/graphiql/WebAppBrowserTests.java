package dev.orgbff.graphiql;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.orgbff.TestOrgBffApplication;
import dev.orgbff.TestOrgBffApplication.Running;
import dev.orgbff.emulator.ManagementApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference web app ({@code examples/web/dist}) as the embedded run serves it, on its own origin, in headless
 * Chromium: users sign in through the emulator with Logto's React SDK, in browser contexts of their own (as in two
 * browsers), and what one does reaches the others' pages without a reload. Every page checked is free of console
 * errors, failed requests and serious accessibility violations (axe-core), and sent requests to the app's origin, the
 * service and the emulator only. Also: the app against a service that runs only its own manifest (trusted documents),
 * its live updates after the access token expired, and a {@code RATE_LIMITED} invitation. The scenario writes the README's screenshots under
 * {@code target/web-app/}. Skipped where no Chromium is installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserTests {

    /** The screenshots the README shows (copies in {@code docs/web-app/}; the README says how to refresh them). */
    static final Path SCREENSHOTS = Path.of("target", "web-app");
    private static final Duration READY = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final ChromiumPerClass browser = new ChromiumPerClass("web-app-browser.png");

    /** Started by the first test that needs it, once Chromium is known to be there. */
    private static @Nullable Running embedded;

    @AfterAll
    static void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    private static Running embedded() {
        if (embedded == null) {
            embedded = TestOrgBffApplication.startOnFreePorts();
        }
        return embedded;
    }

    @Test
    @Order(2)
    void aliceInvitesErin_erinJoins_herAdminRoleShowsLive_bobCannotForgeIt() throws Exception {
        Running run = embedded();
        HeadlessChromium chromium = browser.chromium();
        HeadlessChromium.Tab alice = chromium.openTabInNewContext();
        HeadlessChromium.Tab erin = chromium.openTabInNewContext();
        HeadlessChromium.Tab bob = chromium.openTabInNewContext();

        // when: alice signs in and creates Initech
        signIn(alice, "alice");
        alice.waitFor("Acme in the switcher and its page", option("Acme (admin)") + " && " + heading("Acme"), READY);
        alice.evaluate(button("Create organization") + ".click()");
        type(alice, "form[aria-label='Create organization'] input", "Initech");
        alice.evaluate(button("Create") + ".click()");
        // then
        alice.waitFor("Initech, alice its admin", option("Initech (admin)") + " && " + heading("Initech"), READY);

        // when: she invites erin and frank at once, as members (the roles checked by default)
        type(alice, "textarea[aria-describedby='invite-emails-errors']", "erin@example.test, frank@example.test");
        alice.waitFor("the member role checked", checkbox("#invite-heading", "member") + "?.checked", READY);
        alice.evaluate(button("Invite") + ".click()");
        // then
        alice.waitFor("their pending invitations", "document.querySelector('[role=status]')?.textContent === 'Invited erin@example.test, frank@example.test.'"
                + " && " + cell("invitations", "erin@example.test") + " && " + cell("invitations", "frank@example.test"), READY);
        assertPageIsClean(alice, run);

        // when: erin opens the link of her email, in her own browser, and signs in
        String link = run.logto().sentMessages().stream().filter(message -> message.invitee().equals("erin@example.test"))
                .map(message -> message.payload().path("link").asString()).findFirst().orElseThrow();
        assertThat(link).startsWith(run.webApp().origin() + "/invitations/");
        erin.navigate(link);
        erin.waitFor("the landing page's Sign in", button("Sign in"), READY);
        erin.evaluate(button("Sign in") + ".click()");
        erin.waitFor("Logto's sign-in page", "location.origin === '" + run.logto().endpoint() + "' && " + pick("erin"), READY);
        erin.evaluate(pick("erin") + ".click()");
        // then: back on the landing page
        erin.waitFor("the landing page for Initech", heading("Join Initech") + " && " + button("Accept"), READY);
        assertThat(erin.evaluate("location.href").asString()).isEqualTo(link);
        assertThat(erin.evaluate("document.querySelector('main').textContent").asString())
                .contains("Alice Adams invited erin@example.test as member.");
        erin.screenshot(SCREENSHOTS.resolve("landing-page.png"), "body");
        assertPageIsClean(erin, run);

        // when: she accepts
        erin.evaluate(button("Accept") + ".click()");
        // then: she is a member, and alice's page shows her among the members without a reload
        erin.waitFor("erin joined", "document.querySelector('[role=status]')?.textContent.includes('You joined Initech')"
                + " && " + option("Initech (member)"), READY);
        alice.waitFor("erin among Initech's members, pushed", cell("members", "erin@example.test") + " && !" + cell("invitations", "erin@example.test"), READY);

        // when: erin opens Initech, where a member sees no admin controls
        erin.evaluate(button("Open Initech") + ".click()");
        erin.waitFor("Initech's page for erin", heading("Initech") + " && " + cell("members", "erin@example.test"), READY);
        String adminControls = "!!document.querySelector('#details-heading') && !!" + button("Remove") + " && !!document.querySelector('td input')";
        assertThat(erin.evaluate("!!document.querySelector('#details-heading') || !!" + button("Remove") + " || !!document.querySelector('td input')")
                .asBoolean()).as("admin controls shown to a member").isFalse();
        assertPageIsClean(erin, run);

        // when: alice makes her an admin, in her page (roles of a member: checkboxes)
        alice.evaluate(roleCheckbox("Roles of Erin Evans", "admin") + ".click()");
        // then: alice's page shows it, and erin's admin controls appear without a reload (ROLES_CHANGED, viewerCan read again)
        alice.waitFor("erin's roles saved", "[...document.querySelectorAll('fieldset')].some(f => f.querySelector('legend')?.textContent"
                + " === 'Roles of Erin Evans' && !f.disabled && [...f.querySelectorAll('input')].filter(i => i.checked).length === 2)", READY);
        erin.waitFor("erin's admin controls, pushed", adminControls
                + " && [...document.querySelectorAll('header select option')].some(o => o.textContent.startsWith('Initech (') && o.textContent.includes('admin'))", READY);
        assertPageIsClean(erin, run);
        alice.screenshot(SCREENSHOTS.resolve("organization-settings.png"), "body");
        // the switcher as a list box, its options shown (an open drop-down is drawn outside the page)
        alice.evaluate("document.querySelector('header select').size = 2");
        alice.screenshot(SCREENSHOTS.resolve("switcher.png"), "header");
        alice.evaluate("document.querySelector('header select').removeAttribute('size')");
        assertPageIsClean(alice, run);

        // when: bob, a member of Acme, opens Acme
        signIn(bob, "bob");
        bob.waitFor("Acme's page for bob", heading("Acme") + " && " + cell("members", "bob@acme.test"), READY);
        // then: he sees no admin controls
        assertThat(bob.evaluate("!!document.querySelector('#details-heading') || !!" + button("Remove") + " || !!document.querySelector('td input')"
                + " || !!document.querySelector('#jit-heading')").asBoolean()).as("admin controls shown to bob").isFalse();
        assertPageIsClean(bob, run);
        // when: he makes himself an admin by hand, from the page's console, with the app's own token
        String admin = roleId(run, "admin");
        JsonNode forged = JSON.readTree(bob.evaluate(forgedRequest(run, "mutation { updateMemberRoles(input: {organizationId: \""
                + run.demo().acme() + "\", userId: \"" + run.demo().bob() + "\", roleIds: [\"" + admin + "\"]}) { member { roles { name } } } }")).asString());
        // then: refused, and nothing changed
        assertThat(forged.at("/errors/0/extensions/classification").asString()).as("the forged request's answer: %s", forged).isEqualTo("FORBIDDEN");
        assertThat(forged.at("/data/updateMemberRoles/member").isMissingNode()).as("the forged request's answer: %s", forged).isTrue();
        assertThat(graphQl(run, run.logto().userToken(run.demo().alice()), "{ organization(id: \"" + run.demo().acme()
                + "\") { members(first: 10, query: \"bob\") { edges { node { roles { name } } } } } }"))
                .contains("\"roles\":[{\"name\":\"member\"}]");

        // when: bob signs out
        bob.evaluate(button("Sign out") + ".click()");
        bob.waitFor("signed out", "location.origin === '" + run.webApp().origin() + "' && " + button("Sign in"), READY);
        bob.navigate(run.webApp().origin() + "/");
        // then: a new page is signed out too
        bob.waitFor("still signed out after a reload", button("Sign in") + " && !" + button("Sign out"), READY);
        assertThat(bob.evaluate("Object.keys(localStorage).filter(key => key.startsWith('logto:'))").toString())
                .as("Logto's tokens left in storage").isEqualTo("[]");
    }

    @Test
    @Order(1) // the first to use the service, which then knows no document
    void alice_searchesMembers_anInvalidAddressIsNamedNextToItsField_otherOrganizationsAreNotFound_carolSeesHerInvitation() throws Exception {
        Running run = embedded();
        HeadlessChromium.Tab alice = browser.chromium().openTabInNewContext();
        signIn(alice, "alice");
        alice.waitFor("Acme in the switcher and its page", option("Acme (admin)") + " && " + heading("Acme"), READY);
        // then: queries went by hash over GET; the service knew none of them, so the link sent each text once by POST
        String graphql = "http://localhost:" + run.port() + "/graphql";
        List<JsonNode> sent = alice.requests().stream().filter(request -> request.path("url").asString().startsWith(graphql))
                .filter(request -> !request.path("method").asString().equals("OPTIONS")).toList();
        assertThat(sent).filteredOn(request -> request.path("method").asString().equals("GET"))
                .extracting(request -> URLDecoder.decode(request.path("url").asString(), StandardCharsets.UTF_8))
                .as("queries by GET, by hash alone").isNotEmpty().allMatch(url -> url.contains("\"sha256Hash\"") && !url.contains("query="))
                .anyMatch(url -> url.contains("operationName=OrganizationPage"));
        assertThat(sent).filteredOn(request -> request.path("method").asString().equals("POST"))
                .extracting(request -> request.path("postData").asString())
                .as("the texts registered on a miss").anyMatch(body -> body.contains("\"query\":\"query OrganizationPage(") && body.contains("sha256Hash"));

        // when: she searches the members
        type(alice, "input[type=search]", "bob");
        alice.evaluate(button("Search") + ".click()");
        // then
        alice.waitFor("bob alone", "document.querySelector('[role=status]')?.textContent.includes('1 member matches')"
                + " && " + cell("members", "bob@acme.test") + " && !" + cell("members", "alice@acme.test"), READY);

        // when: she invites an address that is not one, with a good one
        type(alice, "textarea[aria-describedby='invite-emails-errors']", "dan@example.test, not-an-address");
        alice.waitFor("the member role checked", checkbox("#invite-heading", "member") + "?.checked", READY);
        alice.evaluate(button("Invite") + ".click()");
        // then: each address goes on its own: dan is invited; the error names the other under the field it describes,
        // which keeps only that address
        alice.waitFor("the error under the field", "document.querySelector('#invite-emails-errors')?.textContent.startsWith('not-an-address: ')"
                + " && document.querySelector(\"textarea[aria-describedby='invite-emails-errors']\").value === 'not-an-address'"
                + " && " + cell("invitations", "dan@example.test"), READY);
        assertThat(run.logto().sentMessages()).filteredOn(message -> message.invitee().equals("dan@example.test")).hasSize(1);
        assertPageIsClean(alice, run, "#invite-emails-errors");

        // when: she opens Globex, where she is no member, and an invitation that does not exist
        alice.navigate(run.webApp().origin() + "/?organization=" + run.demo().globex());
        // then: the service's NOT_FOUND, said plainly
        alice.waitFor("Globex not found", heading("Not found") + " && document.querySelector('main').textContent"
                + ".includes('This organization does not exist, or you are no longer a member.')", READY);
        alice.navigate(run.webApp().origin() + "/invitations/no-such-invitation");
        alice.waitFor("the invitation not found", heading("Invitation not found") + " && document.querySelector('main').textContent"
                + ".includes('sent to another email address than yours (alice@acme.test)')", READY);
        // when: she opens carol's invitation to Acme, which she may read as Acme's admin
        alice.navigate(run.webApp().origin() + "/invitations/" + run.demo().carolsInvitation());
        // then: it is not hers to accept
        alice.waitFor("carol's invitation, not for alice", heading("Join Acme") + " && document.querySelector('main').textContent"
                + ".includes('This invitation is for carol@example.test, and you are signed in as alice@acme.test.') && !" + button("Accept"), READY);
        assertPageIsClean(alice, run);

        // when: carol signs in, in her own browser
        HeadlessChromium.Tab carol = browser.chromium().openTabInNewContext();
        signIn(carol, "carol");
        // then: her invitation to Acme is listed, a link to its landing page
        carol.waitFor("her invitation listed", "document.querySelector('#for-you-heading')?.parentElement.textContent"
                + ".includes('Join Acme, invited by Alice Adams as member') && " + heading("No organization yet"), READY);
        carol.evaluate(button("Join Acme") + ".click()");
        carol.waitFor("its landing page", heading("Join Acme") + " && " + button("Accept"), READY);
        assertThat(carol.evaluate("location.pathname").asString()).isEqualTo("/invitations/" + run.demo().carolsInvitation());
        assertPageIsClean(carol, run);
    }

    @Test
    @Order(3)
    void trustedDocuments_theAppsOwnManifest_runsTheAppUnchanged_subscriptionsIncluded() throws Exception {
        browser.chromium(); // skipped here where there is no Chromium, before anything starts
        // one run at a time: closing a run releases Reactor Netty's resources, which are the JVM's, under any other
        stop();
        Path manifest = Path.of("examples/web/src/gql/persisted-documents.json").toAbsolutePath();
        try (Running trusted = TestOrgBffApplication.startOnFreePorts("--orgbff.graphql.trusted-documents=file:" + manifest)) {
            HeadlessChromium.Tab alice = browser.chromium().openTabInNewContext();
            // when
            signIn(alice, trusted, "alice");
            // then: every document ran by its id alone, none was refused or sent as text
            alice.waitFor("Acme's page", heading("Acme") + " && " + cell("members", "bob@acme.test"), READY);
            String graphql = "http://localhost:" + trusted.port() + "/graphql";
            assertThat(alice.requests()).filteredOn(request -> request.path("url").asString().startsWith(graphql))
                    .filteredOn(request -> !request.path("method").asString().equals("OPTIONS"))
                    .extracting(request -> request.path("method").asString()).as("requests to the service").isNotEmpty().containsOnly("GET");

            // when: Acme's description changed in Logto (the Console, here its Management API): a webhook, then a push
            assertThat(new ManagementApiClient(trusted.logto()).patch("/api/organizations/" + trusted.demo().acme(),
                    "{\"description\":\"Rockets and anvils\"}").status()).isEqualTo(200);
            // then: the page shows it without a reload (its subscription, by the manifest's text over the WebSocket)
            alice.waitFor("the new description, pushed", "[...document.querySelectorAll('main p')].some(p => p.textContent === 'Rockets and anvils')", READY);
            assertPageIsClean(alice, trusted);
        }
    }

    @Test
    @Order(4)
    void liveUpdates_afterTheTokenExpired_carryOnWithARenewedOne() throws Exception {
        Running run = embedded();
        HeadlessChromium.Tab dave = browser.chromium().openTabInNewContext();
        // given: dave signed in with access tokens of 15 s (the service closes a WebSocket with 4401 at its token's exp)
        run.logto().accessTokenTtl(Duration.ofSeconds(15));
        try {
            signIn(dave, "dave");
            dave.waitFor("Globex's page", heading("Globex") + " && " + cell("members", "dave@globex.test"), READY);
            // when: the token expires, and the app subscribes again on a new socket with a renewed token
            String renewed = awaitSocket(dave, 2);
            long deadline = System.nanoTime() + READY.toNanos();
            while (frames(dave, "Network.webSocketFrameSent", renewed).noneMatch(frame -> frame.contains("\"subscribe\"") && frame.contains("\"operationName\":\"OrganizationEvents\""))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(frames(dave, "Network.webSocketFrameSent", renewed)).as("the page's subscription, sent again on the new socket")
                    .anyMatch(frame -> frame.contains("\"subscribe\"") && frame.contains("\"operationName\":\"OrganizationEvents\""));
            // then: a change made now is pushed on the new socket, and the page shows it without a reload
            String answer = graphQl(run, run.logto().userToken(run.demo().dave()), "mutation { updateOrganization(input: {organizationId: \""
                    + run.demo().globex() + "\", description: \"Renewed and still live\"}) { userErrors { code } } }");
            assertThat(answer).contains("\"userErrors\":[]");
            dave.waitFor("the new description, pushed", "[...document.querySelectorAll('main p')].some(p => p.textContent === 'Renewed and still live')", READY);
            assertThat(frames(dave, "Network.webSocketFrameReceived", renewed)).as("frames received on the second socket")
                    .anyMatch(frame -> frame.contains("\"next\"") && frame.contains("UPDATED"));
            assertThat(dave.requests()).filteredOn(request -> request.path("url").asString().endsWith("/oidc/token"))
                    .as("token requests: the sign-in, then renewals").hasSizeGreaterThanOrEqualTo(2);
            assertPageIsClean(dave, run);
        } finally {
            run.logto().accessTokenTtl(Duration.ofHours(1));
        }
    }

    @Test
    @Order(5)
    void rateLimited_aSecondInvitationOverTheEmailBudget_isSaidWithItsWait() throws Exception {
        browser.chromium(); // skipped here where there is no Chromium, before anything starts
        stop(); // one run at a time (see above)
        try (Running limited = TestOrgBffApplication.startOnFreePorts("--orgbff.invitations.emails-per-hour=1")) {
            HeadlessChromium.Tab dave = browser.chromium().openTabInNewContext();
            signIn(dave, limited, "dave");
            dave.waitFor("Globex's page", heading("Globex") + " && " + button("Invite"), READY);
            // when: dave invites one address (his hour's one email), then another
            for (String address : new String[] {"gina@example.test", "hank@example.test"}) {
                type(dave, "textarea[aria-describedby='invite-emails-errors']", address);
                dave.waitFor("the member role checked", checkbox("#invite-heading", "member") + "?.checked", READY);
                dave.evaluate(button("Invite") + ".click()");
                dave.waitFor("the answer", "document.querySelector('#invite-heading').closest('form').querySelector('[role=status], [role=alert]')", READY);
            }
            // then: the second is refused with the wait, in one sentence, and nothing is sent
            dave.waitFor("RATE_LIMITED, said", "/^Too many requests: try again in \\d+ (seconds|minutes)\\.$/.test("
                    + "document.querySelector('#invite-heading').closest('form').querySelector('p[role=alert]')?.textContent ?? '')", READY);
            assertThat(limited.logto().sentMessages()).extracting(message -> message.invitee()).containsExactly("gina@example.test");
            assertPageIsClean(dave, limited, "p[role=alert]");
        }
    }

    /** The request id of the {@code n}th WebSocket the tab opened, once it has. */
    private static String awaitSocket(HeadlessChromium.Tab tab, int n) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (tab.events("Network.webSocketCreated").size() < n) {
            assertThat(System.nanoTime()).as("a WebSocket number %d within %s", n, READY).isLessThan(deadline);
            Thread.sleep(100);
        }
        return tab.events("Network.webSocketCreated").get(n - 1).path("requestId").asString();
    }

    /** The payloads of the frames ({@code Network.webSocketFrameSent} or {@code …Received}) of the socket {@code requestId}. */
    private static java.util.stream.Stream<String> frames(HeadlessChromium.Tab tab, String method, String requestId) {
        return tab.events(method).stream().filter(frame -> frame.path("requestId").asString().equals(requestId))
                .map(frame -> frame.at("/response/payloadData").asString());
    }

    /** Opens the app in {@code tab}, signed out, and signs in as {@code username} at the emulator's user picker. */
    private static void signIn(HeadlessChromium.Tab tab, String username) throws InterruptedException {
        signIn(tab, embedded(), username);
    }

    /** {@link #signIn(HeadlessChromium.Tab, String) Signs in} to the app of {@code run}. */
    private static void signIn(HeadlessChromium.Tab tab, Running run, String username) throws InterruptedException {
        tab.navigate(run.webApp().origin() + "/");
        tab.waitFor("the Sign in button", button("Sign in"), READY);
        tab.evaluate(button("Sign in") + ".click()");
        tab.waitFor("Logto's sign-in page", "location.origin === '" + run.logto().endpoint() + "' && " + pick(username), READY);
        tab.evaluate(pick(username) + ".click()");
        tab.waitFor("signed in, the switcher filled", "location.origin === '" + run.webApp().origin() + "' && " + button("Sign out")
                + " && !!document.querySelector('header select option')", READY);
    }

    /** Types into the element of {@code selector}, as a person would. */
    private static void type(HeadlessChromium.Tab tab, String selector, String text) throws InterruptedException {
        tab.waitFor(selector, "document.querySelector(\"" + selector + "\")", READY);
        tab.evaluate("document.querySelector(\"" + selector + "\").focus()");
        tab.insertText(text);
    }

    /**
     * No request to another host than the app's origin, the service and the emulator; no policy violation, exception,
     * console error or failed request (requests cut short by a navigation aside); no error shown but the {@code expected}
     * ones (selectors); no serious accessibility violation.
     */
    private static void assertPageIsClean(HeadlessChromium.Tab tab, Running run, String... expected) throws IOException {
        Set<String> origins = tab.requests().stream().map(request -> GraphiQlBrowserTests.origin(request.path("url").asString()))
                .collect(Collectors.toSet());
        assertThat(origins).isSubsetOf(run.webApp().origin(), "http://localhost:" + run.port(), "ws://localhost:" + run.port(), run.logto().endpoint());
        assertThat(tab.problems()).filteredOn(problem -> !problem.contains(run.logto().endpoint() + "/favicon.ico"))
                // requests under way when the page navigates away (signing in, opening a link) are cancelled
                .filteredOn(problem -> !problem.contains("\"canceled\":true"))
                .as("policy violations, exceptions, console errors, failed requests").isEmpty();
        String shown = "[...document.querySelectorAll('[role=alert]')].filter(e => ![" + String.join(",",
                java.util.Arrays.stream(expected).map(selector -> "'" + selector + "'").toList()) + "].some(s => e.matches(s)))"
                + ".map(e => e.textContent).join()";
        assertThat(tab.evaluate(shown).asString()).as("errors the page shows").isEmpty();
        assertThat(tab.seriousAccessibilityViolations()).as("serious accessibility violations (axe-core)").isEmpty();
    }

    /**
     * What bob could paste into the console: {@code query} sent to the service with the app's access token for it
     * (Logto's SDK keeps it in localStorage, keyed by its resource), the answer's body.
     */
    private static String forgedRequest(Running run, String query) {
        return "(async () => { const stored = Object.entries(localStorage).find(([key]) => key.endsWith(':accessToken'));"
                + " const token = Object.entries(JSON.parse(stored[1])).find(([key]) => key.includes('" + run.logto().apiResource() + "'))[1].token;"
                + " const answer = await fetch('http://localhost:" + run.port() + "/graphql', {method: 'POST',"
                + " headers: {'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + token},"
                + " body: JSON.stringify({query: " + JSON.writeValueAsString(query) + "})});"
                + " return await answer.text(); })()";
    }

    private static String roleId(Running run, String name) throws IOException, InterruptedException {
        String roles = graphQl(run, run.logto().userToken(run.demo().alice()), "{ organizationTemplate { roles { id name } } }");
        return JSON.readTree(roles).at("/data/organizationTemplate/roles").valueStream()
                .filter(role -> role.path("name").asString().equals(name)).findFirst().orElseThrow().path("id").asString();
    }

    private static String graphQl(Running run, String token, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + run.port() + "/graphql"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + JSON.writeValueAsString(query) + "}")).build();
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

    /** A cell of the table in the section {@code members} or {@code invitations} whose text is {@code text}. */
    private static String cell(String section, String text) {
        return "[...document.querySelectorAll(\"section[aria-labelledby='" + section + "-heading'] td\")].some(td => td.textContent === '" + text + "')";
    }

    /** The checkbox of role {@code role} in the first fieldset after the element of {@code selector}. */
    private static String checkbox(String selector, String role) {
        return "[...document.querySelector(\"" + selector + "\").closest('form, td, fieldset').querySelectorAll('label')]"
                + ".find(l => l.textContent.trim() === '" + role + "')?.querySelector('input')";
    }

    /** The checkbox of role {@code role} in the fieldset whose legend reads {@code legend}. */
    private static String roleCheckbox(String legend, String role) {
        return "[...([...document.querySelectorAll('fieldset')].find(f => f.querySelector('legend')?.textContent === '" + legend + "')"
                + "?.querySelectorAll('label') ?? [])].find(l => l.textContent.trim() === '" + role + "')?.querySelector('input')";
    }

    /** The first button or link whose text starts with {@code text} (the words after it may be for screen readers only). */
    private static String button(String text) {
        return "[...document.querySelectorAll('button, a')].find(e => e.textContent.trim().startsWith('" + text + "'))";
    }
}
