package dev.orgbff.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.orgbff.redis.OutageLog;
import dev.orgbff.redis.RedisConnections;

/**
 * Buckets in Redis, through Bucket4j's Lettuce proxy manager (compare-and-swap, asynchronous: no Netty thread
 * waits for Redis) on the shared command connection. A bucket's key expires once it would be full again, so idle
 * users cost Redis nothing.
 *
 * <p>A request waits for Redis at most {@link RedisConnections#timeout()}, then fails: while Redis cannot be reached,
 * commands fail at once and the connection is tried again every {@link RedisConnections#RECONNECT_DELAY}. One warning
 * when Redis stops answering, one line when it answers again.
 */
final class RedisBucketStore implements BucketStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBucketStore.class);

    private final RedisConnections redis;
    private final OutageLog outage;
    private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection = new CompletableFuture<>();
    private CompletableFuture<AsyncProxyManager<byte[]>> buckets = new CompletableFuture<>();

    RedisBucketStore(RedisConnections redis) {
        this.redis = redis;
        this.outage = new OutageLog(LOG, redis, "per-user budgets are not counted until it answers", "per-user budgets are counted");
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration, long tokens) {
        return Mono.fromFuture(() -> buckets().thenCompose(buckets -> buckets.builder()
                        .build(key.getBytes(StandardCharsets.UTF_8), () -> CompletableFuture.completedFuture(configuration))
                        .tryConsumeAndReturnRemaining(tokens)))
                .timeout(redis.timeout())
                .doOnSuccess(probe -> outage.answered())
                .doOnError(outage::failed);
    }

    /** The proxy manager on the current command connection, made once per connection. */
    private synchronized CompletableFuture<AsyncProxyManager<byte[]>> buckets() {
        CompletableFuture<StatefulRedisConnection<byte[], byte[]>> current = redis.commands();
        if (current != connection) {
            connection = current;
            buckets = current.thenApply(connected -> Bucket4jLettuce.casBasedBuilder(connected)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .build()
                    .asAsync());
        }
        return buckets;
    }
}
