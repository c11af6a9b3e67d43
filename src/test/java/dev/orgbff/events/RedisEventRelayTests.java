package dev.orgbff.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.orgbff.redis.RedisConnections;
import dev.orgbff.redis.TestRedis;

import static dev.orgbff.events.TwoInstances.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service (two application contexts on one emulator) sharing one real Redis server: an event
 * published on one reaches the other once, through Redis pub/sub. Instance A names the server
 * {@code orgbff.redis.url}, instance B by its former name {@code orgbff.rate-limit.redis-url}: both work. When Redis
 * stops, neither trusts its event-fed caches (and each says so once); when it is back, both receive again.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisEventRelayTests {

    /** The warning each instance logs once when it stops receiving the others' events. */
    private static final String NOT_RECEIVED = "events of other instances are not received";

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.started();

    private static TwoInstances instances;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        instances = TwoInstances.start(List.of(), List.of("--orgbff.redis.url=" + REDIS.url(), "--orgbff.redis.timeout=1s"),
                List.of("--orgbff.rate-limit.redis-url=" + REDIS.url(), "--orgbff.rate-limit.redis-timeout=2s"));
        a = instances.a();
        b = instances.b();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @BeforeEach
    void bothSubscribed() {
        REDIS.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> stream(a).seesEveryEvent() && stream(b).seesEveryEvent());
    }

    @Test
    void bothNames_configureTheOneRedis() {
        assertThat(a.getBean(RedisConnections.class).timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.getBean(RedisConnections.class).timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(a.getBean(EventRelay.class).connected()).isTrue();
        assertThat(b.getBean(EventRelay.class).connected()).isTrue();
    }

    @Test
    void eventPublishedOnA_reachesBsListenersAndSubscribersOnce_andAGetsItOnce() {
        // given
        Received onA = new Received(stream(a));
        Received onB = new Received(stream(b));
        try {
            ChangeEvent event = event();
            ChangeEvent fence = event();
            // when
            assertThat(stream(a).publish(event)).isTrue();
            assertThat(stream(a).publish(fence)).isTrue();
            // then: the fence, published after it, has arrived, so a second copy would have by now
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.listened.contains(fence) && onB.subscribed.contains(fence));
            assertThat(onB.listened).containsExactlyInAnyOrder(event, fence);
            assertThat(onB.subscribed).containsExactlyInAnyOrder(event, fence);
            assertThat(onA.listened).containsExactly(event, fence);
            assertThat(onA.subscribed).containsExactly(event, fence);
        } finally {
            onA.close();
            onB.close();
        }
        // and the other way round
        assertCarried(b, a);
    }

    @Test
    void redisStops_neitherSeesEveryEvent_oneWarningEach_thenBothReceiveAgain(CapturedOutput output) {
        // given
        int logged = output.getAll().length();
        long epochA = stream(a).epoch();
        long epochB = stream(b).epoch();
        // when
        REDIS.stop();
        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> !stream(a).seesEveryEvent() && !stream(b).seesEveryEvent());
        assertThat(stream(a).epoch()).isGreaterThan(epochA);
        assertThat(stream(b).epoch()).isGreaterThan(epochB);
        long downA = stream(a).epoch();
        long downB = stream(b).epoch();
        // when: A publishes meanwhile (lost for B), without failing
        assertThat(stream(a).publish(event())).isTrue();
        // when: Redis is back
        REDIS.start();
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> stream(a).seesEveryEvent() && stream(b).seesEveryEvent());
        assertThat(stream(a).epoch()).isGreaterThan(downA);
        assertThat(stream(b).epoch()).isGreaterThan(downB);
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains(" WARN ") && line.contains(NOT_RECEIVED)))
                .as("one warning per instance for the whole outage").hasSize(2)
                .allMatch(line -> line.contains("Redis 127.0.0.1:"));
        assertThat(log.lines().filter(line -> line.contains(" INFO ") && line.contains("events are shared with the other instances")))
                .hasSize(2);
        assertThat(log).doesNotContain("\tat ").doesNotContain("io.lettuce.core.protocol.ConnectionWatchdog");
        // and events flow again
        assertCarried(a, b);
    }

    @Test
    void malformedMessages_ignoredWithOneLineEach(CapturedOutput output) {
        // given
        int logged = output.getAll().length();
        Received onB = new Received(stream(b));
        try {
            // when: someone else publishes on the channel
            REDIS.call(redis -> redis.publish(RedisEventRelay.CHANNEL, "{not json"));
            REDIS.call(redis -> redis.publish(RedisEventRelay.CHANNEL, "{\"instance\": \"other\", \"event\": {\"kind\": \"MEMBERS_ADDED\"}}"));
            ChangeEvent fence = event();
            stream(a).publish(fence);
            // then
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.listened.contains(fence));
            assertThat(onB.listened).containsExactly(fence);
        } finally {
            onB.close();
        }
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains(" WARN ") && line.contains("is not an event of this service")))
                .as("one line per message and instance").hasSize(4);
        assertThat(log).doesNotContain("\tat ").doesNotContain("not json");
        assertThat(stream(a).seesEveryEvent()).isTrue();
        assertThat(stream(b).seesEveryEvent()).isTrue();
    }

    /** An event published on {@code from} reaches {@code to}'s listeners. */
    private static void assertCarried(ConfigurableApplicationContext from, ConfigurableApplicationContext to) {
        Received received = new Received(stream(to));
        try {
            ChangeEvent event = event();
            stream(from).publish(event);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.listened.contains(event));
        } finally {
            received.close();
        }
    }

    private static ChangeEvent event() {
        return ChangeEvent.ofWrite(ChangeEvent.Kind.MEMBERS_ADDED, Instant.now(), "org-1", List.of("user-1"), null, null);
    }

    /** What one instance's listeners and subscribers get. */
    private static final class Received implements AutoCloseable {

        final Queue<ChangeEvent> listened = new ConcurrentLinkedQueue<>();
        final Queue<ChangeEvent> subscribed = new ConcurrentLinkedQueue<>();
        private final Disposable subscription;

        Received(EventStream stream) {
            stream.onEvent(listened::add);
            subscription = stream.events(100).subscribe(subscribed::add);
        }

        @Override
        public void close() {
            subscription.dispose();
            listened.clear(); // the listener stays registered (EventStream has no removal); what it gets later is ignored
        }
    }
}
