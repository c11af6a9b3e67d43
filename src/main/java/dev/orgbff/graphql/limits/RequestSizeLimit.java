package dev.orgbff.graphql.limits;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.context.ContextSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.orgbff.graphql.error.LogTrace;
import dev.orgbff.graphql.error.ServiceErrorType;

/**
 * Refuses a request body larger than {@code orgbff.graphql.max-request-size} with HTTP 413 and a short JSON
 * error in the GraphQL response shape ({@code errors[0].extensions.classification} {@code REQUEST_TOO_LARGE}),
 * before any GraphQL parsing: by its {@code Content-Length} before the body is read, otherwise as soon as the
 * body read so far is too large. Logs one line, without a stack trace. It runs after authentication, so a
 * caller without a valid token still gets 401.
 *
 * <p>Without it, Spring's codecs give up at {@code spring.http.codecs.max-in-memory-size} (256 KB) with HTTP
 * 500 and a stack trace per request. That limit is left alone: it also bounds Logto's answers, which can be
 * larger than any request this service needs.
 */
public final class RequestSizeLimit implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimit.class);

    private final long maxBytes;
    private final byte[] errorBody;

    /** @param maxSize the largest body allowed */
    public RequestSizeLimit(DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
        this.errorBody = ("{\"errors\":[{\"message\":\"The request body is larger than " + maxBytes + " bytes\","
                + "\"extensions\":{\"classification\":\"" + ServiceErrorType.REQUEST_TOO_LARGE + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange, "Content-Length " + declared);
        }
        return chain.filter(exchange.mutate().request(new Limited(exchange.getRequest(), maxBytes)).build())
                // only reading the request body fails with this outside GraphQL execution (which turns every
                // failure into a GraphQL error): our limit below, or the codecs' own when that one is lower
                .onErrorResume(DataBufferLimitException.class, error -> exchange.getResponse().isCommitted()
                        ? Mono.error(error)
                        : tooLarge(exchange, "while reading it"));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, String detail) {
        return Mono.deferContextual(context -> {
            ServerHttpRequest request = exchange.getRequest();
            try (ContextSnapshot.Scope trace = LogTrace.of(context)) {
                log.info("413 for {} {}: request body over {} bytes ({})", request.getMethod(), request.getPath(), maxBytes, detail);
            }
            return answerTooLarge(exchange);
        });
    }

    private Mono<Void> answerTooLarge(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(errorBody.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(errorBody)));
    }

    /** A request whose body fails with {@link DataBufferLimitException} once more than the limit has arrived. */
    private static final class Limited extends ServerHttpRequestDecorator {

        private final long maxBytes;

        Limited(ServerHttpRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong read = new AtomicLong();
                return getDelegate().getBody().map(buffer -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new DataBufferLimitException(read.get() + " bytes");
                    }
                    return buffer;
                });
            });
        }
    }
}
