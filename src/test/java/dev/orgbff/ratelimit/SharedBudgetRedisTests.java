package dev.orgbff.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.redis.RedisConnections;
import dev.orgbff.redis.RedisProperties;
import dev.orgbff.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Budgets shared by several instances through a real Redis server: what one instance takes, another sees. When
 * Redis stops or stops answering, requests go ahead at once (within {@code orgbff.redis.timeout}, not
 * {@code logto.timeout}, made a minute here so that the difference cannot be missed) with one warning, and the
 * budgets are counted again soon after Redis is back.
 */
@TestPropertySource(properties = {"orgbff.rate-limit.mutations-per-minute=2", "logto.timeout=60s"})
@ExtendWith(OutputCaptureExtension.class)
class SharedBudgetRedisTests extends GraphQlTestSupport {

    /** The warning logged once when Redis cannot be used. */
    static final String UNAVAILABLE = "per-user budgets are not counted until it answers";

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.started();

    private static final String CREATE = """
            mutation Create($name: String!) {
              createOrganization(input: {name: $name}) { organization { id } }
            }""";

    @Autowired
    private UserRateLimits limits;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("orgbff.redis.url", REDIS::url);
    }

    @Test
    void mutations_budgetInRedis_anotherInstanceSeesWhatThisOneTook() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.carol()).document(CREATE).variable("name", "One").execute().errors().verify();
        as(demo.carol()).document(CREATE).variable("name", "Two").execute().errors().verify();
        // when: a second instance, with its own connection to the same Redis
        try (RedisConnections redis = new RedisConnections(new RedisProperties(REDIS.url(), Duration.ofSeconds(2)));
                UserRateLimits otherInstance = UserRateLimits.of(new RateLimitProperties(true, 2), Duration.ofHours(1), redis)) {
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
    void redisStops_mutationsGoAheadAtOnceWithOneWarning_thenCountedAgainWhenItIsBack(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        create(as(demo.carol()), "Counted").path("createOrganization.organization.id").hasValue();
        int logged = output.getAll().length();
        REDIS.stop();
        try {
            // when: more mutations than the budget holds
            for (int i = 0; i < 3; i++) {
                create(as(demo.carol()), "Uncounted " + i).path("createOrganization.organization.id").hasValue();
            }
            // then
            TestRedis.assertWarnedOnce(output, logged, UNAVAILABLE);
            // when
            REDIS.start();
            // then: counted again within a reconnection's delay
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> refused(as(demo.carol())));
        } finally {
            REDIS.start();
        }
    }

    @Test
    void redisStopsAnswering_mutationGoesAheadAfterTheRedisTimeoutWithOneWarning(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        int logged = output.getAll().length();
        REDIS.pauseWrites();
        try {
            // when
            for (int i = 0; i < 2; i++) {
                create(as(demo.carol()), "Uncounted " + i).path("createOrganization.organization.id").hasValue();
            }
            // then
            TestRedis.assertWarnedOnce(output, logged, UNAVAILABLE);
        } finally {
            REDIS.unpause();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> refused(as(demo.carol())));
    }

    /**
     * Creates an organization named {@code name} as {@code caller}, waiting for the answer at most 30 s (the testers'
     * wait): half of {@code logto.timeout}, which Redis's commands once waited for.
     */
    static GraphQlTester.Response create(HttpGraphQlTester caller, String name) {
        return caller.document(CREATE).variable("name", name).execute();
    }

    /** Whether {@code caller}'s next mutation is refused {@code RATE_LIMITED} (else it creates an organization). */
    static boolean refused(HttpGraphQlTester caller) {
        List<ResponseError> errors = new ArrayList<>();
        create(caller, "Counted").errors().satisfy(errors::addAll);
        return errors.stream().anyMatch(error -> error.getErrorType().toString().equals("RATE_LIMITED"));
    }
}
