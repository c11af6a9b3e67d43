package dev.orgbff.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets shared by several instances through a real Redis server (started here from the binaries that
 * {@code embedded-redis} ships, so a fresh machine needs nothing installed): what one instance takes, another sees;
 * without Redis, requests go ahead.
 */
@TestPropertySource(properties = "orgbff.rate-limit.mutations-per-minute=2")
@ExtendWith(OutputCaptureExtension.class)
class SharedBudgetRedisTests extends GraphQlTestSupport {

    private static final int PORT = freePort();
    private static final RedisServer REDIS = startRedis();

    private static final String CREATE = """
            mutation Create($name: String!) {
              createOrganization(input: {name: $name}) { organization { id } }
            }""";

    @Autowired
    private UserRateLimits limits;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("orgbff.rate-limit.redis-url", () -> "redis://127.0.0.1:" + PORT);
    }

    @AfterAll
    static void stopRedis() throws IOException {
        REDIS.stop();
    }

    @Test
    void mutations_budgetInRedis_anotherInstanceSeesWhatThisOneTook() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.carol()).document(CREATE).variable("name", "One").execute().errors().verify();
        as(demo.carol()).document(CREATE).variable("name", "Two").execute().errors().verify();
        // when: a second instance, with its own connection to the same Redis
        try (UserRateLimits otherInstance = UserRateLimits.of(new RateLimitProperties(true, 2, "redis://127.0.0.1:" + PORT),
                Duration.ofHours(1), Duration.ofSeconds(2))) {
            // then
            assertThat(otherInstance.take(demo.carol(), Budget.mutations(2), 1).then().materialize().block(Duration.ofSeconds(5)).getThrowable())
                    .hasMessageStartingWith("Too many mutations");
            assertThat(otherInstance.take(demo.erin(), Budget.mutations(2), 1).materialize().block(Duration.ofSeconds(5)).hasValue()).isFalse();
        }
        var refused = as(demo.carol()).document(CREATE).variable("name", "Three").execute();
        assertError(refused, "RATE_LIMITED");
    }

    @Test
    void invitationEmails_budgetInRedis_sharedToo() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        limits.take(demo.alice(), Budget.invitationEmails(3), 3).block(Duration.ofSeconds(5));
        // then
        assertThat(limits.take(demo.alice(), Budget.invitationEmails(3), 1).materialize().block(Duration.ofSeconds(5)).getThrowable())
                .hasMessageStartingWith("Too many invitation emails");
    }

    @Test
    void redisUnavailable_requestGoesAheadWithOneWarning(CapturedOutput output) throws Exception {
        // given: an instance whose Redis goes away
        int port = freePort();
        RedisServer gone = RedisServer.newRedisServer().bind("127.0.0.1").port(port).build();
        gone.start();
        try (UserRateLimits limitsWithoutRedis = UserRateLimits.of(new RateLimitProperties(true, 2, "redis://127.0.0.1:" + port),
                Duration.ofHours(1), Duration.ofMillis(500))) {
            gone.stop();
            // when
            var taken = limitsWithoutRedis.take("someone", Budget.mutations(2), 1).materialize().block(Duration.ofSeconds(10));
            // then
            assertThat(taken.getThrowable()).isNull();
            assertThat(output.getOut()).contains("Rate limit store unavailable, mutations of user someone not counted");
        }
    }

    private static RedisServer startRedis() {
        try {
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(PORT).build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded Redis server", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
