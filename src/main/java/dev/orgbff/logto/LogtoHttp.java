package dev.orgbff.logto;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * Sends one request to Logto and turns every failure into {@link LogtoApiException} or
 * {@link LogtoUnavailableException}: Logto error bodies {@code {code, message}} mapped by status, timeouts,
 * and retries on transient failures (for a GET, a 500 as well) for idempotent requests only (GET, PUT and
 * DELETE); POST and PATCH are sent once (apart from {@link ManagementTokenProvider}'s one resend after a 401,
 * which Logto answers before doing anything). Neither exception names the request's URL, which holds ids. Every call ends within its deadline ({@code logto.timeout}), retries included. A read
 * attempt that hangs is abandoned after {@code logto.attempt-timeout} and sent again, so one hung connection
 * does not fail the read; a PUT or DELETE that hangs is not sent again, since Logto may still be carrying it
 * out. Paging stays here: {@link #page} reads {@code Total-Number}, {@link #allPages} follows the pages.
 */
final class LogtoHttp {

    static final String TOTAL_NUMBER = "Total-Number";
    static final MultiValueMap<String, String> NO_QUERY = CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

    private static final Logger log = LoggerFactory.getLogger(LogtoHttp.class);
    private static final int MAX_RETRIES = 2;
    /** A longer Retry-After than this is not waited for: the caller gets "unavailable" at once. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

    private final WebClient webClient;
    private final Duration readAttemptTimeout;
    private final Duration deadline;
    /** Reads: a hung attempt is sent again, the answer to a GET cannot depend on how many were sent. */
    private final Retry readRetry = retry(LogtoHttp::isTransient);
    /** PUT and DELETE: a hung attempt may still be carried out by Logto, so only a refused one is sent again. */
    private final Retry idempotentWriteRetry = retry(error -> isTransient(error) && !isTimeout(error));

    /**
     * @param webClient the client with base URL and filters
     * @param readAttemptTimeout the limit of one attempt of a GET; cut to {@code deadline} when longer
     * @param deadline the limit of a whole call, retries included, and of every POST, PATCH, PUT and DELETE attempt
     */
    LogtoHttp(WebClient webClient, Duration readAttemptTimeout, Duration deadline) {
        this.webClient = webClient.mutate().filter(LogtoHttp::requestFailure).build();
        this.readAttemptTimeout = readAttemptTimeout.compareTo(deadline) < 0 ? readAttemptTimeout : deadline;
        this.deadline = deadline;
    }

    /**
     * A GET, each attempt limited to the attempt timeout and retried on transient failures (timeouts included)
     * until the deadline; {@code body} reads the successful response.
     */
    <T> Mono<T> get(String route, Map<String, ?> pathVariables, MultiValueMap<String, String> query,
            Function<WebClient.ResponseSpec, Mono<T>> body) {
        return withinDeadline(HttpMethod.GET, route,
                Mono.defer(() -> send(HttpMethod.GET, route, pathVariables, query, null, body, readAttemptTimeout)).retryWhen(readRetry));
    }

    /**
     * A GET sent once, limited to {@code timeout} and never retried: for the health check, which must answer
     * its probe in time whatever Logto does. Errors like {@link #get}.
     */
    Mono<Void> probe(String route, Duration timeout) {
        return Mono.defer(() -> send(HttpMethod.GET, route, Map.of(), NO_QUERY, null, WebClient.ResponseSpec::toBodilessEntity, timeout))
                .then();
    }

    /**
     * One page of a paginated list: {@code page} and {@code page_size} are added to {@code query} and the
     * {@code Total-Number} header becomes {@link Page#totalCount()}. Retried like a GET.
     */
    <T> Mono<Page<T>> page(String route, Map<String, ?> pathVariables, MultiValueMap<String, String> query,
            PageRequest page, Class<T> rowType) {
        MultiValueMap<String, String> paged = new LinkedMultiValueMap<>(query);
        paged.set("page", String.valueOf(page.page()));
        paged.set("page_size", String.valueOf(page.size()));
        return get(route, pathVariables, paged, response -> response.toEntityList(rowType).map(entity -> {
            List<T> rows = entity.getBody() == null ? List.of() : entity.getBody();
            String total = entity.getHeaders().getFirst(TOTAL_NUMBER);
            // a paged Logto route always sends the header; without it, count what was seen
            return new Page<>(rows, total == null ? (int) page.offset() + rows.size() : Integer.parseInt(total.trim()));
        }));
    }

    /**
     * Every row of a paginated list, fetched {@value PageRequest#MAX_SIZE} at a time, one page after the
     * other (Logto's pages are numbered, so the next request waits for the total of the first).
     */
    <T> Flux<T> allPages(String route, Map<String, ?> pathVariables, MultiValueMap<String, String> query, Class<T> rowType) {
        return page(route, pathVariables, query, new PageRequest(1, PageRequest.MAX_SIZE), rowType)
                .map(first -> new Numbered<>(1, first))
                .expand(last -> last.hasNext()
                        ? page(route, pathVariables, query, new PageRequest(last.number() + 1, PageRequest.MAX_SIZE), rowType)
                                .map(next -> new Numbered<>(last.number() + 1, next))
                        : Mono.empty())
                .concatMapIterable(numbered -> numbered.page().items());
    }

    /**
     * A PUT, which replaces a whole relation (a member's roles): sending it twice ends in the same state,
     * so it is retried on transient failures like a read, except after a timeout.
     */
    Mono<Void> put(String route, Map<String, ?> pathVariables, BodyInserter<?, ? super ClientHttpRequest> requestBody) {
        return withinDeadline(HttpMethod.PUT, route, Mono.defer(() -> send(HttpMethod.PUT, route, pathVariables, NO_QUERY, requestBody,
                        WebClient.ResponseSpec::toBodilessEntity, deadline))
                .retryWhen(idempotentWriteRetry))
                .then();
    }

    /**
     * A DELETE, retried on transient failures like a read, except after a timeout: deleting twice ends in the
     * same state. A retry after a lost answer may get 404, which the caller decides about.
     */
    Mono<Void> delete(String route, Map<String, ?> pathVariables) {
        return withinDeadline(HttpMethod.DELETE, route, Mono.defer(() -> send(HttpMethod.DELETE, route, pathVariables, NO_QUERY, null,
                        WebClient.ResponseSpec::toBodilessEntity, deadline))
                .retryWhen(idempotentWriteRetry))
                .then();
    }

    /**
     * A write that is not idempotent (POST, PATCH), sent once and given the whole deadline; {@code body} reads
     * the successful response.
     */
    <T> Mono<T> write(HttpMethod method, String route, Map<String, ?> pathVariables,
            @Nullable BodyInserter<?, ? super ClientHttpRequest> requestBody, Function<WebClient.ResponseSpec, Mono<T>> body) {
        return Mono.defer(() -> send(method, route, pathVariables, NO_QUERY, requestBody, body, deadline));
    }

    private <T> Mono<T> withinDeadline(HttpMethod method, String route, Mono<T> call) {
        return call.timeout(deadline).onErrorMap(TimeoutException.class, e -> new LogtoUnavailableException(
                method.name() + " " + route, "no answer within " + deadline.toMillis() + " ms", null, e));
    }

    private <T> Mono<T> send(HttpMethod method, String route, Map<String, ?> pathVariables,
            MultiValueMap<String, String> query, @Nullable BodyInserter<?, ? super ClientHttpRequest> requestBody,
            Function<WebClient.ResponseSpec, Mono<T>> body, Duration timeout) {
        String name = method.name() + " " + route;
        WebClient.RequestBodySpec request = webClient.method(method)
                .uri(builder -> expand(builder.path(route), pathVariables, query))
                .attribute(UpstreamCallMetrics.ROUTE_ATTRIBUTE, route);
        WebClient.RequestHeadersSpec<?> ready = requestBody == null ? request : request.body(requestBody);
        return body.apply(ready.retrieve().onStatus(HttpStatusCode::isError, response -> failure(method, name, response)))
                .timeout(timeout)
                .onErrorMap(TimeoutException.class,
                        e -> new LogtoUnavailableException(name, "no answer within " + timeout.toMillis() + " ms", null, e))
                // an answer that could not be read (over the codecs' limit): WebClient's exception and its cause name
                // the request's URL, ids included, so only the cause's name is kept
                .onErrorMap(WebClientResponseException.class, e -> new LogtoApiException(name, e.getStatusCode().value(),
                        "unreadable answer: " + e.getMostSpecificCause().getClass().getSimpleName()));
    }

    /**
     * A request that failed (connection refused or dropped) becomes {@link LogtoUnavailableException} right where it
     * fails: further out, WebClient adds a checkpoint naming the request's URL, ids included, to the exception, which
     * its client span and any log line would record. The root cause is kept, its wrapper is not.
     */
    private static Mono<ClientResponse> requestFailure(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).onErrorMap(WebClientRequestException.class, e -> new LogtoUnavailableException(
                request.method().name() + " " + request.attribute(UpstreamCallMetrics.ROUTE_ATTRIBUTE).orElse("(no route)"),
                e.getMostSpecificCause().getClass().getSimpleName(), null, e.getMostSpecificCause()));
    }

    /** Query values travel as URI variables so that they are strictly encoded ({@code +} in an email stays a plus). */
    private static URI expand(UriBuilder builder, Map<String, ?> pathVariables, MultiValueMap<String, String> query) {
        Map<String, Object> variables = new HashMap<>(pathVariables);
        query.forEach((name, values) -> {
            for (String value : values) {
                String variable = "q" + variables.size();
                variables.put(variable, value);
                builder.queryParam(name, "{" + variable + "}");
            }
        });
        return builder.build(variables);
    }

    private static Mono<Throwable> failure(HttpMethod method, String route, ClientResponse response) {
        int status = response.statusCode().value();
        // a read's 500 is sent again like a 502-504 (a GET changes nothing); a write's is not (Logto may have carried
        // it out in part): its caller gets Logto's answer and undoes its own earlier steps
        if (status == 429 || status == 502 || status == 503 || status == 504 || (status == 500 && method == HttpMethod.GET)) {
            Duration retryAfter = retryAfter(response.headers().asHttpHeaders());
            return response.releaseBody().thenReturn(new LogtoUnavailableException(route, "HTTP " + status, retryAfter, null));
        }
        return response.bodyToMono(LogtoError.class)
                // some Logto errors are plain text ("Not Found"); the status alone then says enough
                .onErrorResume(e -> e instanceof CodecException || e instanceof UnsupportedMediaTypeException, e -> Mono.empty())
                .doOnNext(error -> log.debug("{} answered {} {}: {}", route, status, error.code(), error.message()))
                .map(error -> (Throwable) new LogtoApiException(route, status, error.code()))
                .defaultIfEmpty(new LogtoApiException(route, status, null));
    }

    private static @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.trim()));
    }

    private static Retry retry(Predicate<Throwable> isRetried) {
        return Retry.backoff(MAX_RETRIES, Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1))
                .filter(isRetried)
                // Logto Cloud's rate limiter says when to come back; the backoff alone may be too short
                .doBeforeRetryAsync(signal -> waitRetryAfter(signal.failure()))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    private static boolean isTransient(Throwable error) {
        if (!(error instanceof LogtoUnavailableException unavailable)) {
            return false;
        }
        Duration retryAfter = unavailable.retryAfter();
        return retryAfter == null || retryAfter.compareTo(MAX_RETRY_AFTER) <= 0;
    }

    private static boolean isTimeout(Throwable error) {
        return error.getCause() instanceof TimeoutException;
    }

    private static Mono<Void> waitRetryAfter(Throwable error) {
        Duration retryAfter = error instanceof LogtoUnavailableException unavailable ? unavailable.retryAfter() : null;
        return retryAfter == null ? Mono.empty() : Mono.delay(retryAfter).then();
    }

    /** A page with its number, so that {@link #allPages} knows which page comes next. */
    private record Numbered<T>(int number, Page<T> page) {
        boolean hasNext() {
            return (long) number * PageRequest.MAX_SIZE < page.totalCount() && !page.items().isEmpty();
        }
    }

    /** A Logto error body; {@code message} is Logto's i18n text, logged at DEBUG only. */
    record LogtoError(@Nullable String code, @Nullable String message) {
    }
}
