package dev.orgbff.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.redis.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service started while its Redis is down: it starts all the same, lets writes through with one warning, and
 * counts the budgets in Redis once Redis is up.
 */
@TestPropertySource(properties = {"orgbff.rate-limit.mutations-per-minute=2", "logto.timeout=60s"})
@ExtendWith(OutputCaptureExtension.class)
class RedisUnreachableAtStartTests extends GraphQlTestSupport {

    private static final String PASSWORD = "redis-password-4c1f9e";

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.stopped(PASSWORD);

    /** The former name of {@code orgbff.redis.url}, which still works. */
    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("orgbff.rate-limit.redis-url", REDIS::url);
    }

    @Test
    void redisDownAtStart_mutationsGoAheadWithOneWarning_thenCountedInRedisOnceItIsUp(CapturedOutput output) {
        // given: the service has started (this test runs), Redis is down
        DemoTenant demo = DemoTenant.seed(logto);
        // when: more mutations than the budget holds
        for (int i = 0; i < 3; i++) {
            SharedBudgetRedisTests.create(as(demo.carol()), "Uncounted " + i).path("createOrganization.organization.id").hasValue();
        }
        // then
        TestRedis.assertWarnedOnce(output, 0, SharedBudgetRedisTests.UNAVAILABLE);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
        // when: Redis comes up
        REDIS.start();
        // then: the budget is counted there again within a reconnection's delay
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> SharedBudgetRedisTests.refused(as(demo.carol())));
        Long keys = REDIS.call(redis -> redis.exists("orgbff:rate:mutations:" + demo.carol()));
        assertThat(keys).isOne();
    }
}
