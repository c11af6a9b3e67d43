package dev.orgbff.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code orgbff.rate-limit.*}: the per-user budgets, kept in the Redis server of {@code orgbff.redis.url} when one is set
 * (its former names {@code orgbff.rate-limit.redis-url} and {@code redis-timeout} still work).
 *
 * @param enabled Whether the per-user budgets apply; false turns every budget off (the benchmark does).
 * @param mutationsPerMinute Mutation fields one user may run per minute, refilled gradually.
 */
@ConfigurationProperties("orgbff.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("60") int mutationsPerMinute) {
}
