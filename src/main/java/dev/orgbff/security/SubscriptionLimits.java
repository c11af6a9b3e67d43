package dev.orgbff.security;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of GraphQL subscriptions ({@code orgbff.subscriptions.*}), over SSE and WebSocket, so that one user cannot
 * hold an instance's memory with connections, subscriptions or events they do not read.
 *
 * @param buffer The most events held for one subscription whose client reads slower than they come; one more ends the
 *     subscription with a SLOW_SUBSCRIBER error (the client subscribes again and reads the current state), rather than
 *     queueing without bound.
 * @param connectionsPerUser The most WebSocket connections one user (the token's sub) may hold on one instance at once;
 *     the connection past it is closed with 4429 right after its connection_init.
 * @param subscriptionsPerConnection The most subscriptions running at once on one WebSocket connection; one more gets
 *     an error message (TOO_MANY_SUBSCRIPTIONS) and the others go on.
 * @param maxConnections The most WebSocket connections one instance holds at once, whoever holds them; the one past it
 *     is closed with 1013 (try again later) at once. Each open connection with its subscription takes about 37 KB of heap,
 *     so the default 5000 suits the 256 MB heap the benchmark gives the service; raise it with the heap.
 */
@Validated
@ConfigurationProperties("orgbff.subscriptions")
public record SubscriptionLimits(
        @Min(1) @DefaultValue("256") int buffer,
        @Min(1) @DefaultValue("10") int connectionsPerUser,
        @Min(1) @DefaultValue("20") int subscriptionsPerConnection,
        @Min(1) @DefaultValue("5000") int maxConnections) {
}
