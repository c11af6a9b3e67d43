package dev.orgbff.graphql.error;

import java.util.Map;

import graphql.GraphQLError;

/**
 * The caller used up a per-user budget; resolved as a {@code RATE_LIMITED} GraphQL error with
 * {@code extensions.retryAfterSeconds}. Raised before anything is written or sent.
 */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    /**
     * @param what what the budget is for, in a short client-facing phrase, e.g. "invitation emails"
     * @param retryAfterSeconds when enough of the budget is back, in whole seconds (at least 1)
     */
    public RateLimitedException(String what, long retryAfterSeconds) {
        super("Too many " + what + "; try again in " + Math.max(1, retryAfterSeconds) + " s");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds until the budget allows the request. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** This refusal as a top-level {@code RATE_LIMITED} GraphQL error (no path): for a request refused before it runs. */
    public GraphQLError toGraphQlError() {
        return GraphQLError.newError()
                .errorType(ServiceErrorType.RATE_LIMITED)
                .message(getMessage())
                .extensions(Map.of("retryAfterSeconds", retryAfterSeconds))
                .build();
    }
}
