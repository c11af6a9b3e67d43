package dev.orgbff.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

/**
 * The Lettuce client of the configured Redis server, with the settings every use of it needs: while a connection is
 * down, commands fail at once (rejected, not queued), each waits at most {@link RedisProperties#timeout()}, and a lost
 * connection is tried again every {@link #RECONNECT_DELAY} (pub/sub subscriptions are renewed by Lettuce). Lettuce
 * does not retry a first connection that failed (Redis down at start-up): {@link #commands()} makes a new one when
 * asked {@link #RECONNECT_DELAY} after a failed attempt, and pub/sub users retry {@link #connectPubSub()} themselves.
 */
public final class RedisConnections implements AutoCloseable {

    /** How soon a lost connection is tried again (Lettuce's default backs off up to 30 s, while nothing is counted or relayed). */
    public static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    /** How long a connection made in the background may take to be ready: a cold JVM's first one takes over a second. */
    private static final Duration BACKGROUND_HANDSHAKE = Duration.ofSeconds(10);

    private final RedisURI uri;
    private final RedisURI background;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClient client;
    private Commands commands;

    /** The command connection (made or being made), and when it was asked for, in nanoseconds. */
    private record Commands(CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection, long startedNanos) {
    }

    /**
     * Prepares the client; connects nothing yet, so Redis may be down now and come up later.
     *
     * @throws IllegalArgumentException when no URL is configured or it is not a Redis URL
     */
    public RedisConnections(RedisProperties properties) {
        if (!properties.configured()) {
            throw new IllegalArgumentException("orgbff.redis.url is not set");
        }
        this.uri = RedisURI.create(properties.url());
        this.timeout = properties.timeout();
        uri.setTimeout(timeout); // the connection's handshake
        this.background = RedisURI.builder(uri).withTimeout(timeout.compareTo(BACKGROUND_HANDSHAKE) > 0 ? timeout : BACKGROUND_HANDSHAKE).build();
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(RECONNECT_DELAY)).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        this.commands = new Commands(CompletableFuture.failedFuture(new IllegalStateException("not connected yet")),
                System.nanoTime() - RECONNECT_DELAY.toNanos());
    }

    /**
     * The connection commands go through (byte keys and values), shared by every use: the current one, or a new one
     * if the last could not be made {@link #RECONNECT_DELAY} ago or more. Never blocks.
     */
    public synchronized CompletableFuture<StatefulRedisConnection<byte[], byte[]>> commands() {
        if (commands.connection().isCompletedExceptionally() && System.nanoTime() - commands.startedNanos() >= RECONNECT_DELAY.toNanos()) {
            commands = new Commands(client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture(), System.nanoTime());
        }
        return commands.connection();
    }

    /**
     * A new pub/sub connection (string channels and messages), for a use that waits for it in the background: its
     * handshake may take 10 s. A failed attempt is not retried. Never blocks.
     */
    public CompletableFuture<StatefulRedisPubSubConnection<String, String>> connectPubSub() {
        return client.connectPubSubAsync(StringCodec.UTF8, background).toCompletableFuture();
    }

    /**
     * A new command connection of its own (string keys and values), for a use that waits for it in the background: its
     * handshake may take 10 s. A failed attempt is not retried. Never blocks.
     */
    public CompletableFuture<StatefulRedisConnection<String, String>> connect() {
        return client.connectAsync(StringCodec.UTF8, background).toCompletableFuture();
    }

    /** The server's {@code host:port} for log lines (the URL may hold a password). */
    public String where() {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** The longest a command waits. */
    public Duration timeout() {
        return timeout;
    }

    /** Closes every connection. */
    @Override
    public void close() {
        client.shutdown();
        resources.shutdown();
    }
}
