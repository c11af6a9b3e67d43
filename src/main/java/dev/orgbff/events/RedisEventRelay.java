package dev.orgbff.events;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import dev.orgbff.redis.OutageLog;
import dev.orgbff.redis.RedisConfigured;
import dev.orgbff.redis.RedisConnections;

/**
 * The events of every instance through Redis pub/sub (channel {@value #CHANNEL}), when {@code orgbff.redis.url} is
 * set. What this instance publishes goes out as JSON, {@code {"instance": "<this instance's id>", "event": {…}}}, on
 * a connection of its own; a pub/sub connection receives the other instances' events (its own are
 * skipped) into {@link EventStream#receive}.
 *
 * <p>Redis down at start or later: the service runs all the same. The connections are tried every
 * {@link RedisConnections#RECONNECT_DELAY} (Lettuce subscribes again after a reconnection); meanwhile
 * {@link #connected()} is false, so the event-fed caches read live, and {@link EventStream#eventsMayBeMissed()} is
 * called when the subscription is lost and when it is back. One warning per outage, one line when it is over.
 * Events sent while Redis is down are lost for the other instances. A message on the channel that is not an event of
 * this service is ignored with one warning.
 */
@Component
@Conditional(RedisConfigured.class)
final class RedisEventRelay implements EventRelay, AutoCloseable {

    /** The channel every instance publishes to and subscribes to. */
    static final String CHANNEL = "orgbff:events";

    private static final Logger LOG = LoggerFactory.getLogger(RedisEventRelay.class);

    private final String instance = UUID.randomUUID().toString();
    private final RedisConnections redis;
    private final EventStream stream;
    private final JsonMapper json;
    private final OutageLog outage;
    /** Whether the pub/sub connection is up and subscribed to {@link #CHANNEL}. */
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Disposable connecting;
    private volatile @Nullable StatefulRedisConnection<String, String> publisher;
    private volatile boolean closed;

    /** What goes over the channel: an event and the instance that published it. */
    record Message(@Nullable String instance, @Nullable ChangeEvent event) {
    }

    /** Starts connecting in the background: Redis may be down now and come up later. */
    RedisEventRelay(RedisConnections redis, EventStream stream, JsonMapper json) {
        this.redis = redis;
        this.stream = stream;
        this.json = json;
        this.outage = new OutageLog(LOG, redis, "events of other instances are not received, nor this one's sent, until it answers"
                + " (event-fed caches read live meanwhile)", "events are shared with the other instances");
        // Lettuce keeps both connections up once made (reconnecting every second), but not a first one that failed
        this.connecting = Mono.defer(() -> Mono.fromFuture(redis.connect()))
                .doOnError(outage::failed)
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RedisConnections.RECONNECT_DELAY))
                .doOnNext(connected -> this.publisher = connected)
                .then(Mono.defer(() -> Mono.fromFuture(redis.connectPubSub())).flatMap(this::subscribe)
                        .doOnError(outage::failed)
                        .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RedisConnections.RECONNECT_DELAY)))
                .subscribe(ready -> { }, failure -> LOG.error("Events are not received from Redis: {}", failure.toString()));
    }

    /** Listens on a new pub/sub connection and subscribes it; on failure the connection is closed (and made anew). */
    private Mono<StatefulRedisPubSubConnection<String, String>> subscribe(StatefulRedisPubSubConnection<String, String> connected) {
        connected.addListener(new RedisPubSubAdapter<String, String>() {
            @Override
            public void subscribed(String channel, long count) {
                up();
            }

            @Override
            public void message(String channel, String message) {
                received(message);
            }
        });
        connected.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                down();
            }
        });
        return Mono.fromFuture(connected.async().subscribe(CHANNEL).toCompletableFuture())
                .thenReturn(connected)
                .doOnError(failed -> connected.closeAsync());
    }

    /** Subscribed, first or again: events of the time without may have been missed. */
    private void up() {
        if (!closed && subscribed.compareAndSet(false, true)) {
            stream.eventsMayBeMissed();
            outage.answered();
        }
    }

    /** The pub/sub connection is lost (Lettuce reconnects it). */
    private void down() {
        if (!closed && subscribed.compareAndSet(true, false)) {
            stream.eventsMayBeMissed();
            outage.failed("connection lost");
        }
    }

    private void received(String message) {
        Message parsed;
        try {
            parsed = json.readValue(message, Message.class);
            requireComplete(parsed);
        } catch (RuntimeException malformed) { // anyone with access to Redis can publish on the channel
            LOG.warn("A message of {} characters on Redis channel {} is not an event of this service and was ignored ({})",
                    message.length(), CHANNEL, malformed.getClass().getSimpleName());
            return;
        }
        if (!instance.equals(parsed.instance())) {
            stream.receive(parsed.event());
        }
    }

    private static void requireComplete(Message message) {
        ChangeEvent event = message.event();
        if (message.instance() == null || event == null || event.id() == null || event.id().isBlank() || event.kind() == null
                || event.source() == null || event.occurredAt() == null) {
            throw new IllegalArgumentException("incomplete");
        }
    }

    @Override
    public void send(ChangeEvent event) {
        StatefulRedisConnection<String, String> out = publisher;
        if (out == null) {
            return; // not connected yet: the warning has been logged
        }
        try {
            String body = json.writeValueAsString(new Message(instance, event));
            out.async().publish(CHANNEL, body)
                    .whenComplete((receivers, failure) -> {
                        if (failure != null) {
                            outage.failed(failure);
                        } else if (subscribed.get()) {
                            outage.answered();
                        }
                    });
        } catch (RuntimeException failed) {
            outage.failed(failed);
        }
    }

    @Override
    public boolean connected() {
        return subscribed.get();
    }

    /** Stops connecting; the connections close with {@link RedisConnections#close()}, without a warning. */
    @Override
    public void close() {
        closed = true;
        subscribed.set(false);
        connecting.dispose();
    }
}
