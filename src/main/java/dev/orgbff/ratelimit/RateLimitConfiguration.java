package dev.orgbff.ratelimit;

import java.time.Duration;

import graphql.parser.ParserOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.orgbff.redis.RedisConnections;

/** The per-user budgets: the bucket store (memory or Redis) and the mutation budget's interceptor. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** The longest budget period: an idle user's in-memory buckets are dropped after it (they would be full again). */
    private static final Duration LONGEST_PERIOD = Duration.ofHours(1);

    @Bean(destroyMethod = "close")
    UserRateLimits userRateLimits(RateLimitProperties properties, ObjectProvider<RedisConnections> redis) {
        return UserRateLimits.of(properties, LONGEST_PERIOD, redis.getIfAvailable());
    }

    @Bean
    MutationBudgetInterceptor mutationBudgetInterceptor(UserRateLimits limits, RateLimitProperties properties, ParserOptions parserOptions) {
        return new MutationBudgetInterceptor(limits, Budget.mutations(properties.mutationsPerMinute()), parserOptions);
    }
}
