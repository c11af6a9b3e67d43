package dev.orgbff.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How access tokens are verified and verified tokens remembered ({@code orgbff.tokens.*}).
 *
 * @param verifiedCacheMaxAge How long an access token whose signature, issuer, audience and type verified once is
 *     taken as verified without checking its signature again. Its expiry is still checked on every request, and
 *     it is never kept past it. Logto's signing keys held are also fetched again once they are this old (at most once
 *     per jwks-refresh-interval), so a key Logto withdraws stops being honoured within this long; 0 turns the cache off.
 * @param jwksRefreshInterval How often at most a token signed with a key this service does not hold makes it fetch
 *     Logto's JWKS again, at least 1s. A key Logto rotates in is accepted within this long; tokens with made-up
 *     keys cost at most one JWKS call per interval.
 * @param jwksTimeout Longest wait for Logto's JWKS, capped at logto.timeout, so that a hung JWKS endpoint does not
 *     hold requests for long.
 */
@Validated
@ConfigurationProperties("orgbff.tokens")
public record TokenProperties(
        @NotNull @DefaultValue("5m") Duration verifiedCacheMaxAge,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration jwksRefreshInterval,
        @NotNull @DurationMin(millis = 1) @DefaultValue("3s") Duration jwksTimeout) {

    /** The JWKS timeout to apply: {@link #jwksTimeout()}, or {@code logtoTimeout} when that is shorter. */
    Duration jwksTimeout(Duration logtoTimeout) {
        return jwksTimeout.compareTo(logtoTimeout) < 0 ? jwksTimeout : logtoTimeout;
    }
}
