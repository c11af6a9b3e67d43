package dev.orgbff.logto;

import org.jspecify.annotations.Nullable;

/**
 * Logto answered a Management API or token request with an error status, or with an answer that could not be
 * read (the code then says so). Carries the status and Logto's error {@code code} (e.g.
 * {@code entity.not_found}); Logto's human message is only logged at DEBUG level because it may echo request
 * data. It has no stack trace (its frames would be Reactor's and Netty's) and takes no suppressed exceptions:
 * WebClient adds a checkpoint naming the request's URL, ids included.
 */
public class LogtoApiException extends RuntimeException {

    private final int status;
    private final @Nullable String code;

    /**
     * @param route the route template that failed, e.g. {@code GET /api/organizations/{id}}
     * @param status the HTTP status Logto answered
     * @param code Logto's error code, or {@code null} when the body had none
     */
    public LogtoApiException(String route, int status, @Nullable String code) {
        super(route + " answered " + status + (code == null ? "" : " " + code), null, false, false);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status Logto answered. */
    public int status() {
        return status;
    }

    /** Logto's error code, e.g. {@code entity.not_found}, or {@code null}. */
    public @Nullable String code() {
        return code;
    }

    /** Whether Logto answered with this code. */
    public boolean is(LogtoErrorCode errorCode) {
        return errorCode.code().equals(code);
    }
}
