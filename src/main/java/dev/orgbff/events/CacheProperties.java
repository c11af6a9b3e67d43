package dev.orgbff.events;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code orgbff.cache.*}: how long what is shared across requests may be served.
 *
 * @param maxStaleness The longest anything shared across requests is served before it is read from Logto again: the
 *     organization template, and with webhooks configured the viewer's memberships and organization records, which
 *     events drop sooner. So a change Logto announces to no one (a member's roles changed in the Logto Console) shows
 *     within this long. 0 reads everything in every request. The old name orgbff.template.cache-ttl still sets it.
 */
@Validated
@ConfigurationProperties("orgbff.cache")
public record CacheProperties(@NotNull @DefaultValue("30s") Duration maxStaleness) {
}
