package dev.orgbff.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An injected failure for one route (see {@link LogtoEmulator#failNext} and {@link LogtoEmulator#fail}).
 * The emulator answers with it before authenticating or touching any state, so a faulted write never
 * happens. This is a test-only extra, not something Logto does.
 *
 * @param status     the HTTP status to answer (ignored for a timeout)
 * @param code       the {@code code} of the JSON error body {@code {code, message}}
 * @param message    the {@code message} of that body
 * @param retryAfter when set, sent as a {@code Retry-After} header in whole seconds (rounded up)
 * @param hold       when set, the request gets no answer at all: it is held this long (or until
 *                   {@link LogtoEmulator#reset()} or {@link LogtoEmulator#close()}) and its connection is then closed
 */
public record Fault(int status, String code, String message, @Nullable Duration retryAfter, @Nullable Duration hold) {

    /** How long {@link #timeout()} holds a request: longer than any sensible client timeout. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    /** A JSON error {@code {code, message}} with the given status, e.g. {@code status(503, "unavailable")}. */
    public static Fault status(int status, String code) {
        return new Fault(status, code, "Injected by the Logto emulator.", null, null);
    }

    /** A JSON error {@code {code, message}} with the given status and message. */
    public static Fault status(int status, String code, String message) {
        return new Fault(status, code, message, null, null);
    }

    /**
     * 429 {@code {code: "request.rate_limited", message}} with {@code Retry-After: <seconds>} (rounded up):
     * what a rate-limiting gateway in front of Logto answers.
     */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(429, "request.rate_limited", "Too many requests. Please try again later.", retryAfter, null);
    }

    /** No answer: the request is held for {@link #DEFAULT_HOLD} (30 s) and then its connection is closed. */
    public static Fault timeout() {
        return timeout(DEFAULT_HOLD);
    }

    /** No answer: the request is held for {@code hold} and then its connection is closed. */
    public static Fault timeout(Duration hold) {
        return new Fault(0, "timeout", "No answer.", null, hold);
    }

    /** True for {@link #timeout()} faults, which answer nothing. */
    public boolean isTimeout() {
        return hold != null;
    }

    Response toResponse() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("message", message);
        Response response = Response.json(status, body);
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            response.header("Retry-After", Long.toString(seconds));
        }
        return response;
    }
}
