package dev.orgbff.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Logto's token signing keys ({@code GET <endpoint>/oidc/jwks}), held in memory, and the signature check
 * of an access token against them; the source of keys for Spring's {@code NimbusReactiveJwtDecoder}.
 *
 * <p>A token whose key ({@code kid}, key type, algorithm) is among the held keys is checked without any
 * call, also while the JWKS endpoint is down, until the held keys reach their maximum age: then the next token
 * waits for a fresh JWKS, so that a key Logto has withdrawn stops being honoured. A token with any other key makes this service fetch the
 * JWKS again, so that a key Logto rotates in is accepted, but at most once per refresh interval: within
 * it, such tokens join the fetch in flight or get the outcome of the last one at once. Spring's own key
 * source fetches on every unknown key, which let anyone turn forged tokens with made-up {@code kid}s into
 * one JWKS call each. A failed fetch keeps the keys held before and is logged once.
 */
final class LogtoSigningKeys {

    private static final Logger log = LoggerFactory.getLogger(LogtoSigningKeys.class);

    /** The asymmetric JWS algorithms Logto's keys may use (ES384 by default); never HMAC or none. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    // the messages end up in WWW-Authenticate's error_description: no quotes, no backslashes
    private static final String UNSUPPORTED = "The token is not signed with an accepted algorithm";
    private static final String UNKNOWN_KEY = "The token is not signed with one of Logto's signing keys";
    private static final String KEYS_UNAVAILABLE =
            "The token's signing key is not known here and Logto's signing keys (JWKS) could not be fetched; try again later";
    private static final String BAD_SIGNATURE = "The token's signature is not valid";

    private final Mono<JWKSet> fetch;
    private final Duration refreshInterval;
    private final Duration keysMaxAge;
    private final Clock clock;
    private final DefaultJWTProcessor<JWKSecurityContext> processor = new DefaultJWTProcessor<>();
    private final AtomicReference<JWKSet> held = new AtomicReference<>(new JWKSet());
    private final AtomicReference<@Nullable Refresh> lastRefresh = new AtomicReference<>();

    /**
     * Holds no key yet: the first token fetches the JWKS.
     *
     * @param jwks the client for Logto's JWKS (no base URL needed)
     * @param jwksUri {@code <endpoint>/oidc/jwks}
     * @param timeout the longest wait for one JWKS answer; past it the fetch counts as failed
     * @param refreshInterval the least time between two fetches
     * @param keysMaxAge how long keys held are used without a fetch; past it, the next token waits for one (at most
     *     once per refresh interval), so that a key Logto withdraws stops being honoured. If that fetch fails, the
     *     keys held are used.
     * @param clock decides when the refresh interval and the keys' age have passed
     */
    LogtoSigningKeys(WebClient jwks, String jwksUri, Duration timeout, Duration refreshInterval, Duration keysMaxAge, Clock clock) {
        this.refreshInterval = refreshInterval;
        this.keysMaxAge = keysMaxAge;
        this.clock = clock;
        this.fetch = jwks.get().uri(jwksUri).retrieve().bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("an empty answer")))
                .timeout(timeout)
                .map(LogtoSigningKeys::parse)
                .doOnNext(held::set)
                .doOnError(error -> log.warn("Could not fetch Logto's signing keys from {} ({}); tokens signed with other keys "
                        + "than the {} held are refused until the next try, in {} s at the earliest",
                        jwksUri, describe(error, timeout), held.get().size(), refreshInterval.toSeconds()));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new JWKSecurityContextJWKSet()));
        // the typ header (at+jwt) and the claims are checked by Spring's validators, after the signature
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /**
     * Checks the token's signature against Logto's keys.
     *
     * @return the token's claims, not yet validated; or a {@link BadJwtException} (HTTP 401, its message the
     *     {@code error_description}) when the algorithm is not accepted, no Logto key matches (also when the
     *     JWKS could not be fetched to look for one) or the signature does not verify
     */
    Mono<JWTClaimsSet> verify(JWT jwt) {
        if (!(jwt.getHeader() instanceof JWSHeader header) || !ALGORITHMS.contains(header.getAlgorithm())) {
            return Mono.error(new BadJwtException(UNSUPPORTED));
        }
        return keysFor(header).map(keys -> claims(jwt, keys));
    }

    /**
     * The held keys that match the header, those of a refetched JWKS once the held keys are older than their
     * maximum age (Logto may have withdrawn one; if the fetch fails, the held ones), and when none matches, those
     * of a refetched JWKS if a fetch is due.
     */
    private Mono<List<JWK>> keysFor(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        List<JWK> keys = selector.select(held.get());
        if (!keys.isEmpty() && heldKeysOld()) {
            return refreshed()
                    .map(selector::select)
                    .onErrorReturn(keys)
                    .filter(found -> !found.isEmpty())
                    .switchIfEmpty(Mono.error(() -> new BadJwtException(UNKNOWN_KEY)));
        }
        if (!keys.isEmpty()) {
            return Mono.just(keys);
        }
        return refreshed()
                .onErrorMap(error -> new BadJwtException(KEYS_UNAVAILABLE, error))
                .map(selector::select)
                .filter(found -> !found.isEmpty())
                .switchIfEmpty(Mono.error(() -> new BadJwtException(UNKNOWN_KEY)));
    }

    /**
     * The keys of a new fetch if the last one started a refresh interval ago or more; otherwise the last
     * fetch's outcome, shared: still in flight, or its key set or error remembered ({@code Mono.cache()}).
     */
    private Mono<JWKSet> refreshed() {
        Instant now = clock.instant();
        Refresh last = lastRefresh.get();
        if (last != null && last.isRecent(now, refreshInterval)) {
            return last.keys();
        }
        Refresh next = new Refresh(now, fetch.cache());
        if (lastRefresh.compareAndSet(last, next)) {
            return next.keys();
        }
        Refresh concurrent = lastRefresh.get();
        return concurrent == null ? next.keys() : concurrent.keys();
    }

    /** The last fetch started {@code keysMaxAge} ago or more (a clock set back counts as old). */
    private boolean heldKeysOld() {
        Refresh last = lastRefresh.get();
        Instant now = clock.instant();
        return last != null && (now.isBefore(last.startedAt()) || !now.isBefore(last.startedAt().plus(keysMaxAge)));
    }

    private JWTClaimsSet claims(JWT jwt, List<JWK> keys) {
        try {
            return processor.process(jwt, new JWKSecurityContext(keys));
        } catch (BadJOSEException | JOSEException e) {
            throw new BadJwtException(BAD_SIGNATURE, e);
        }
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body).toPublicJWKSet();
        } catch (ParseException e) {
            throw new IllegalStateException("not a JWK set", e);
        }
    }

    private static String describe(Throwable error, Duration timeout) {
        if (error instanceof WebClientResponseException response) {
            return "HTTP " + response.getStatusCode().value();
        }
        if (error instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** One JWKS fetch: when it started, and its outcome, fetched once and then replayed to every subscriber. */
    private record Refresh(Instant startedAt, Mono<JWKSet> keys) {

        /** Too soon for another fetch; a clock set back since counts as not recent, so it cannot block fetches. */
        boolean isRecent(Instant now, Duration interval) {
            return !now.isBefore(startedAt) && now.isBefore(startedAt.plus(interval));
        }
    }
}
