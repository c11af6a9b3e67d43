package dev.orgbff.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How verified access tokens are remembered ({@code orgbff.tokens.*}).
 *
 * @param verifiedCacheMaxAge how long a token whose signature, issuer, audience and type verified once is
 *     taken as verified without checking its signature again (its expiry is still checked on every
 *     request, and it is never kept past it); default 5 minutes, so a key Logto withdraws stops being
 *     honoured soon; 0 turns the cache off
 */
@Validated
@ConfigurationProperties("orgbff.tokens")
public record TokenProperties(@NotNull @DefaultValue("5m") Duration verifiedCacheMaxAge) {
}
