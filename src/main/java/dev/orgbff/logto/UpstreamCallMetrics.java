package dev.orgbff.logto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Counts every HTTP request sent to Logto, retries included, in the Micrometer counter
 * {@value #METER} tagged {@code method}, {@code route} (the path template, e.g.
 * {@code /api/users/{userId}/organizations}) and {@code outcome} (the status code, {@code IO_ERROR} or
 * {@code CANCELLED}). Upstream calls per GraphQL query are what batching is measured by.
 */
final class UpstreamCallMetrics implements ExchangeFilterFunction {

    static final String METER = "logto.upstream.calls";
    static final String ROUTE_ATTRIBUTE = UpstreamCallMetrics.class.getName() + ".route";

    private final MeterRegistry registry;

    UpstreamCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String route = request.attribute(ROUTE_ATTRIBUTE).map(String.class::cast).orElse("unknown");
        String method = request.method().name();
        return next.exchange(request)
                .doOnNext(response -> count(method, route, String.valueOf(response.statusCode().value())))
                .doOnError(error -> count(method, route, "IO_ERROR"))
                .doOnCancel(() -> count(method, route, "CANCELLED"));
    }

    private void count(String method, String route, String outcome) {
        Counter.builder(METER)
                .description("HTTP requests sent to Logto")
                .tag("method", method)
                .tag("route", route)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
