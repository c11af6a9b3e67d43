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
 * @param handled    when set (with {@code hold}), the request is first handled as usual, so a write takes effect,
 *                   and only its answer is withheld ({@link #lostAnswer()})
 */
public record Fault(int status, String code, String message, @Nullable Duration retryAfter, @Nullable Duration hold,
        boolean handled) {

    /** How long {@link #timeout()} holds a request: longer than any sensible client timeout. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    /** A JSON error {@code {code, message}} with the given status, e.g. {@code status(503, "unavailable")}. */
    public static Fault status(int status, String code) {
        return new Fault(status, code, "Injected by the Logto emulator.", null, null, false);
    }

    /** A JSON error {@code {code, message}} with the given status and message. */
    public static Fault status(int status, String code, String message) {
        return new Fault(status, code, message, null, null, false);
    }

    /**
     * 429 {@code {code: "request.rate_limited", message}} with {@code Retry-After: <seconds>} (rounded up):
     * what a rate-limiting gateway in front of Logto answers.
     */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(429, "request.rate_limited", "Too many requests. Please try again later.", retryAfter, null, false);
    }

    /** No answer: the request is held for {@link #DEFAULT_HOLD} (30 s) and then its connection is closed. */
    public static Fault timeout() {
        return timeout(DEFAULT_HOLD);
    }

    /** No answer: the request is held for {@code hold} and then its connection is closed. */
    public static Fault timeout(Duration hold) {
        return new Fault(0, "timeout", "No answer.", null, hold, false);
    }

    /**
     * Logto does the work but its answer never arrives: the request is handled as usual (a write takes
     * effect), then held for {@link #DEFAULT_HOLD} and its connection closed. The client cannot tell it from
     * {@link #timeout()}, where nothing happened.
     */
    public static Fault lostAnswer() {
        return new Fault(0, "lost_answer", "Handled, but no answer.", null, DEFAULT_HOLD, true);
    }

    /** True for {@link #timeout()} and {@link #lostAnswer()} faults, which answer nothing. */
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
