package dev.orgbff.security;

import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * GraphQL over WebSocket ({@code graphql-transport-ws}) on {@code spring.graphql.websocket.path}: Spring for GraphQL's
 * handler, whose connections {@link WebSocketConnections} tracks (limits, token expiry, shutdown), and whose
 * {@code connection_init} {@link CallerInterceptor} authenticates.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    /** Boot's handler (same timeouts and keep-alive pings), each connection registered while it is open. */
    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs,
            GraphQlProperties graphQl, WebSocketConnections connections) {
        return new GraphQlWebSocketHandler(handler, codecs, graphQl.getWebsocket().getConnectionInitTimeout(),
                graphQl.getWebsocket().getKeepAlive()) {
            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return connections.handle(session, Mono.defer(() -> super.handle(session)));
            }
        };
    }
}
