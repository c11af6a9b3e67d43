/**
 * The service's one stream of changes ({@link EventStream}): what Logto's webhooks announce and what the service's
 * own writes did, as {@link ChangeEvent}s. It sits low in the package stack: the domain packages publish to it, the
 * event-fed caches drop entries on it, and the subscription resolvers read from it. With Redis configured, events
 * fan out to every instance.
 */
@NullMarked
package dev.orgbff.events;

import org.jspecify.annotations.NullMarked;
