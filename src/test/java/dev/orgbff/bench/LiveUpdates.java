package dev.orgbff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's live-update measurements on services started with a webhook signing key: idle subscriptions held
 * by one instance, and the delay from a signed webhook's delivery to the subscribers' frames. The webhooks are
 * {@code Organization.Data.Updated} for the organization every subscriber subscribed to, as Logto sends them
 * (the organization as it is, a fresh {@code createdAt} each, so none is taken for a retry).
 */
final class LiveUpdates {

    /** One subscription per subscriber: the viewer's organizations' events, with as little resolved as possible. */
    static final String SUBSCRIPTION = """
            subscription BenchViewerOrganizationEvents {
              viewerOrganizationEvents { kind organizationId }
            }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long FRAME_TIMEOUT_SECONDS = 10;
    private static final int PARALLEL_OPENS = 64;
    private static final int LIVENESS_WEBHOOKS = 3;

    private LiveUpdates() {
    }

    /**
     * Opens {@code count} subscriptions on {@code service}, shows they are all set up (a webhook reaches every one;
     * up to {@value #LIVENESS_WEBHOOKS} webhooks for the last to be set up), then takes the heap after a full GC and
     * sends {@code query} once.
     */
    static Results.IdleSubscriptions idle(ServiceProcess service, Target.Subject member, Webhooks webhooks, int count, int perConnection,
            ClosedLoop.Request query) throws Exception {
        long heapBefore = service.heapAfterGc()[0];
        try (Subscribers subscribers = new Subscribers(service.webSocketUrl(), member.token(), SUBSCRIPTION, Map.of())) {
            long opening = System.nanoTime();
            subscribers.open(count, perConnection, PARALLEL_OPENS);
            long openMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opening);
            Round round = new Round(count);
            subscribers.listener(round::frame);
            boolean all = false;
            for (int i = 0; i < LIVENESS_WEBHOOKS && !all; i++) {
                all = round.await(service, webhooks); // else the service was still setting the last ones up: another webhook
            }
            long[] heap = service.heapAfterGc();
            long asked = System.nanoTime();
            boolean answered = query.send();
            double queryMs = (System.nanoTime() - asked) / 1e6;
            return new Results.IdleSubscriptions(count, perConnection, subscribers.connections(), round.reached(), openMs,
                    round.latencies.getMaxValue() / 1000.0, heapBefore, heap[0], heap[1], answered, queryMs, subscribers.errors(),
                    subscribers.firstError());
        }
    }

    /**
     * {@code webhooks} (after a tenth as many unmeasured) delivered to {@code receiver} one after the other, each
     * once every subscriber on {@code subscribed} had the last one's frame (or {@value #FRAME_TIMEOUT_SECONDS} s had
     * passed): from the webhook's send to each subscriber's frame.
     *
     * @param path what was measured, e.g. {@code one instance}
     */
    static Results.Delivery delivery(String path, ServiceProcess receiver, ServiceProcess subscribed, Target.Subject member,
            Webhooks webhooks, int subscriberCount, int perConnection, int deliveries) throws Exception {
        try (Subscribers subscribers = new Subscribers(subscribed.webSocketUrl(), member.token(), SUBSCRIPTION, Map.of())) {
            subscribers.open(subscriberCount, perConnection, PARALLEL_OPENS);
            for (int i = 0; i < Math.max(1, deliveries / 10); i++) {
                Round warmUp = new Round(subscriberCount);
                subscribers.listener(warmUp::frame);
                warmUp.await(receiver, webhooks);
            }
            Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            long frames = 0;
            long missing = 0;
            for (int i = 0; i < deliveries; i++) {
                Round round = new Round(subscriberCount);
                subscribers.listener(round::frame);
                round.await(receiver, webhooks);
                latencies.add(round.latencies);
                frames += round.reached();
                missing += subscriberCount - round.reached();
            }
            return new Results.Delivery(path, subscriberCount, deliveries, frames, missing, latencies.getValueAtPercentile(50) / 1000.0,
                    latencies.getValueAtPercentile(90) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0,
                    latencies.getMaxValue() / 1000.0, subscribers.errors(), subscribers.firstError());
        }
    }

    /** One webhook's frames: each subscriber counted once, from the webhook's send time. */
    private static final class Round {

        final int subscribers;
        final AtomicIntegerArray reached;
        final CountDownLatch waiting;
        final Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        volatile long sentNanos;

        Round(int subscribers) {
            this.subscribers = subscribers;
            this.reached = new AtomicIntegerArray(subscribers);
            this.waiting = new CountDownLatch(subscribers);
        }

        void frame(int subscriber, long arrivedNanos) {
            if (subscriber < subscribers && reached.compareAndSet(subscriber, 0, 1)) {
                latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(arrivedNanos - sentNanos), latencies.getHighestTrackableValue()));
                waiting.countDown();
            }
        }

        /** Sends the webhook and waits for every frame; false when some did not come in time. */
        boolean await(ServiceProcess receiver, Webhooks webhooks) throws IOException, InterruptedException {
            String body = webhooks.next();
            sentNanos = System.nanoTime();
            webhooks.send(receiver, body);
            return waiting.await(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        int reached() {
            return (int) (subscribers - waiting.getCount());
        }
    }

    /**
     * Signed {@code Organization.Data.Updated} deliveries for one organization, as Logto makes them: the body signed
     * with HMAC-SHA256 in {@code logto-signature-sha-256} (hex).
     */
    static final class Webhooks {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String signingKey;
        private final JsonNode organization;
        private final AtomicLong lastCreatedAt = new AtomicLong();

        /**
         * @param signingKey the hook's signing key, as the service is configured with it
         * @param organization the organization as the Management API shows it ({@code GET /api/organizations/{id}})
         */
        Webhooks(String signingKey, JsonNode organization) {
            this.signingKey = signingKey;
            this.organization = organization;
        }

        /** The next delivery's body, its {@code createdAt} a millisecond after the last at least. */
        String next() {
            long now = Instant.now().toEpochMilli();
            long createdAt = lastCreatedAt.updateAndGet(last -> Math.max(last + 1, now));
            String id = organization.path("id").asString();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", "Organization.Data.Updated");
            body.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
            body.put("userAgent", "orgbff-bench");
            body.put("ip", "127.0.0.1");
            body.put("path", "/organizations/" + id);
            body.put("method", "PATCH");
            body.put("status", 200);
            body.put("params", Map.of("id", id));
            body.put("matchedRoute", "/organizations/:id");
            body.put("data", organization);
            body.put("hookId", "orgbff-bench");
            return JSON.writeValueAsString(body);
        }

        /** Posts {@code body} to the service's {@code /webhooks/logto}, signed. */
        void send(ServiceProcess service, String body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(service.webhookUrl())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("logto-signature-sha-256", dev.orgbff.emulator.Webhooks.sign(signingKey, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("POST /webhooks/logto answered " + status);
            }
        }
    }
}
