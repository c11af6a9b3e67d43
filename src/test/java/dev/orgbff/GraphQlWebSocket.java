package dev.orgbff;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw GraphQL-over-WebSocket client ({@code graphql-transport-ws}) for tests: it sends the frames a test writes and
 * hands over each frame received and the close status, so that tests see the protocol as a client does. Every wait
 * ends after 30 s (a test asserts what arrives, never how fast).
 */
public final class GraphQlWebSocket implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseStatus> closeStatus = new CompletableFuture<>();
    private final CompletableFuture<WebSocketSession> opened = new CompletableFuture<>();
    private final Disposable connection;

    private GraphQlWebSocket(URI uri, HttpHeaders headers) {
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                opened.complete(session);
                session.closeStatus().defaultIfEmpty(CloseStatus.NO_STATUS_CODE).subscribe(closeStatus::complete);
                return session.send(outgoing.asFlux().map(session::textMessage))
                        .and(session.receive().doOnNext(message -> received.add(message.getPayloadAsText())));
            }
        };
        connection = new ReactorNettyWebSocketClient().execute(uri, headers, handler)
                .subscribe(null, error -> {
                    opened.completeExceptionally(error);
                    closeStatus.completeExceptionally(error);
                });
    }

    /**
     * Opens a connection to {@code ws://localhost:<port>/graphql} with the handshake's {@code Origin} (none if
     * {@code null}); the future fails if the handshake is refused.
     */
    public static GraphQlWebSocket open(int port, @Nullable String origin) {
        HttpHeaders headers = new HttpHeaders();
        if (origin != null) {
            headers.setOrigin(origin);
        }
        return new GraphQlWebSocket(URI.create("ws://localhost:" + port + "/graphql"), headers);
    }

    /** Waits for the handshake: the open session, or the exception it was refused with. */
    public WebSocketSession session() throws Exception {
        return opened.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends {@code connection_init} with {@code {"Authorization": "Bearer <token>"}}, or an empty payload when {@code token} is {@code null}. */
    public GraphQlWebSocket init(@Nullable String token) {
        return send(Map.of("type", "connection_init", "payload", token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
    }

    /** Sends {@code connection_init} with {@code token} and waits for its {@code connection_ack}. */
    public GraphQlWebSocket initAcknowledged(String token) throws InterruptedException {
        init(token);
        assertThat(next().path("type").asString()).isEqualTo("connection_ack");
        return this;
    }

    /** Sends a {@code subscribe} message with id {@code id} running {@code query}. */
    public GraphQlWebSocket subscribe(String id, String query) {
        return send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", query)));
    }

    /** Sends {@code message} as JSON in a text frame. */
    public GraphQlWebSocket send(Object message) {
        return sendText(JSON.writeValueAsString(message));
    }

    /** Sends {@code text} as a text frame. */
    public GraphQlWebSocket sendText(String text) {
        outgoing.tryEmitNext(text);
        return this;
    }

    /** The next message received, other than pings (answered with a pong) and pongs; fails after 30 s without one. */
    public JsonNode next() throws InterruptedException {
        while (true) {
            String text = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(text).as("a message within %s", WAIT).isNotNull();
            JsonNode message = JSON.readTree(text);
            String type = message.path("type").asString();
            if (type.equals("ping")) {
                send(Map.of("type", "pong"));
            } else if (!type.equals("pong")) {
                return message;
            }
        }
    }

    /** Waits for the server to close the connection: its close status. */
    public CloseStatus closed() throws Exception {
        return closeStatus.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether the server has closed the connection already. */
    public boolean isClosed() {
        return closeStatus.isDone();
    }

    @Override
    public void close() {
        outgoing.tryEmitComplete();
        connection.dispose();
    }
}
