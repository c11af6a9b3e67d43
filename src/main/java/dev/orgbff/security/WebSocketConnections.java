package dev.orgbff.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * The open GraphQL WebSocket connections of this instance, and their limits: the instance holds at most
 * {@link SubscriptionLimits#maxConnections()} (the one past it is closed with 1013 at once), each user at most
 * {@link SubscriptionLimits#connectionsPerUser()} connections (the one past it is closed with 4429 after its
 * {@code connection_init}) and each connection at most {@link SubscriptionLimits#subscriptionsPerConnection()}
 * running subscriptions (one more is answered with a {@code TOO_MANY_SUBSCRIPTIONS} error). A connection is closed with
 * 4401 once its access token's {@code exp} has passed (checked every second against the application's clock), so
 * that its client reconnects with a fresh token; and every connection is closed with 1001 (going away) when the
 * application shuts down, after readiness reports DOWN and before the server stops taking requests, so that clients
 * reconnect to another instance.
 */
@Component
final class WebSocketConnections implements SmartLifecycle, WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnections.class);
    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "Token expired");
    static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4429, "Too many connections");
    static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "Try again later");
    private static final ErrorClassification TOO_MANY_SUBSCRIPTIONS = ErrorClassification.errorClassification("TOO_MANY_SUBSCRIPTIONS");
    /** How often the tokens of open connections are checked for expiry: exp has a resolution of one second. */
    static final Duration EXPIRY_CHECK = Duration.ofSeconds(1);
    /** The longest shutdown waits for the close frames to be sent before the server shuts down. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> connectionsPerUser = new ConcurrentHashMap<>();
    private final SubscriptionLimits limits;
    private final Clock clock;
    private volatile boolean running;
    private volatile @Nullable Disposable expiryCheck;

    WebSocketConnections(SubscriptionLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** A connection: its session, and once its {@code connection_init} is accepted, its user and token expiry. */
    private static final class Connection {
        final WebSocketSession session;
        @Nullable String userId;
        @Nullable Instant expiresAt;
        final AtomicInteger subscriptions = new AtomicInteger();
        boolean closed;

        Connection(WebSocketSession session) {
            this.session = session;
        }
    }

    /** Runs {@code handler} on a new connection, and forgets it when it ends; while shutting down, closes it with 1001 instead. */
    Mono<Void> handle(WebSocketSession session, Mono<Void> handler) {
        if (!running) {
            return session.close(CloseStatus.GOING_AWAY);
        }
        // a bound on the heap connections hold, whoever opens them (the per-user limit applies only after connection_init)
        if (connections.size() >= limits.maxConnections()) {
            log.info("Refused a GraphQL WebSocket connection: this instance holds {} already (orgbff.subscriptions.max-connections)",
                    limits.maxConnections());
            return session.close(TRY_AGAIN_LATER);
        }
        Connection connection = new Connection(session);
        connections.put(session.getId(), connection);
        return handler.doFinally(signal -> closed(connection));
    }

    /**
     * Admits an authenticated connection for {@code viewer}, until {@code expiresAt}; past the user's connection limit,
     * closes it with 4429 and answers {@link TooManyConnectionsException}.
     */
    Mono<Void> admit(String sessionId, Viewer viewer, @Nullable Instant expiresAt) {
        Connection connection = connections.get(sessionId);
        if (connection == null) {
            return Mono.empty(); // closed meanwhile
        }
        synchronized (connection) {
            if (connection.closed) {
                return Mono.empty();
            }
            int held = connectionsPerUser.merge(viewer.userId(), 1, Integer::sum);
            if (held > limits.connectionsPerUser()) {
                release(viewer.userId());
                log.info("Refused a GraphQL WebSocket connection: its user holds {} already (orgbff.subscriptions.connections-per-user)",
                        limits.connectionsPerUser());
                return connection.session.close(TOO_MANY_CONNECTIONS).then(Mono.error(new TooManyConnectionsException()));
            }
            connection.userId = viewer.userId();
            connection.expiresAt = expiresAt;
        }
        return Mono.empty();
    }

    /** Closes a connection with 4401 (Unauthorized), as Spring's handler does when its {@code connection_init} is refused. */
    Mono<Void> unauthorized(String sessionId) {
        Connection connection = connections.get(sessionId);
        return connection == null ? Mono.empty() : connection.session.close(UNAUTHORIZED);
    }

    /** Counts the subscriptions of each WebSocket connection, refusing one past the limit; other requests pass. */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest webSocketRequest)) {
            return chain.next(request);
        }
        Connection connection = connections.get(webSocketRequest.getSessionInfo().getId());
        return chain.next(request).map(response -> {
            if (connection == null || !(response.getData() instanceof Publisher<?> events)) {
                return response;
            }
            if (connection.subscriptions.incrementAndGet() > limits.subscriptionsPerConnection()) {
                connection.subscriptions.decrementAndGet();
                log.info("Refused a GraphQL subscription: its WebSocket connection runs {} already (orgbff.subscriptions.subscriptions-per-connection)",
                        limits.subscriptionsPerConnection());
                return response.transform(builder -> builder.data(null).errors(List.of(GraphqlErrorBuilder.newError()
                        .message("This connection runs %d subscriptions already, the most it may; complete one first",
                                limits.subscriptionsPerConnection())
                        .errorType(TOO_MANY_SUBSCRIPTIONS)
                        .build())));
            }
            return response.transform(builder -> builder.data(
                    Flux.from(events).doFinally(signal -> connection.subscriptions.decrementAndGet())));
        });
    }

    private void closed(Connection connection) {
        connections.remove(connection.session.getId());
        synchronized (connection) {
            connection.closed = true;
            if (connection.userId != null) {
                release(connection.userId);
            }
        }
    }

    private void release(String userId) {
        connectionsPerUser.computeIfPresent(userId, (user, held) -> held == 1 ? null : held - 1);
    }

    /** Closes with 4401 each connection whose token has expired. */
    private void closeExpired() {
        Instant now = clock.instant();
        for (Connection connection : connections.values()) {
            Instant expiresAt = connection.expiresAt;
            if (expiresAt != null && !now.isBefore(expiresAt)) {
                connection.expiresAt = null;
                log.info("Closed a GraphQL WebSocket connection with 4401: its access token expired");
                connection.session.close(TOKEN_EXPIRED).subscribe();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        expiryCheck = Flux.interval(EXPIRY_CHECK).subscribe(tick -> closeExpired());
    }

    /** Closes every connection with 1001 (going away), then lets the server shut down. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        Disposable check = expiryCheck;
        if (check != null) {
            check.dispose();
        }
        if (!connections.isEmpty()) {
            log.info("Shutting down: closing {} GraphQL WebSocket connections with 1001 (going away)", connections.size());
        }
        Flux.fromIterable(List.copyOf(connections.values()))
                .flatMap(connection -> connection.session.close(CloseStatus.GOING_AWAY).onErrorComplete())
                .then()
                .timeout(CLOSE_TIMEOUT, Mono.empty())
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The connection's user holds {@link SubscriptionLimits#connectionsPerUser()} connections already. */
    static final class TooManyConnectionsException extends RuntimeException {
        TooManyConnectionsException() {
            super("Too many connections", null, false, false);
        }
    }
}
