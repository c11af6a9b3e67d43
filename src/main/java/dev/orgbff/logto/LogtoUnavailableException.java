package dev.orgbff.logto;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Logto could not be reached or could not answer in time: a connection failure, a timeout, a 502/503/504,
 * a 429 rate limit, or a 500 to a read. Idempotent reads are retried before this reaches a caller. Like
 * {@link LogtoApiException} it has no stack trace and takes no suppressed exceptions: it never shows Reactor's
 * frames, nor WebClient's checkpoint naming the request's URL.
 */
public class LogtoUnavailableException extends RuntimeException {

    private final @Nullable Duration retryAfter;

    /**
     * @param route the route template that failed, e.g. {@code GET /api/organization-roles}
     * @param reason what happened, without any upstream body or credential
     * @param retryAfter how long Logto asked to wait ({@code Retry-After}), or {@code null}
     * @param cause the underlying failure, if any
     */
    public LogtoUnavailableException(String route, String reason, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(route + " unavailable: " + reason, cause, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long Logto asked to wait before the next try, or {@code null} when it did not say. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
