package dev.orgbff.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, through Bucket4j's Lettuce proxy manager (compare-and-swap, asynchronous: no Netty thread
 * waits for Redis). A bucket's key expires once it would be full again, so idle users cost Redis nothing.
 *
 * <p>A request waits for Redis at most {@code timeout}, then fails: while Redis cannot be reached, commands fail at
 * once (Lettuce rejects them rather than queue them) and Lettuce reconnects every {@link #RECONNECT_DELAY}. Lettuce
 * does not retry a first connection that failed (Redis down at start-up): the first request {@link #RECONNECT_DELAY}
 * after the failed attempt makes the next one. One warning when Redis stops answering, one line when it answers again.
 */
final class RedisBucketStore implements BucketStore {

    /** How soon a lost connection is tried again (Lettuce's default backs off up to 30 s, while nothing is counted). */
    static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RedisBucketStore.class);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    /** Whether Redis answered last; a warning when it stops, a line when it is back. */
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private Connection connection;

    /** The proxy manager on a connection (made or being made), and when it was asked for, in nanoseconds. */
    private record Connection(CompletableFuture<AsyncProxyManager<byte[]>> buckets, long startedNanos) {
    }

    /** Connects to {@code redisUrl} in the background: Redis may be down now and come up later. */
    RedisBucketStore(String redisUrl, Duration timeout) {
        this.uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout); // the connection's handshake
        this.timeout = timeout;
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(RECONNECT_DELAY)).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        this.connection = connect();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration, long tokens) {
        return Mono.fromFuture(() -> buckets().thenCompose(buckets -> buckets.builder()
                        .build(key.getBytes(StandardCharsets.UTF_8), () -> CompletableFuture.completedFuture(configuration))
                        .tryConsumeAndReturnRemaining(tokens)))
                .timeout(timeout)
                .doOnSuccess(probe -> answered(null))
                .doOnError(this::answered);
    }

    /** The current connection's proxy manager; a new connection if the last one could not be made long enough ago. */
    private synchronized CompletableFuture<AsyncProxyManager<byte[]>> buckets() {
        if (connection.buckets().isCompletedExceptionally() && System.nanoTime() - connection.startedNanos() >= RECONNECT_DELAY.toNanos()) {
            connection = connect();
        }
        return connection.buckets();
    }

    private Connection connect() {
        CompletableFuture<AsyncProxyManager<byte[]>> buckets = client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture()
                .thenApply(connected -> Bucket4jLettuce.casBasedBuilder(connected)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                        .build()
                        .asAsync());
        buckets.whenComplete((connected, failure) -> {
            if (failure != null) {
                answered(failure);
            }
        });
        return new Connection(buckets, System.nanoTime());
    }

    /** Logs when Redis stops answering ({@code failure}) or answers again (null), once each time. */
    private void answered(@Nullable Throwable failure) {
        if (failure == null && answering.compareAndSet(false, true)) {
            LOG.info("Redis {}:{} answers again; per-user budgets are counted", uri.getHost(), uri.getPort());
        } else if (failure != null && answering.compareAndSet(true, false)) {
            Throwable cause = failure;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            LOG.warn("Redis {}:{} cannot be used ({}); per-user budgets are not counted until it answers", uri.getHost(), uri.getPort(),
                    cause instanceof TimeoutException ? "no answer within " + timeout.toMillis() + " ms" : cause.toString());
        }
    }

    @Override
    public void close() {
        client.shutdown();
        resources.shutdown();
    }
}
