package dev.orgbff.graphql;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * GraphQL subscriptions ({@code orgbff.subscriptions.*}).
 *
 * @param buffer Most events held for one subscription whose client reads slower than they come: one more ends the
 *     subscription with a SLOW_CONSUMER error (the client subscribes again and reads the current state), rather
 *     than queueing without bound.
 */
@Validated
@ConfigurationProperties("orgbff.subscriptions")
public record SubscriptionProperties(@Positive @DefaultValue("256") int buffer) {
}
