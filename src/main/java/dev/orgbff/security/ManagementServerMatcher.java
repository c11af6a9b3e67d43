package dev.orgbff.security;

import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Matches requests to the management server ({@code management.server.port}), which serves the actuator alone.
 * Spring Security's filter chain runs there as well (the management context inherits the application's web
 * filters), so the chain tells the two ports apart by the server that took the request.
 */
final class ManagementServerMatcher implements ServerWebExchangeMatcher {

    /** Boot's name for the management server's namespace. */
    private static final String MANAGEMENT = "management";

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT)
                ? MatchResult.match() : MatchResult.notMatch();
    }
}
