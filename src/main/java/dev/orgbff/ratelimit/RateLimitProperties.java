package dev.orgbff.ratelimit;

import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code orgbff.rate-limit.*}: the per-user budgets.
 *
 * @param enabled {@code false} turns every budget off (the benchmark does); default {@code true}
 * @param mutationsPerMinute mutation fields one user may run per minute, refilled gradually; default 60
 * @param redisUrl a Redis URL ({@code redis://host:6379}, {@code rediss://…} for TLS) whose server holds the buckets,
 *        so that every instance behind a load balancer counts against the same budget; unset: buckets in memory
 */
@ConfigurationProperties("orgbff.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("60") int mutationsPerMinute,
        @Nullable String redisUrl) {
}
