package dev.orgbff.graphql.error;

/**
 * The caller is a member of the organization but lacks the organization permission an operation needs,
 * or uses a token that may not do it; resolved as a {@code FORBIDDEN} GraphQL error. Raised before any
 * upstream write.
 */
public class ForbiddenException extends RuntimeException {

    /** @param message a short client-facing sentence naming what is missing, e.g. the permission */
    public ForbiddenException(String message) {
        super(message);
    }
}
