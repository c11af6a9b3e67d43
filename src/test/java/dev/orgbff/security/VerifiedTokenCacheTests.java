package dev.orgbff.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final List<String> verifications = new ArrayList<>();

    /** A verifier that accepts every token but "bad", valid for an hour from NOW, and records what it checked. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.add(token);
        return "bad".equals(token)
                ? Mono.error(new BadJwtException("bad signature"))
                : Mono.just(Jwt.withTokenValue(token).header("alg", "ES384").subject("user1")
                        .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).build());
    };

    private VerifiedTokenCache cache(Duration maxAge, Instant now) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
        return new VerifiedTokenCache(verifier, timestamps, maxAge, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void decode_sameTokenTwice_verifiesItOnce() {
        // given
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5), NOW);
        // when
        Jwt first = cache.decode("token-a").block();
        Jwt second = cache.decode("token-a").block();
        // then
        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly("token-a");
    }

    @Test
    void decode_anotherToken_isVerifiedOnItsOwn() {
        // given
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5), NOW);
        cache.decode("token-a").block();
        // when
        cache.decode("token-b").block();
        // then
        assertThat(verifications).containsExactly("token-a", "token-b");
    }

    @Test
    void decode_refusedToken_isNotRememberedAndIsCheckedAgain() {
        // given
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5), NOW);
        // when / then
        StepVerifier.create(cache.decode("bad")).expectError(BadJwtException.class).verify();
        StepVerifier.create(cache.decode("bad")).expectError(BadJwtException.class).verify();
        assertThat(verifications).containsExactly("bad", "bad");
    }

    @Test
    void decode_rememberedTokenPastItsExpiry_refusedWithoutAnotherSignatureCheck() {
        // given: remembered at NOW; the time checks now run two hours later
        JwtTimestampValidator later = new JwtTimestampValidator(Duration.ofSeconds(60));
        later.setClock(Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, later, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        // the first decode goes through the verifier, whose own checks are not the ones run on remembered tokens
        cache.decode("token-a").block();
        // when / then
        StepVerifier.create(cache.decode("token-a")).expectError(JwtValidationException.class).verify();
        assertThat(verifications).containsExactly("token-a");
    }

    @Test
    void decode_maxAgeZero_remembersNothing() {
        // given
        VerifiedTokenCache cache = cache(Duration.ZERO, NOW);
        // when
        cache.decode("token-a").block();
        cache.decode("token-a").block();
        // then
        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void decode_tokenAlreadyPastItsExpiry_isNotRemembered() {
        // given: the cache's clock says the token expired (the verifier's own checks passed it within the skew)
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, timestamps, Duration.ofMinutes(5),
                Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        // when
        cache.decode("token-a").block();
        cache.decode("token-a").block();
        // then
        assertThat(verifications).containsExactly("token-a", "token-a");
    }
}
