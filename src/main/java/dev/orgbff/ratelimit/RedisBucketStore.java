package dev.orgbff.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Buckets in Redis, through Bucket4j's Lettuce proxy manager (compare-and-swap, asynchronous: no Netty thread
 * waits for Redis). A bucket's key expires once it would be full again, so idle users cost Redis nothing.
 */
final class RedisBucketStore implements BucketStore {

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final AsyncProxyManager<byte[]> buckets;

    RedisBucketStore(String redisUrl, Duration timeout) {
        this.client = RedisClient.create(redisUrl);
        client.setDefaultTimeout(timeout);
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.buckets = LettuceBasedProxyManager.builderFor(connection)
                .withExpirationStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build()
                .asAsync();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration, long tokens) {
        return buckets.builder()
                .build(key.getBytes(StandardCharsets.UTF_8), () -> CompletableFuture.completedFuture(configuration))
                .tryConsumeAndReturnRemaining(tokens);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
