package dev.orgbff.logto;

import org.jspecify.annotations.Nullable;

/**
 * A Logto user, as {@code GET /api/users/{userId}} and the user search answer it (only the fields this
 * service reads). Backs the GraphQL type {@code User}.
 *
 * @param id 12 characters {@code [0-9a-z]}
 * @param username the sign-in username, if any
 * @param name the display name, if any
 * @param primaryEmail the verified primary email, if any
 * @param avatar an image URL, if any
 */
public record User(
        String id,
        @Nullable String username,
        @Nullable String name,
        @Nullable String primaryEmail,
        @Nullable String avatar) {
}
