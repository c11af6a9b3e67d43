package dev.orgbff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.InstanceOfAssertFactories;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import dev.orgbff.ReadmeBlocks.Result;
import dev.orgbff.ReadmeBlocks.ShellBlock;
import dev.orgbff.events.EventStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The README's shell blocks, run as written with bash against the embedded run ({@link TestOrgBffApplication}, as
 * {@code mvn spring-boot:test-run} starts it), one after the other in the README's order on one tenant, as a reader
 * pastes them. The one change to their text and the outputs it shows: {@code localhost:8080}, {@code localhost:3001},
 * {@code localhost:8081} and the web app's {@code localhost:5173} become the free ports the run got. Each block must finish without error and print every output the README shows
 * (its comment lines that start with <code>{</code>, in order, {@code …} standing for anything), no GraphQL error the
 * README does not show, and no empty line (a request answered with nothing). Also what the README says of the embedded
 * run beyond its blocks: it prints the second-instance command the README shows, and it is live (the emulator's
 * Management API writes are delivered to the service's webhook, signed with its key), and what its Live updates section
 * says alice's and erin's subscriptions, opened before the first block, receive while the blocks run.
 */
class ReadmeShellBlocksTests {

    private static TestOrgBffApplication.Running embedded;

    @TempDir
    static Path workDirectory;

    /** Alice's {@code organizationEvents} on Acme and erin's {@code viewerOrganizationEvents}, as they come. */
    private static final Queue<Map<String, Object>> ALICES_ACME_EVENTS = new ConcurrentLinkedQueue<>();
    private static final Queue<Map<String, Object>> ERINS_EVENTS = new ConcurrentLinkedQueue<>();
    private static final List<Disposable> SUBSCRIPTIONS = new ArrayList<>();

    @BeforeAll
    static void startTheEmbeddedRun() {
        embedded = TestOrgBffApplication.startOnFreePorts();
        aliceAndErinSubscribed();
    }

    /** As the README's Live updates section says: alice and erin subscribe before the README's commands run. */
    private static void aliceAndErinSubscribed() {
        subscribe(embedded.demo().alice(), "subscription($id: ID!) { organizationEvents(organizationId: $id) { kind source userIds } }",
                Map.of("id", embedded.demo().acme()), "organizationEvents", ALICES_ACME_EVENTS);
        subscribe(embedded.demo().erin(), "subscription { viewerOrganizationEvents { kind source organizationId organization { name } } }",
                Map.of(), "viewerOrganizationEvents", ERINS_EVENTS);
    }

    @AfterAll
    static void stopTheEmbeddedRun() {
        SUBSCRIPTIONS.forEach(Disposable::dispose);
        embedded.close();
    }

    @Test
    void shellBlocks_givenToOtherTests_nameTestsThatExist() {
        assertThat(ReadmeBlocks.shellBlocks()).filteredOn(block -> block.runBy() != null).allSatisfy(block ->
                assertThatCode(() -> Class.forName(getClass().getPackageName() + "." + block.runBy()))
                        .as("%s is marked run by %s", block.where(), block.runBy()).doesNotThrowAnyException());
    }

    @TestFactory
    Stream<DynamicTest> shellBlocks_againstTheEmbeddedRun_printWhatTheReadmeShows() {
        return Stream.concat(ReadmeBlocks.runBy(ReadmeShellBlocksTests.class).stream().map(block -> dynamicTest(block.where(), () -> run(block))),
                Stream.of(dynamicTest("Live updates: the blocks' changes reached alice's and erin's subscriptions",
                        ReadmeShellBlocksTests::subscriptionsTold)));
    }

    /** What the README's Live updates section says alice and erin see while its curl commands run. */
    private static void subscriptionsTold() {
        DemoTenant demo = embedded.demo();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ALICES_ACME_EVENTS).as("alice's organizationEvents on Acme")
                    .anySatisfy(event -> assertTold(event, "MEMBER_ROLES_CHANGED", demo.bob()))
                    .anySatisfy(event -> assertTold(event, "MEMBERS_REMOVED", demo.bob()))
                    .anySatisfy(event -> assertTold(event, "MEMBERS_ADDED", demo.dave()))
                    .anySatisfy(event -> assertTold(event, "MEMBERS_ADDED", demo.erin(), "SERVICE"))
                    .anySatisfy(event -> assertTold(event, "MEMBERS_ADDED", demo.erin(), "LOGTO_WEBHOOK"))
                    .anySatisfy(event -> assertThat(event).containsEntry("kind", "INVITATION_CREATED"))
                    .anySatisfy(event -> assertThat(event).containsEntry("kind", "INVITATION_ACCEPTED"));
            assertThat(ERINS_EVENTS).as("erin's viewerOrganizationEvents").anySatisfy(event -> assertThat(event)
                    .containsEntry("kind", "JOINED").containsEntry("organizationId", demo.acme())
                    .containsEntry("organization", Map.of("name", "Acme")));
        });
    }

    private static void assertTold(Map<String, Object> event, String kind, String userId) {
        assertThat(event).containsEntry("kind", kind);
        assertThat(event.get("userIds")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(userId);
    }

    private static void assertTold(Map<String, Object> event, String kind, String userId, String source) {
        assertTold(event, kind, userId);
        assertThat(event).containsEntry("source", source);
    }

    /** Subscribes as {@code userId} over server-sent events, adding each event's {@code field} to {@code into}; returns once it listens. */
    @SuppressWarnings("unchecked")
    private static void subscribe(String userId, String document, Map<String, Object> variables, String field, Queue<Map<String, Object>> into) {
        EventStream stream = embedded.context().getBean(EventStream.class);
        int before = stream.subscribers();
        SUBSCRIPTIONS.add(WebClient.create("http://localhost:" + embedded.port()).post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(embedded.logto().userToken(userId)))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("query", document, "variables", variables))
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .filter(event -> "next".equals(event.event()))
                .subscribe(event -> into.add((Map<String, Object>) ((Map<String, Object>) event.data().get("data")).get(field))));
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.subscribers() > before);
    }

    @Test
    void secondInstanceCommand_printedByTheEmbeddedRun_isTheReadmes() {
        // given
        String readme = ReadmeBlocks.shellBlocks().stream().map(ShellBlock::text)
                .filter(text -> text.contains("ORGBFF_WEBHOOKS_SIGNING_KEYS=") && text.contains("mvn spring-boot:run"))
                .findFirst().orElseThrow().replaceAll("\\s*\\\\\n", " ").strip();
        int managementPort = Integer.parseInt(embedded.context().getEnvironment().getRequiredProperty("local.management.port"));

        // when
        String printed = embedded.banner();

        // then: the same command, for the run's emulator and 10 above its ports
        assertThat(printed).contains(readme.replace("http://127.0.0.1:3001", embedded.logto().endpoint())
                .replace("http://localhost:5173", embedded.webApp().origin())
                .replace("SERVER_PORT=8090", "SERVER_PORT=" + (embedded.port() + 10))
                .replace("MANAGEMENT_SERVER_PORT=8091", "MANAGEMENT_SERVER_PORT=" + (managementPort + 10)));
    }

    @Test
    void aManagementApiWrite_withTheDemoM2mApp_isDeliveredToTheEmbeddedRunSignedWithItsKey() throws Exception {
        // given: a Management API token for the demo app's fixed credentials, which the README's commands use
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(embedded.logto().endpoint() + "/oidc/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all&resource=https://default.logto.app/api"
                        + "&client_id=" + DemoTenant.M2M_APP_ID + "&client_secret=" + DemoTenant.M2M_APP_SECRET))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();

        // when: Globex changed through Logto's API, not through the service
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(
                        URI.create(embedded.logto().endpoint() + "/api/organizations/" + embedded.demo().globex()))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"Changed in the Console\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        embedded.logto().awaitDeliveries();

        // then: the service's hook got it, signed with the key the service was given, and took it
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(embedded.logto().deliveries())
                .filteredOn(delivery -> delivery.url().equals("http://localhost:" + embedded.port() + "/webhooks/logto")
                        && delivery.body().contains("Changed in the Console"))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.event()).isEqualTo("Organization.Data.Updated");
                    assertThat(delivery.signedWith(DemoTenant.WEBHOOK_SIGNING_KEY)).isTrue();
                    assertThat(delivery.status()).as("the service's answer").isEqualTo(204);
                });
        assertThat(embedded.context().getEnvironment().getProperty("orgbff.webhooks.signing-keys")).isEqualTo(DemoTenant.WEBHOOK_SIGNING_KEY);
    }

    private static void run(ShellBlock block) throws Exception {
        // given
        String script = onTheRunsPorts(block.text());

        // when
        Result result = ReadmeBlocks.bash(script, Map.of(), workDirectory, Duration.ofMinutes(1));

        // then
        String described = block.where() + result.describe(script);
        assertThat(result.exitCode()).as(described).isZero();
        assertThat(result.stderr()).as(described).isEmpty();
        List<String> lines = result.stdout().lines().toList();
        List<String> expected = block.expectedOutput().stream().map(ReadmeShellBlocksTests::onTheRunsPorts).toList();
        int next = 0;
        for (String output : expected) {
            int from = next;
            next = 1 + Stream.iterate(from, i -> i < lines.size(), i -> i + 1).filter(i -> ReadmeBlocks.matches(output, lines.get(i))).findFirst()
                    .orElseThrow(() -> new AssertionError("not printed (after output line " + from + "): " + output + "\n" + described));
        }
        assertThat(lines).as("GraphQL errors the README does not show " + described).filteredOn(line -> line.contains("\"errors\""))
                .allMatch(line -> expected.stream().anyMatch(output -> ReadmeBlocks.matches(output, line)));
        assertThat(lines).as("an empty line: a request answered with nothing " + described).noneMatch(String::isEmpty);
    }

    /** The README's text with the embedded run's default ports replaced by the free ones this run got. */
    private static String onTheRunsPorts(String text) {
        return text.replace("localhost:8080", "localhost:" + embedded.port())
                .replace("localhost:3001", "localhost:" + embedded.logto().port())
                .replace("localhost:8081", "localhost:" + embedded.context().getEnvironment().getProperty("local.management.port"))
                .replace("http://localhost:5173", embedded.webApp().origin());
    }
}
