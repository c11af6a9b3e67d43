package dev.orgbff.graphql.error;

/**
 * What the caller asked for does not exist or is not visible to them; resolved as a {@code NOT_FOUND}
 * GraphQL error. A missing organization and one the caller is not a member of raise the same exception,
 * so the answer does not leak existence.
 */
public class NotFoundException extends RuntimeException {

    /** @param message a short client-facing sentence, e.g. "Organization not found" */
    public NotFoundException(String message) {
        super(message);
    }
}
