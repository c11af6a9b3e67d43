package dev.orgbff.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.orgbff.graphql.error.RateLimitedException;
import dev.orgbff.redis.RedisConnections;

/**
 * Takes tokens from a user's {@link Budget}: a Bucket4j token bucket per user and budget, refilled gradually over
 * the budget's period, kept in this instance or in Redis ({@code orgbff.redis.url}). When Redis cannot
 * be used, or does not answer within {@code orgbff.redis.timeout}, the request goes ahead uncounted
 * (one warning per outage): a lost counter must not stop every write.
 */
public final class UserRateLimits implements AutoCloseable {

    private final boolean enabled;
    private final BucketStore store;

    UserRateLimits(boolean enabled, BucketStore store) {
        this.enabled = enabled;
        this.store = store;
    }

    /**
     * Takes {@code tokens} from the user's {@code budget}, all or none; nothing when the limits are off.
     *
     * @throws RateLimitedException (emitted) when the budget does not hold that many now, with the whole seconds until
     *     it will (a full period when it never will, for more tokens than its capacity)
     */
    public Mono<Void> take(String userId, Budget budget, long tokens) {
        if (!enabled || tokens == 0) {
            return Mono.empty();
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(budget.capacity()).refillGreedy(budget.capacity(), budget.period()))
                .build();
        return store.tryConsume("orgbff:rate:" + budget.key() + ":" + userId, configuration, tokens)
                .onErrorResume(unavailable -> Mono.empty()) // the store has logged it, once per outage
                .flatMap(probe -> {
                    if (probe.isConsumed()) {
                        return Mono.empty();
                    }
                    long seconds = tokens > budget.capacity() ? budget.period().toSeconds()
                            : TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
                    return Mono.error(new RateLimitedException(budget.what(), seconds));
                });
    }

    @Override
    public void close() throws Exception {
        store.close();
    }

    /** Budgets in {@code redis}, or in memory without it (an idle user's buckets dropped after {@code longestPeriod}). */
    static UserRateLimits of(RateLimitProperties properties, Duration longestPeriod, @Nullable RedisConnections redis) {
        BucketStore store = redis == null ? new MemoryBucketStore(longestPeriod) : new RedisBucketStore(redis);
        return new UserRateLimits(properties.enabled(), store);
    }
}
