package dev.orgbff.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The WebSocket handshake of GraphQL over WebSocket: a {@code GET} on the WebSocket path with {@code Upgrade: websocket},
 * which carries no token (browsers cannot set its headers; the token comes in {@code connection_init}), so the
 * resource server lets it through; as a filter, it refuses with HTTP 403 a handshake from a browser page on an origin
 * that is neither the service's own (GraphiQL) nor one of {@link CorsProperties#allowedOrigins()}, since a browser
 * opens a WebSocket to any origin without asking (no CORS). A handshake without {@code Origin} (no browser) passes.
 */
final class WebSocketUpgrade implements ServerWebExchangeMatcher, WebFilter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrade.class);

    private final String path;
    private final List<String> allowedOrigins;

    WebSocketUpgrade(String path, List<String> allowedOrigins) {
        this.path = path;
        this.allowedOrigins = allowedOrigins;
    }

    /** Whether the request is a WebSocket handshake on the WebSocket path. */
    boolean isUpgrade(ServerHttpRequest request) {
        return HttpMethod.GET.equals(request.getMethod())
                && path.equals(request.getPath().pathWithinApplication().value())
                && "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return isUpgrade(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (isUpgrade(request) && CorsUtils.isCorsRequest(request) && !allowedOrigins.contains(request.getHeaders().getOrigin())) {
            log.info("Refused a GraphQL WebSocket handshake with 403: its Origin is neither this service's nor in orgbff.cors.allowed-origins");
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
