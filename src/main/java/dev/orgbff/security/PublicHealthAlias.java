package dev.orgbff.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps {@code GET /actuator/health} answering on the GraphQL port, where load balancers have probed it, now
 * that the actuator lives on the management port: such a request is answered as {@value #PUBLIC_HEALTH},
 * the health group {@code management.endpoint.health.group.public} (status only, every contributor). Boot maps a
 * group's additional path on the main server only as one path segment, hence the alias. Requests to the
 * management server, which serves {@code /actuator/health} itself, pass unchanged.
 */
final class PublicHealthAlias implements WebFilter {

    static final String ACTUATOR_HEALTH = "/actuator/health";
    static final String PUBLIC_HEALTH = "/healthz";

    private final ManagementServerMatcher managementServer;

    PublicHealthAlias(ManagementServerMatcher managementServer) {
        this.managementServer = managementServer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!ACTUATOR_HEALTH.equals(request.getPath().pathWithinApplication().value())
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return chain.filter(exchange);
        }
        return managementServer.matches(exchange).flatMap(management -> management.isMatch()
                ? chain.filter(exchange)
                : chain.filter(exchange.mutate().request(request.mutate().path(PUBLIC_HEALTH).build()).build()));
    }
}
