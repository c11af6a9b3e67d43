package dev.orgbff.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.ChangeEvent.Kind;
import dev.orgbff.events.EventStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/logto} with two signing keys configured (a rotation: the recorded hook's, "old", and a new
 * one): the deliveries recorded from a real Logto 1.42 verify and become their events; unsigned, forged, oversized and
 * malformed deliveries are refused with one log line and publish nothing; a delivery posted again publishes nothing
 * more. What was published is read from the {@link EventStream}: each test posts, after its deliveries, a marker
 * delivery of its own, and reads until the marker's event (and those it awaits) arrived.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogtoWebhookTests extends GraphQlTestSupport {

    private static final WebhookRecording RECORDING = WebhookRecording.load();
    /** The key rotated in beside the recorded hook's. */
    private static final String NEW_KEY = "n3wK3yR0tat3dIn0123456789abcdef";
    private static final String PATH = "/webhooks/logto";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void signingKeys(DynamicPropertyRegistry registry) {
        registry.add("orgbff.webhooks.signing-keys", () -> RECORDING.signingKey() + ", " + NEW_KEY);
    }

    @Autowired
    private EventStream stream;

    @LocalManagementPort
    private int managementPort;

    @Test
    void recordedDeliveries_signedByRealLogto_verifyAndPublishTheirEvents(CapturedOutput output) {
        // given
        List<WebhookRecording.Delivery> deliveries = RECORDING.deliveries();
        List<ChangeEvent> expected = List.of(
                expected(0, Kind.ORGANIZATION_CREATED, "4vrb723y7lnf"),
                expected(1, Kind.MEMBERS_ADDED, "4vrb723y7lnf", "ypn9j9l4c112", "83mp8jsn7eye"),
                expected(2, Kind.ORGANIZATION_UPDATED, "4vrb723y7lnf"),
                expected(3, Kind.MEMBERS_REMOVED, "4vrb723y7lnf", "83mp8jsn7eye"),
                expected(4, Kind.MEMBERS_REMOVED, "4vrb723y7lnf", "ypn9j9l4c112"),
                expected(5, Kind.TEMPLATE_CHANGED, null),
                expected(6, Kind.TEMPLATE_CHANGED, null),
                expected(7, Kind.TEMPLATE_CHANGED, null),
                expected(8, Kind.TEMPLATE_CHANGED, null),
                expected(9, Kind.USER_UPDATED, null, "b1y5m64vznwg"),
                expected(10, Kind.ORGANIZATION_DELETED, "4vrb723y7lnf"));
        assertThat(deliveries).hasSameSizeAs(expected);
        int logged = output.getAll().length();
        // when
        List<ChangeEvent> published = published(expected.stream().map(ChangeEvent::id).toList(), () -> deliveries.forEach(delivery ->
                webTestClient.post().uri(PATH)
                        .headers(headers -> delivery.headers().forEach((name, value) -> {
                            if (!name.equals("content-length") && !name.equals("connection")) {
                                headers.add(name, value);
                            }
                        }))
                        .bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8))
                        .exchange()
                        .expectStatus().isNoContent()));
        // then
        assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(output.getAll().substring(logged)).doesNotContain(" WARN ", " ERROR ");
    }

    @Test
    void recordedSignature_isTheHmacOfTheRawBodyUnderTheRecordedKey() {
        // given / when / then: what the verification must compute, checked apart from the service's own code
        for (WebhookRecording.Delivery delivery : RECORDING.deliveries()) {
            assertThat(hmacHex(RECORDING.signingKey(), delivery.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(delivery.signature());
        }
    }

    static Stream<Arguments> unsignedDeliveries() {
        WebhookRecording.Delivery created = RECORDING.deliveries().get(0);
        String body = created.body();
        String tampered = body.replace("\"name\":\"Hook Probe e2cb\"", "\"name\":\"Hook Probe e2cc\"");
        String fresh = organizationUpdated(freshId());
        return Stream.of(
                Arguments.of("no signature", fresh, List.of(), "no logto-signature-sha-256 header"),
                Arguments.of("two signatures, both right", body, List.of(created.signature(), created.signature()), "more than one"),
                Arguments.of("one byte of the body changed", tampered, List.of(created.signature()), "not its signature"),
                Arguments.of("another key's signature", fresh, List.of(hmacHex("not-a-configured-key", bytes(fresh))), "not its signature"),
                Arguments.of("the right signature in upper case", fresh, List.of(hmacHex(NEW_KEY, bytes(fresh)).toUpperCase(Locale.ROOT)), "not its signature"),
                Arguments.of("a signature of nothing", fresh, List.of(""), "not its signature"),
                Arguments.of("an empty body with a delivery's signature", "", List.of(created.signature()), "not its signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsignedDeliveries")
    void delivery_notSignedByAConfiguredKey_401WithOneLogLineAndNothingPublished(String why, String body, List<String> signatures,
            String problem, CapturedOutput output) {
        // given
        int logged = output.getAll().length();
        // when
        List<ChangeEvent> published = published(List.of(), () -> assertRefused(deliver(body, signatures), HttpStatus.UNAUTHORIZED, problem));
        // then
        assertThat(published).isEmpty();
        assertOneLogLine(output.getAll().substring(logged), "401 for POST /webhooks/logto: ", problem, body);
    }

    static Stream<Arguments> malformedDeliveries() {
        String created = "\"event\":\"Organization.Created\",\"createdAt\":\"2026-12-07T14:56:59.960Z\"";
        String membership = "\"event\":\"Organization.Membership.Updated\",\"createdAt\":\"2026-12-07T14:57:00.686Z\"";
        return Stream.of(
                Arguments.of("an empty body", "", "not a JSON object"),
                Arguments.of("not JSON", "{\"event\":", "not JSON"),
                Arguments.of("a JSON array", "[1,2]", "not a JSON object"),
                Arguments.of("no event", "{\"createdAt\":\"2026-12-07T14:56:59.960Z\"}", "no event name"),
                Arguments.of("an event that is a number", "{\"event\":7}", "no event name"),
                Arguments.of("no createdAt", "{\"event\":\"Organization.Deleted\",\"params\":{\"id\":\"4vrb723y7lnf\"}}", "no createdAt"),
                Arguments.of("createdAt not ISO-8601", "{\"event\":\"Organization.Deleted\",\"createdAt\":\"yesterday\",\"params\":{\"id\":\"4vrb723y7lnf\"}}",
                        "createdAt is not an ISO-8601 instant"),
                Arguments.of("no organization id", "{" + created + ",\"params\":{},\"data\":{\"name\":\"x\"}}", "no data.id or params.id"),
                Arguments.of("an organization id that is a path", "{" + created + ",\"data\":{\"id\":\"../users/x\"}}", "is not a Logto id"),
                Arguments.of("an organization id that is a number", "{" + created + ",\"data\":{\"id\":12}}", "is not a Logto id"),
                Arguments.of("data that is a list", "{" + created + ",\"data\":[\"4vrb723y7lnf\"]}", "data is not an object"),
                Arguments.of("a membership change without organization", "{" + membership + ",\"addedUserIds\":[\"ypn9j9l4c112\"]}",
                        "no organizationId"),
                Arguments.of("added users that are not a list", "{" + membership + ",\"organizationId\":\"4vrb723y7lnf\",\"addedUserIds\":\"ypn9j9l4c112\"}",
                        "addedUserIds is not a list"),
                Arguments.of("a removed user id with a space", "{" + membership + ",\"organizationId\":\"4vrb723y7lnf\",\"removedUserIds\":[\"a b\"]}",
                        "removedUserIds is not a Logto id"),
                Arguments.of("a user update without user", "{\"event\":\"User.Data.Updated\",\"createdAt\":\"2026-12-07T14:57:10.646Z\",\"params\":{}}",
                        "no data.id or params.userId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDeliveries")
    void delivery_signedButMalformed_400WithOneLogLineAndNothingPublished(String why, String body, String problem, CapturedOutput output) {
        // given
        int logged = output.getAll().length();
        // when
        List<ChangeEvent> published = published(List.of(),
                () -> assertRefused(deliver(body, List.of(hmacHex(NEW_KEY, bytes(body)))), HttpStatus.BAD_REQUEST, problem));
        // then
        assertThat(published).isEmpty();
        assertOneLogLine(output.getAll().substring(logged), "400 for POST /webhooks/logto: ", problem, body);
    }

    @Test
    void delivery_signedWithEitherKeyOfARotation_accepted() {
        // given
        String byOldKey = organizationUpdated(freshId());
        String byNewKey = organizationUpdated(freshId());
        // when
        List<ChangeEvent> published = published(List.of(eventId(byOldKey), eventId(byNewKey)), () -> {
            deliver(byOldKey, List.of(hmacHex(RECORDING.signingKey(), bytes(byOldKey)))).expectStatus().isNoContent();
            deliver(byNewKey, List.of(hmacHex(NEW_KEY, bytes(byNewKey)))).expectStatus().isNoContent();
        });
        // then
        assertThat(published).extracting(ChangeEvent::id).containsExactlyInAnyOrder(eventId(byOldKey), eventId(byNewKey));
        assertThat(published).extracting(ChangeEvent::kind).containsOnly(Kind.ORGANIZATION_UPDATED);
    }

    @Test
    void delivery_postedThreeTimes_publishesOneEvent() {
        // given: Logto retries a delivery it got no 2xx for, with the same body
        String body = organizationUpdated(freshId());
        // when
        List<ChangeEvent> published = published(List.of(eventId(body)), () -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                deliver(body, List.of(hmacHex(NEW_KEY, bytes(body)))).expectStatus().isNoContent();
            }
        });
        // then
        assertThat(published).extracting(ChangeEvent::id).containsExactly(eventId(body));
    }

    @Test
    void membershipDelivery_addingAndRemoving_publishesTwoEventsOfDistinctIds() {
        // given
        String organizationId = freshId();
        String body = delivery("Organization.Membership.Updated", Map.of("organizationId", organizationId,
                "addedUserIds", List.of("ypn9j9l4c112", "83mp8jsn7eye"), "removedUserIds", List.of("b1y5m64vznwg"),
                "addedApplicationIds", List.of("m2mapp0000001")));
        String removedId = eventId(body) + ":removed";
        // when
        List<ChangeEvent> published = published(List.of(eventId(body), removedId),
                () -> deliver(body, List.of(hmacHex(NEW_KEY, bytes(body)))).expectStatus().isNoContent());
        // then
        assertThat(published).satisfiesExactlyInAnyOrder(
                added -> {
                    assertThat(added.id()).isEqualTo(eventId(body));
                    assertThat(added.kind()).isEqualTo(Kind.MEMBERS_ADDED);
                    assertThat(added.organizationId()).isEqualTo(organizationId);
                    assertThat(added.userIds()).containsExactly("ypn9j9l4c112", "83mp8jsn7eye");
                },
                removed -> {
                    assertThat(removed.id()).isEqualTo(removedId);
                    assertThat(removed.kind()).isEqualTo(Kind.MEMBERS_REMOVED);
                    assertThat(removed.organizationId()).isEqualTo(organizationId);
                    assertThat(removed.userIds()).containsExactly("b1y5m64vznwg");
                });
    }

    static Stream<Arguments> unusedDeliveries() {
        return Stream.of(
                Arguments.of("PostSignIn", Map.of("sessionId", "s1", "userId", "b1y5m64vznwg", "user", Map.of("id", "b1y5m64vznwg"))),
                Arguments.of("User.Created", Map.of("data", Map.of("id", "b1y5m64vznwg"))),
                Arguments.of("Role.Created", Map.of("data", Map.of("id", "r0le0000000000000001"))),
                Arguments.of("Identifier.Lockout", Map.of()),
                Arguments.of("Organization.Membership.Updated", Map.of("organizationId", "4vrb723y7lnf", "addedApplicationIds", List.of("m2mapp0000001"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusedDeliveries")
    void delivery_ofAChangeTheServiceDoesNotUse_answered204AndIgnored(String event, Map<String, Object> fields, CapturedOutput output) {
        // given
        String body = delivery(event, fields);
        int logged = output.getAll().length();
        // when
        List<ChangeEvent> published = published(List.of(), () -> deliver(body, List.of(hmacHex(NEW_KEY, bytes(body)))).expectStatus().isNoContent());
        // then
        assertThat(published).isEmpty();
        assertThat(output.getAll().substring(logged)).doesNotContain("/webhooks/logto");
    }

    @Test
    void delivery_overTheSizeLimit_413WithOneLogLineAndNothingPublished(CapturedOutput output) {
        // given: a signed body over 64 KB, sent with its length and in chunks without one
        String body = delivery("Organization.Data.Updated", Map.of("params", Map.of("id", "4vrb723y7lnf"),
                "data", Map.of("id", "4vrb723y7lnf", "customData", Map.of("padding", "x".repeat(70 * 1024)))));
        String signature = hmacHex(NEW_KEY, bytes(body));
        Flux<DataBuffer> chunks = Flux.range(0, (bytes(body).length + 8191) / 8192).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(bytes(body), i * 8192, Math.min(bytes(body).length, (i + 1) * 8192))));
        int logged = output.getAll().length();
        // when
        List<ChangeEvent> published = published(List.of(), () -> {
            deliver(body, List.of(signature)).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
            webTestClient.post().uri(PATH).header(WebhookSignature.HEADER, signature).contentType(MediaType.APPLICATION_JSON)
                    .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        });
        // then
        assertThat(published).isEmpty();
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains("413 for POST /webhooks/logto"))).hasSize(2);
        assertThat(log).doesNotContain("\tat ", " ERROR ", NEW_KEY, signature);
    }

    @Test
    void delivery_onTheManagementPort_refusedAndNothingPublished() {
        // given
        String body = organizationUpdated(freshId());
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        // when
        List<ChangeEvent> published = published(List.of(), () -> management.post().uri(PATH)
                .header(WebhookSignature.HEADER, hmacHex(NEW_KEY, bytes(body)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bytes(body))
                .exchange().expectStatus().isUnauthorized());
        // then
        assertThat(published).isEmpty();
    }

    /**
     * The events published while {@code deliveries} run, among them those of ids {@code awaited}: read until they and
     * the event of a marker delivery posted after {@code deliveries} arrived, the marker's left out. A delivery refused
     * publishes nothing before it is answered, and nothing after it: its events would come before the marker's.
     */
    private List<ChangeEvent> published(List<String> awaited, Runnable deliveries) {
        String marker = organizationUpdated(freshId());
        Set<String> pending = new HashSet<>(awaited);
        pending.add(eventId(marker));
        CompletableFuture<List<ChangeEvent>> seen = stream.events(1_000)
                .takeUntil(event -> pending.remove(event.id()) && pending.isEmpty())
                .collectList().toFuture();
        deliveries.run();
        deliver(marker, List.of(hmacHex(NEW_KEY, bytes(marker)))).expectStatus().isNoContent();
        try {
            List<ChangeEvent> events = new ArrayList<>(seen.get(30, TimeUnit.SECONDS));
            events.removeIf(event -> event.id().equals(eventId(marker)));
            return events;
        } catch (Exception notAllArrived) {
            throw new AssertionError("Not every awaited event was published: " + pending, notAllArrived);
        }
    }

    private WebTestClient.ResponseSpec deliver(String body, List<String> signatures) {
        return webTestClient.post().uri(PATH)
                .headers(headers -> signatures.forEach(signature -> headers.add(WebhookSignature.HEADER, signature)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bytes(body))
                .exchange();
    }

    private static void assertRefused(WebTestClient.ResponseSpec response, HttpStatus status, String problem) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").value(String.class, error -> assertThat(error).contains(problem));
    }

    /** One line about the refusal, naming the problem; no stack trace, no key, nothing of the body. */
    private static void assertOneLogLine(String log, String prefix, String problem, String body) {
        assertThat(log.lines().filter(line -> line.contains("/webhooks/logto"))).singleElement()
                .satisfies(line -> assertThat(line).contains(prefix).contains(problem).contains(" INFO "));
        assertThat(log).doesNotContain("\tat ", " ERROR ", NEW_KEY, RECORDING.signingKey());
        if (body.length() > 20) {
            assertThat(log).doesNotContain(body.substring(body.length() - 20));
        }
    }

    /** The event the recorded delivery {@code index} announces. */
    private static ChangeEvent expected(int index, Kind kind, String organizationId, String... userIds) {
        String body = RECORDING.deliveries().get(index).body();
        Instant createdAt = Instant.parse(JSON.readTree(body).get("createdAt").stringValue());
        return new ChangeEvent(eventId(body), kind, ChangeEvent.Source.LOGTO_WEBHOOK, createdAt, organizationId, List.of(userIds), null, null);
    }

    /** A delivery of {@code Organization.Data.Updated} no test has sent before. */
    private static String organizationUpdated(String organizationId) {
        return delivery("Organization.Data.Updated", Map.of("params", Map.of("id", organizationId),
                "data", Map.of("id", organizationId, "name", "Acme")));
    }

    /** A delivery of {@code event} shaped as Logto's, with {@code fields}, no test has sent before (its {@code createdAt} is now). */
    private static String delivery(String event, Map<String, Object> fields) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("event", event);
        delivery.put("createdAt", Instant.now().toString());
        delivery.put("userAgent", "test " + UUID.randomUUID());
        delivery.putAll(fields);
        delivery.put("hookId", RECORDING.hookId());
        return JSON.writeValueAsString(delivery);
    }

    /** A new id of Logto's shape (12 characters {@code [0-9a-z]}). */
    private static String freshId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String eventId(String body) {
        try {
            return "logto:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(body)));
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static String hmacHex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
