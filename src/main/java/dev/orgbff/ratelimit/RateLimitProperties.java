package dev.orgbff.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code orgbff.rate-limit.*}: the per-user budgets.
 *
 * @param enabled Whether the per-user budgets apply; false turns every budget off (the benchmark does).
 * @param mutationsPerMinute Mutation fields one user may run per minute, refilled gradually.
 * @param redisUrl Redis server holding the budgets, such as redis://host:6379 (rediss:// for TLS), so that every
 *        instance behind a load balancer counts against the same budget. Unset: each instance keeps its own in memory.
 * @param redisTimeout The longest a write waits for Redis (connecting included) before it goes ahead uncounted.
 */
@ConfigurationProperties("orgbff.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("60") int mutationsPerMinute,
        @Nullable String redisUrl, @NotNull @DefaultValue("300ms") Duration redisTimeout) {
}
