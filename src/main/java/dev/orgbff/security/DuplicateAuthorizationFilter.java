package dev.orgbff.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request that carries more than one {@code Authorization} header with HTTP 400
 * {@code {"error":"invalid_request",...}} and {@code WWW-Authenticate: Bearer error="invalid_request"}
 * (RFC 6750 §3.1), on every path, before authentication and before any GraphQL runs. Spring Security
 * reads the first header only, so which credentials a request acted with would otherwise depend on the
 * order in which proxies pass headers on. Logs one line per refusal, without the header values.
 */
final class DuplicateAuthorizationFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(DuplicateAuthorizationFilter.class);

    private static final String DESCRIPTION = "The request has more than one Authorization header";
    private static final byte[] BODY = ("{\"error\":\"invalid_request\",\"error_description\":\"" + DESCRIPTION + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<String> authorizations = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorizations == null || authorizations.size() < 2) {
            return chain.filter(exchange);
        }
        log.info("Refused {} {}: {} Authorization headers", request.getMethod(), request.getPath().value(), authorizations.size());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"invalid_request\", error_description=\"" + DESCRIPTION + "\"");
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(BODY)));
    }
}
