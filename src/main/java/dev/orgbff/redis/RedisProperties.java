package dev.orgbff.redis;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code orgbff.redis.*}: the Redis server the instances share. Its former names, {@code orgbff.rate-limit.redis-url}
 * and {@code orgbff.rate-limit.redis-timeout}, are the defaults application.yaml gives these.
 *
 * @param url Redis server that every instance behind a load balancer shares, such as redis://host:6379 (rediss:// for
 *        TLS): it holds the per-user budgets and carries the events between instances. Unset: each instance counts its
 *        own budgets and sees only its own events.
 * @param timeout The longest a command waits for Redis (connecting included); a write then goes ahead uncounted.
 */
@ConfigurationProperties("orgbff.redis")
@Validated
public record RedisProperties(@Nullable String url, @NotNull @DefaultValue("300ms") Duration timeout) {

    /** Whether a Redis server is configured. */
    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
