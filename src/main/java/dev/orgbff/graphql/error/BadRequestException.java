package dev.orgbff.graphql.error;

/**
 * An argument is malformed (a cursor this API did not issue, a page size out of range, a search text with
 * control characters); resolved as a {@code BAD_REQUEST} GraphQL error whose message names the argument.
 */
public class BadRequestException extends RuntimeException {

    /**
     * @param argument the argument's name, e.g. {@code first}
     * @param problem what is wrong with it, e.g. "must be between 0 and 100"
     */
    public BadRequestException(String argument, String problem) {
        super("Argument '" + argument + "' " + problem);
    }

}
