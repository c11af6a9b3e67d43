package dev.orgbff.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored webhook (Logto's {@code hooks} row): it is delivered the events it names ({@code events}, or the deprecated
 * single {@code event} when {@code events} is empty) while {@code enabled}.
 *
 * @param config    {@code {url, headers?, retries?}}, as registered
 * @param createdAt epoch milliseconds
 */
record Hook(String id, String name, @Nullable String event, List<String> events, ObjectNode config, String signingKey,
        boolean enabled, long createdAt) {

    Hook {
        events = List.copyOf(events);
    }

    /** Logto's filter in {@code buildWebhooks}: {@code enabled && (events.length > 0 ? events.includes(e) : event === e)}. */
    boolean subscribesTo(String raised) {
        return enabled && (events.isEmpty() ? raised.equals(event) : events.contains(raised));
    }

    String url() {
        return config.path("url").asString();
    }
}
