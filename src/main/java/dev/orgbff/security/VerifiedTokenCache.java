package dev.orgbff.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A {@link ReactiveJwtDecoder} that verifies a token's signature, issuer, audience and type once and then
 * remembers the result, keyed by a SHA-256 hash of the whole token string (never the token itself), in a
 * bounded cache, until the token's {@code exp} or {@code orgbff.tokens.verified-cache-max-age}, whichever
 * comes first. The time checks ({@code exp}, {@code nbf}) still run on every request. An ES384 signature
 * check costs about a millisecond of CPU; a repeated token costs a hash.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private static final long MAXIMUM_SIZE = 100_000;

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier the full check: signature against the JWKS, then every validator
     * @param timestamps the time checks to repeat on a remembered token
     * @param maxAge how long a token stays remembered at most
     * @param clock decides when a remembered token expires
     */
    VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> timestamps, Duration maxAge, Clock clock) {
        this.verifier = verifier;
        this.timestamps = timestamps;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_SIZE)
                .expireAfter(Expiry.<String, Jwt>creating((key, jwt) -> lifetime(jwt, maxAge, clock)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = hash(token);
        Jwt remembered = verified.getIfPresent(key);
        if (remembered == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(key, jwt));
        }
        OAuth2TokenValidatorResult result = timestamps.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(key);
            return Mono.error(new JwtValidationException("The token has expired or is not valid yet", result.getErrors()));
        }
        return Mono.just(remembered);
    }

    private static Duration lifetime(Jwt jwt, Duration maxAge, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration untilExpiry = expiresAt == null ? maxAge : Duration.between(clock.instant(), expiresAt);
        Duration lifetime = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform must offer SHA-256 (java.security.MessageDigest's contract)
            throw new BadJwtException("SHA-256 is not available", impossible);
        }
    }
}
