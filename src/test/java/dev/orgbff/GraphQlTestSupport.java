package dev.orgbff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.MediaType;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.orgbff.emulator.LogtoEmulator;
import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of every test that goes through HTTP: the real application on a random port, wired to one
 * Logto emulator shared by the whole test run (one Spring context cached across test classes, a second one for
 * the classes that override a property). Each test starts with an empty tenant (the emulator keeps its keys and
 * M2M tokens), the real clock and no recorded upstream calls. The organization template is not cached across
 * requests ({@code orgbff.cache.max-staleness=0s}) unless a class says otherwise, so call counts are those of
 * each request on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
// every tester and client waits up to 30 s for an answer, not Boot's 5 s: for requests the emulator holds, and for the
// first request of a fresh JVM on a busy machine (a test asserts what comes back, never how fast)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(TestClockConfiguration.class)
// each test seeds a template of its own: unless a test class says otherwise, none is shared across requests;
// a class may also shorten the Logto deadline (here, not a dynamic property, so that a class can override it)
@TestPropertySource(properties = {"orgbff.cache.max-staleness=0s", "logto.timeout=2s"})
public abstract class GraphQlTestSupport {

    protected static final LogtoEmulator logto = LogtoEmulator.start(0);
    /** The accept link template of the tests' invitation emails. */
    protected static final String ACCEPT_URL = "https://app.example.test/invitations/{invitationId}";

    @Autowired
    protected HttpGraphQlTester graphQlTester;

    @Autowired
    protected WebTestClient webTestClient;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected EventStream eventStream;

    @Value("${local.server.port}")
    private int port;

    private final List<Disposable> openStreams = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void logtoProperties(DynamicPropertyRegistry registry) {
        registry.add("logto.endpoint", logto::endpoint);
        registry.add("logto.api-resource", logto::apiResource);
        registry.add("logto.management.app-id", logto::m2mAppId);
        registry.add("logto.management.app-secret", logto::m2mAppSecret);
        registry.add("orgbff.invitations.accept-url", () -> ACCEPT_URL);
        registry.add("management.endpoint.health.cache.time-to-live", () -> "0s"); // each test sees Logto as it is now
    }

    @BeforeEach
    void emptyTenant() {
        logto.reset();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Event streams a test opened and did not read to their end are closed after it, their buffers released. */
    @AfterEach
    void closeStreams() {
        openStreams.forEach(Disposable::dispose);
        openStreams.clear();
    }

    /** Publishes a webhook's event onto the service's event stream, as the webhook endpoint does. */
    protected void webhook(ChangeEvent.Kind kind, @Nullable String organizationId, String... userIds) {
        eventStream.publish(new ChangeEvent("logto:" + UUID.randomUUID(), kind, ChangeEvent.Source.LOGTO_WEBHOOK, Instant.now(),
                organizationId, List.of(userIds), null, null));
    }

    /** The text of a canonical operation, {@code schema/operations/<name>.graphql}. */
    protected static String canonicalOperation(String name) {
        try (InputStream in = GraphQlTestSupport.class.getResourceAsStream("/graphql/operations/" + name + ".graphql")) {
            assertThat(in).as("schema/operations/%s.graphql", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tester that sends {@code userId}'s access token, as a signed-in app would. */
    protected HttpGraphQlTester as(String userId) {
        return withToken(logto.userToken(userId));
    }

    /**
     * A raw POST to {@code /graphql} with {@code userId}'s access token and {@code body} as JSON, for requests a
     * GraphQL tester cannot send (extensions such as {@code persistedQuery}, malformed or oversized bodies).
     */
    protected WebTestClient.ResponseSpec post(String userId, Map<String, Object> body) {
        return webTestClient.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(logto.userToken(userId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /**
     * Runs a mutation as {@code caller} with {@code input}: "OK", the code of the first of its payload's user errors,
     * or the classification of the answer's first error.
     */
    protected String outcome(String caller, String mutation, Map<String, Object> input) {
        var response = as(caller).documentName(mutation).variable("input", input).execute();
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        if (!errors.isEmpty()) {
            return errors.get(0).getErrorType().toString();
        }
        List<String> codes = response.path(mutation + ".userErrors[*].code").entityList(String.class).get();
        return codes.isEmpty() ? "OK" : codes.get(0);
    }

    /**
     * Sends a subscription over server-sent events ({@code Accept: text/event-stream}) with {@code token}, and answers
     * its events as they come (each a {@code next} event's GraphQL result, or the {@code complete} event, whose data
     * is empty), once the subscription listens to the service's events: what is published from then on reaches it.
     */
    protected Flux<ServerSentEvent<Map<String, Object>>> subscribe(String token, String document, Map<String, Object> variables) {
        int before = eventStream.subscribers();
        Flux<ServerSentEvent<Map<String, Object>>> events = subscribeOnly(token, document, variables);
        for (int waited = 0; eventStream.subscribers() <= before; waited++) {
            assertThat(waited).as("the subscription listens within 30 s").isLessThan(3000);
            LockSupport.parkNanos(10_000_000);
        }
        return events;
    }

    /**
     * {@link #subscribe} without waiting: for a subscription that is refused, or never listens. The request goes out
     * now; every event is kept for whoever reads the answer (the answer's headers come with its first event).
     */
    protected Flux<ServerSentEvent<Map<String, Object>>> subscribeOnly(String token, String document, Map<String, Object> variables) {
        return WebClient.create("http://localhost:" + port).post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("query", document, "variables", variables))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .filter(event -> event.event() != null) // keep-alive comments
                .replay().autoConnect(0, openStreams::add);
    }

    /** The payloads of the first {@code count} events (the {@code complete} event, if among them, as an empty map). */
    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> payloads(Flux<ServerSentEvent<Map<String, Object>>> events, String field, int count) {
        return events.take(count)
                .map(event -> event.data() == null ? Map.<String, Object>of()
                        : (Map<String, Object>) ((Map<String, Object>) event.data().get("data")).get(field))
                .collectList().block(Duration.ofSeconds(30));
    }

    /** A tester that sends {@code token} as the bearer token. */
    protected HttpGraphQlTester withToken(String token) {
        return graphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    /**
     * Asserts that the response holds exactly one GraphQL error, of this classification (e.g.
     * {@code ErrorType.FORBIDDEN}, or {@code "UPSTREAM_UNAVAILABLE"} by name), and returns it.
     */
    protected static ResponseError assertError(GraphQlTester.Response response, Object classification) {
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).as("GraphQL errors").hasSize(1);
        assertThat(errors.get(0).getErrorType().toString()).as("classification of %s", errors.get(0).getMessage())
                .isEqualTo(classification.toString());
        return errors.get(0);
    }
}
