package dev.orgbff.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlWebSocket;
import dev.orgbff.TestOrgBffApplication;
import dev.orgbff.emulator.Delivery;
import dev.orgbff.emulator.LogtoEmulator;
import dev.orgbff.emulator.Webhooks;
import dev.orgbff.logto.OrganizationsApi;
import dev.orgbff.redis.TestRedis;

import static dev.orgbff.events.TwoInstances.clock;
import static dev.orgbff.events.TwoInstances.port;
import static dev.orgbff.events.TwoInstances.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates across two instances of the service, as deployed: one Redis, one Logto (the emulator), both instances
 * with the webhook signing key (so their caches are event-fed), Logto's hook pointing at instance A only. A change
 * made through Logto's Management API reaches a subscriber on B over WebSocket and drops B's cached memberships at
 * once; a role change Logto does not announce shows on B after {@code orgbff.cache.max-staleness} (B's clock moved,
 * no sleep); a delivery A cannot verify changes nothing on B.
 */
class LiveUpdatesAcrossInstancesTests {

    private static final String SIGNING_KEY = "liveAcrossInstancesSigningKey001";
    private static final Duration MAX_STALENESS = Duration.ofMinutes(10);
    private static final String VIEWER_EVENTS = "subscription { viewerOrganizationEvents { kind source organizationId organization { name } } }";

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.started();

    private static TwoInstances instances;
    private static LogtoEmulator logto;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    /** Every event B's listeners got, from its start. */
    private static final Queue<ChangeEvent> RECEIVED_ON_B = new ConcurrentLinkedQueue<>();

    private DemoTenant demo;

    @BeforeAll
    static void startTwoInstances() {
        instances = TwoInstances.start(List.of("--orgbff.redis.url=" + REDIS.url(), "--orgbff.webhooks.signing-keys=" + SIGNING_KEY,
                "--orgbff.cache.max-staleness=" + MAX_STALENESS.toSeconds() + "s"), List.of(), List.of());
        logto = instances.logto();
        a = instances.a();
        b = instances.b();
        stream(b).onEvent(RECEIVED_ON_B::add);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @BeforeEach
    void demoTenantAndBothSubscribed() {
        logto.reset();
        demo = DemoTenant.seed(logto);
        stream(a).eventsMayBeMissed(); // what earlier tests left in memory is not served
        stream(b).eventsMayBeMissed();
        await().atMost(Duration.ofSeconds(20)).until(() -> stream(a).seesEveryEvent() && stream(b).seesEveryEvent());
    }

    @AfterEach
    void realTime() {
        clock(a).reset();
        clock(b).reset();
    }

    @Test
    void memberRemovedInLogto_webhookToA_tellsBobsSubscriptionOnB_andBobsReadsOnBAreRefusedAtOnce() throws Exception {
        // given: Logto's hook points at A; bob's memberships are in B's memory
        logto.createHook(webhookUrl(a), SIGNING_KEY, TestOrgBffApplication.WEBHOOK_EVENTS.toArray(String[]::new));
        organization(b, demo.bob()).path("organization.name").entity(String.class).isEqualTo("Acme");
        logto.resetCalls();
        organization(b, demo.bob()).path("organization.name").entity(String.class).isEqualTo("Acme");
        assertThat(logto.calls()).as("warm: answered from B's memory").isEmpty();
        try (GraphQlWebSocket socket = subscribed(b, demo.bob())) {
            // when: alice removes bob in the Logto Console (its Management API)
            removeBobFromAcmeInLogto();
            // then: the webhook reached A, and its event bob's subscription on B
            assertThat(logto.deliveries()).singleElement().satisfies(delivery -> {
                assertThat(delivery.url()).isEqualTo(webhookUrl(a));
                assertThat(delivery.status()).isEqualTo(204);
            });
            JsonNode event = socket.next();
            assertThat(event.path("type").asString()).isEqualTo("next");
            JsonNode told = event.path("payload").path("data").path("viewerOrganizationEvents");
            assertThat(told.path("kind").asString()).isEqualTo("REMOVED");
            assertThat(told.path("source").asString()).isEqualTo("LOGTO_WEBHOOK");
            assertThat(told.path("organizationId").asString()).isEqualTo(demo.acme());
            assertThat(told.path("organization").isNull()).isTrue();
        }
        // and B no longer answers from memory, well within the staleness bound (no clock moved)
        assertNotFound(organization(b, demo.bob()));
    }

    @Test
    void roleChangedInLogto_noWebhook_showsOnBAfterMaxStalenessNotBefore() {
        // given
        logto.createHook(webhookUrl(a), SIGNING_KEY, TestOrgBffApplication.WEBHOOK_EVENTS.toArray(String[]::new));
        organization(b, demo.bob()).path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        // when: bob made admin in the Logto Console, which Logto announces to no hook
        organizations().replaceRoles(demo.acme(), demo.bob(), List.of(logto.roleId("admin"))).block();
        logto.awaitDeliveries();
        assertThat(logto.deliveries()).isEmpty();
        // B's clock follows the real one too: "before" is well inside the bound however slow the machine
        clock(b).advance(MAX_STALENESS.dividedBy(2));
        var before = organization(b, demo.bob());
        clock(b).advance(MAX_STALENESS.dividedBy(2));
        var after = organization(b, demo.bob());
        // then
        before.path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        after.path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
    }

    @Test
    void deliveryNotSignedWithTheKey_postedToA_changesNothingOnB() throws Exception {
        // given: a hook whose key A does not hold (a forger's); bob's memberships in B's memory
        logto.createHook(webhookUrl(a), "not-" + SIGNING_KEY, TestOrgBffApplication.WEBHOOK_EVENTS.toArray(String[]::new));
        organization(b, demo.bob()).path("organization.name").entity(String.class).isEqualTo("Acme");
        // when: bob removed in Logto, announced by the forged delivery only
        removeBobFromAcmeInLogto();
        Delivery forged = logto.deliveries().get(0);
        ChangeEvent fence = ChangeEvent.ofWrite(ChangeEvent.Kind.ORGANIZATION_UPDATED, Instant.now(), demo.globex(), List.of(), null, null);
        stream(a).publish(fence);
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED_ON_B.contains(fence));
        // then: A refused it, B heard nothing of it and still answers from memory
        assertThat(forged.status()).isEqualTo(401);
        assertThat(RECEIVED_ON_B).noneMatch(event -> demo.acme().equals(event.organizationId()));
        organization(b, demo.bob()).path("organization.name").entity(String.class).isEqualTo("Acme");
        // and the same body, signed with the key, does what the forged one did not
        assertThat(deliver(a, forged.body(), Webhooks.sign(SIGNING_KEY, forged.body()))).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED_ON_B.stream().anyMatch(event -> demo.acme().equals(event.organizationId())));
        assertNotFound(organization(b, demo.bob()));
    }

    /** Bob removed from Acme through Logto's Management API (the service's M2M client), its deliveries made. */
    private void removeBobFromAcmeInLogto() {
        organizations().removeMember(demo.acme(), demo.bob()).block();
        logto.awaitDeliveries();
    }

    private static OrganizationsApi organizations() {
        return a.getBean(OrganizationsApi.class);
    }

    private static String webhookUrl(ConfigurableApplicationContext instance) {
        return "http://localhost:" + port(instance) + "/webhooks/logto";
    }

    /** {@code userId}'s WebSocket on {@code instance}, subscribed to viewerOrganizationEvents and listening. */
    private static GraphQlWebSocket subscribed(ConfigurableApplicationContext instance, String userId) throws InterruptedException {
        int before = stream(instance).subscribers();
        GraphQlWebSocket socket = GraphQlWebSocket.open(port(instance), null);
        socket.initAcknowledged(logto.userToken(userId)).subscribe("1", VIEWER_EVENTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> stream(instance).subscribers() > before);
        return socket;
    }

    /** Bob's (or anyone's) {@code organization(id: Acme)} on {@code instance}. */
    private GraphQlTester.Response organization(ConfigurableApplicationContext instance, String userId) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port(instance) + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBearerAuth(logto.userToken(userId))).build();
        return HttpGraphQlTester.create(client).documentName("organization").variable("id", demo.acme()).execute();
    }

    private static void assertNotFound(GraphQlTester.Response response) {
        response.errors().expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
        response.path("organization").valueIsNull();
    }

    /** POSTs a webhook delivery to {@code instance}: its status. */
    private static int deliver(ConfigurableApplicationContext instance, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl(instance)))
                .header("Content-Type", "application/json").header("logto-signature-sha-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
