package dev.orgbff.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ExecutionResult;
import graphql.GraphQLError;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Reads who is calling once per request, before execution: the {@link Viewer} of the validated access
 * token, put into the GraphQL context for {@link CallerInstrumentation}, which adds the request's DataLoaders. Over
 * HTTP the token is the request's, validated by the resource server (the security context is only reachable here, in
 * the reactive pipeline); over WebSocket it is the connection's, sent in {@code connection_init}'s payload as
 * {@code {"Authorization": "Bearer <token>"}} (browsers cannot set headers on a WebSocket), validated by the same
 * decoder as over HTTP, and taken by every operation of the connection. A missing or invalid token closes the
 * connection with 4401 (Spring's handler does, when this interceptor's initialization fails), after one log line. A
 * subscription over HTTP (server-sent events) ends at its token's {@code exp}, with an UNAUTHORIZED error.
 */
@Component
class CallerInterceptor implements WebSocketGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CallerInterceptor.class);
    private static final String BEARER = "Bearer ";

    /** The key of the request's viewer in the GraphQL context, and of the connection's in a WebSocket session. */
    static final String VIEWER_KEY = "dev.orgbff.security.Viewer";

    private final ReactiveJwtDecoder jwtDecoder;
    private final WebSocketConnections connections;
    private final Clock clock;

    CallerInterceptor(ReactiveJwtDecoder jwtDecoder, WebSocketConnections connections, Clock clock) {
        this.jwtDecoder = jwtDecoder;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Mono<Viewer> viewer;
        if (request instanceof WebSocketGraphQlRequest webSocketRequest) {
            // Spring's handler runs a subscribe message sent before connection_init, but not one sent before its
            // validation ended (a client that did not wait for connection_ack): that one closes the connection with 4401
            viewer = Mono.justOrEmpty(Viewer.ofConnection(webSocketRequest.getSessionInfo()))
                    .switchIfEmpty(Mono.defer(() -> connections.unauthorized(webSocketRequest.getSessionInfo().getId())
                            .then(Mono.error(() -> new IllegalStateException("GraphQL operation before its connection was authenticated")))));
        } else {
            return ReactiveSecurityContextHolder.getContext()
                    .mapNotNull(SecurityContext::getAuthentication)
                    .filter(authentication -> authentication.getPrincipal() instanceof Jwt)
                    .map(authentication -> (Jwt) authentication.getPrincipal())
                    // the resource server admits no request to /graphql without a valid token
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("GraphQL request without an authenticated access token")))
                    .flatMap(jwt -> execute(request, chain, Viewer.of(jwt)).map(response -> untilExpiry(response, jwt.getExpiresAt())));
        }
        return viewer.flatMap(caller -> execute(request, chain, caller));
    }

    private static Mono<WebGraphQlResponse> execute(WebGraphQlRequest request, Chain chain, Viewer caller) {
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(VIEWER_KEY, caller))
                .build());
        return chain.next(request);
    }

    /**
     * A subscription over HTTP (server-sent events) ends at its token's {@code exp}, checked every second against the
     * application's clock, with one last result carrying an UNAUTHORIZED error, so that the client subscribes again
     * with a fresh token; a WebSocket connection is closed with 4401 then instead ({@link WebSocketConnections}).
     */
    private WebGraphQlResponse untilExpiry(WebGraphQlResponse response, @Nullable Instant expiresAt) {
        if (expiresAt == null || !(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
            return response;
        }
        AtomicBoolean expired = new AtomicBoolean();
        Mono<Long> expiry = Flux.interval(WebSocketConnections.EXPIRY_CHECK)
                .filter(tick -> !clock.instant().isBefore(expiresAt))
                .next()
                .doOnNext(tick -> expired.set(true));
        Mono<ExecutionResult> last = Mono.fromSupplier(() -> {
            if (!expired.get()) {
                return null; // the subscription ended before
            }
            log.info("Ended a GraphQL subscription over server-sent events: its access token expired");
            return ExecutionResult.newExecutionResult().addError(GraphQLError.newError().errorType(ErrorType.UNAUTHORIZED)
                    .message("Token expired; subscribe again with a fresh token").build()).build();
        });
        return response.transform(builder -> builder.data(Flux.from(events).cast(ExecutionResult.class).takeUntilOther(expiry).concatWith(last)));
    }

    /**
     * Authenticates a WebSocket connection by the access token of its {@code connection_init}: acknowledged when valid
     * (and the user's connection limit allows, see {@link WebSocketConnections}), an error otherwise, which closes it.
     */
    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String token = bearerToken(payload);
        if (token == null) {
            return refused("connection_init carries no Authorization: Bearer <token>");
        }
        return jwtDecoder.decode(token)
                .onErrorResume(JwtException.class, invalid -> refused(invalid.getMessage()))
                .flatMap(jwt -> {
                    Viewer viewer = Viewer.of(jwt);
                    return connections.admit(session.getId(), viewer, jwt.getExpiresAt())
                            .then(Mono.fromRunnable(() -> session.getAttributes().put(VIEWER_KEY, viewer)));
                })
                .then(Mono.empty());
    }

    /** The token of the payload's {@code Authorization} entry (any letter case, as an HTTP header), or {@code null}. */
    private static @Nullable String bearerToken(Map<String, Object> payload) {
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if ("authorization".equalsIgnoreCase(entry.getKey()) && entry.getValue() instanceof String value
                    && value.regionMatches(true, 0, BEARER, 0, BEARER.length()) && !value.substring(BEARER.length()).isBlank()) {
                return value.substring(BEARER.length()).trim();
            }
        }
        return null;
    }

    private static <T> Mono<T> refused(@Nullable String reason) {
        log.info("Refused a GraphQL WebSocket connection with 4401: {}", reason);
        return Mono.error(new UnauthorizedConnectionException());
    }

    /** The {@code connection_init} of a WebSocket connection carries no valid access token. */
    private static final class UnauthorizedConnectionException extends RuntimeException {
        UnauthorizedConnectionException() {
            super("Unauthorized", null, false, false);
        }
    }
}
