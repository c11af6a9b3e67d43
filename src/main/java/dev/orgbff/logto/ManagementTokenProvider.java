package dev.orgbff.logto;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Holds the machine-to-machine (M2M) access token for the Management API and adds it to every request
 * as an {@link ExchangeFilterFunction}. The token comes from {@code POST /oidc/token}
 * ({@code client_credentials}, HTTP Basic client authentication, {@code resource} = the Management API
 * indicator, {@code scope=all}; CONTRACT.md §8). It is cached until {@value #REFRESH_AHEAD_SECONDS} s (at most
 * half its lifetime) before its {@code expires_in} runs out; concurrent callers share one request, so at most one refresh is in
 * flight. A 401 from Logto (keys rotated, token revoked) drops the token and the request is sent once more
 * with a fresh one. Neither the secret nor the token is ever logged.
 */
final class ManagementTokenProvider implements ExchangeFilterFunction {

    static final String TOKEN_ROUTE = "/oidc/token";
    private static final long REFRESH_AHEAD_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(ManagementTokenProvider.class);

    private final LogtoHttp http;
    private final LogtoProperties.Management management;
    private final Clock clock;
    private final AtomicReference<Mono<Token>> current = new AtomicReference<>();
    /** The value of the last token Logto answered 401 to; a cached token with this value is fetched anew. */
    private volatile String rejected = "";

    /**
     * @param http Logto with HTTP Basic client authentication and without this filter
     * @param management the M2M app credentials and the Management API indicator
     * @param clock decides when a token is due for refresh
     */
    ManagementTokenProvider(LogtoHttp http, LogtoProperties.Management management, Clock clock) {
        this.http = http;
        this.management = management;
        this.clock = clock;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return accessToken().flatMap(token -> next.exchange(withToken(request, token)).flatMap(response -> {
            if (response.statusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
                return Mono.just(response);
            }
            log.info("Logto rejected the Management API token; fetching a new one");
            rejected = token;
            return response.releaseBody().then(accessToken()).flatMap(fresh -> next.exchange(withToken(request, fresh)));
        }));
    }

    /** The current token's value, fetched or refreshed when needed; errors with {@link LogtoApiException} when Logto refuses the credentials. */
    Mono<String> accessToken() {
        return Mono.defer(() -> {
            Mono<Token> shared = current.updateAndGet(cached -> cached != null ? cached : requestToken().cache());
            return shared
                    .doOnError(error -> current.compareAndSet(shared, null))
                    .flatMap(token -> {
                        if (clock.instant().isBefore(token.refreshAt()) && !token.value().equals(rejected)) {
                            return Mono.just(token.value());
                        }
                        current.compareAndSet(shared, null);
                        return accessToken();
                    });
        });
    }

    private Mono<Token> requestToken() {
        return http.write(HttpMethod.POST, TOKEN_ROUTE, Map.of(),
                        BodyInserters.fromFormData("grant_type", "client_credentials")
                                .with("resource", management.resource())
                                .with("scope", "all"),
                        response -> response.bodyToMono(TokenResponse.class))
                .filter(response -> response.accessToken() != null && !response.accessToken().isBlank())
                .switchIfEmpty(Mono.error(() -> new LogtoApiException("POST " + TOKEN_ROUTE, 200, "no access_token")))
                .map(response -> new Token(response.accessToken(), clock.instant().plusSeconds(usableSeconds(response.expiresIn()))))
                .doOnNext(token -> log.debug("Fetched a Management API token, refreshed after {}", token.refreshAt()))
                .doOnError(LogtoApiException.class, error -> log.warn(
                        "Logto refused the M2M token request ({}): check logto.management.app-id, app-secret and resource",
                        error.getMessage()));
    }

    /** Refresh ahead of expiry, but use even a very short-lived token for a second rather than loop on refreshes. */
    private static long usableSeconds(long expiresIn) {
        return Math.max(1, expiresIn - Math.min(REFRESH_AHEAD_SECONDS, expiresIn / 2));
    }

    private ClientRequest withToken(ClientRequest request, String token) {
        return ClientRequest.from(request).headers(headers -> headers.setBearerAuth(token)).build();
    }

    private record Token(String value, Instant refreshAt) {
        @Override
        public String toString() {
            return "Token[refreshAt=" + refreshAt + "]";
        }
    }

    private record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken, @JsonProperty("expires_in") long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[expiresIn=" + expiresIn + "]";
        }
    }
}
