package dev.orgbff.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many GraphQL subscriptions over WebSocket ({@code graphql-transport-ws}), the way browsers hold them: each
 * connection sends {@code connection_init} with the access token, waits for {@code connection_ack}, then subscribes
 * a set number of times with one document; it answers {@code ping} with {@code pong}. Connections share Reactor
 * Netty's event loop and no pool (a pooled connection would be held for good). Every {@code next} frame calls the
 * {@link FrameListener} with its arrival time, before the frame is parsed further.
 */
final class Subscribers implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    /** Told of each {@code next} frame: which subscription ({@code 0…}) got it and when ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface FrameListener {
        void frame(int subscription, long arrivedNanos);
    }

    private final HttpClient.WebsocketSender client;
    private final String token;
    private final String subscribe;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<@Nullable String> firstError = new AtomicReference<>();
    private volatile FrameListener listener = (subscription, arrived) -> { };

    /**
     * @param url the service's WebSocket endpoint, {@code ws://…}
     * @param token the access token sent in {@code connection_init}
     * @param document the subscription document, one operation
     */
    Subscribers(String url, String token, String document, Map<String, Object> variables) {
        this.client = HttpClient.newConnection().websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").build()).uri(url);
        this.token = token;
        this.subscribe = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
    }

    /**
     * Opens {@code count} subscriptions, {@code perConnection} to a connection, {@code parallel} connections being
     * opened at a time. Returns when each connection was acknowledged and sent its subscriptions, or failed (counted
     * in {@link #errors()}); the service may still be setting the last subscriptions up.
     */
    void open(int count, int perConnection, int parallel) {
        int first = connections.size() * perConnection;
        int connectionCount = (count + perConnection - 1) / perConnection;
        Flux.range(0, connectionCount)
                .flatMap(index -> Mono.fromFuture(() -> connect(first + index * perConnection, Math.min(perConnection, count - index * perConnection)))
                        .onErrorResume(failure -> {
                            error("opening a connection: " + failure);
                            return Mono.empty();
                        }), parallel)
                .blockLast();
    }

    private CompletableFuture<Void> connect(int firstSubscription, int subscriptions) {
        Connection connection = new Connection(firstSubscription, subscriptions);
        connections.add(connection);
        connection.disposable = client.handle((inbound, outbound) -> {
            inbound.receiveCloseStatus().filter(status -> status.code() != 1000)
                    .subscribe(status -> error("the service closed a connection: " + status));
            Mono<Void> receive = inbound.aggregateFrames().receiveFrames().ofType(TextWebSocketFrame.class)
                    .doOnNext(frame -> connection.received(frame.text())).then();
            return Mono.when(outbound.sendString(connection.outgoing.asFlux()).then(), receive);
        }).subscribe(null, failure -> {
            connection.acknowledged.completeExceptionally(failure);
            error(failure.toString());
        });
        connection.send(JSON.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token))));
        return connection.acknowledged.orTimeout(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).thenRun(() -> {
            for (int i = 0; i < subscriptions; i++) {
                connection.send("{\"id\":\"" + i + "\",\"type\":\"subscribe\",\"payload\":" + subscribe + "}");
            }
        });
    }

    /** Sets who is told of frames from now on. */
    void listener(FrameListener listener) {
        this.listener = listener;
    }

    /** The subscriptions opened so far (those of failed connections included). */
    int subscriptions() {
        return connections.stream().mapToInt(connection -> connection.subscriptions).sum();
    }

    int connections() {
        return connections.size();
    }

    /** Connections that failed or that the service closed otherwise than normally, and {@code error} or {@code complete} messages it sent. */
    int errors() {
        return errors.get();
    }

    @Nullable String firstError() {
        return firstError.get();
    }

    private void error(String message) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, message);
    }

    /** Closes every connection (a normal WebSocket close). */
    @Override
    public void close() {
        connections.forEach(connection -> {
            Disposable disposable = connection.disposable;
            if (disposable != null) {
                disposable.dispose();
            }
        });
        connections.clear();
    }

    private final class Connection {

        final int firstSubscription;
        final int subscriptions;
        final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
        final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        volatile @Nullable Disposable disposable;

        Connection(int firstSubscription, int subscriptions) {
            this.firstSubscription = firstSubscription;
            this.subscriptions = subscriptions;
        }

        /** The bench's thread and the event loop (pong) both send: one at a time. */
        synchronized void send(String message) {
            outgoing.tryEmitNext(message);
        }

        void received(String text) {
            long arrived = System.nanoTime();
            JsonNode message = JSON.readTree(text);
            switch (message.path("type").asString()) {
                case "next" -> listener.frame(firstSubscription + Integer.parseInt(message.path("id").asString()), arrived);
                case "connection_ack" -> acknowledged.complete(null);
                case "ping" -> send("{\"type\":\"pong\"}");
                case "error" -> error("error: " + message.path("payload"));
                case "complete" -> error("a subscription completed: " + message.path("id").asString());
                default -> { }
            }
        }
    }

    /** Lists nothing secret. */
    @Override
    public String toString() {
        return "Subscribers[" + subscriptions() + " on " + connections() + " connections]";
    }
}
