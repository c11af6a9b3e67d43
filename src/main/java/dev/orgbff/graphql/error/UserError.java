package dev.orgbff.graphql.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An expected business failure reported in a mutation payload. Backs the GraphQL type {@code UserError}.
 *
 * @param field the path of the offending argument, e.g. {@code ["input", "name"]}, or {@code null} when the
 *     failure is not about one argument
 * @param message a short English sentence for people
 * @param code the machine-readable reason
 */
public record UserError(@Nullable List<String> field, String message, UserErrorCode code) {

    /** An error about the argument at {@code field}. */
    public static UserError of(UserErrorCode code, String message, String... field) {
        return new UserError(field.length == 0 ? null : List.of(field), message, code);
    }
}
