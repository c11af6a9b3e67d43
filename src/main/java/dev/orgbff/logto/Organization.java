package dev.orgbff.logto;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Logto organization, as {@code GET/POST/PATCH /api/organizations[/{id}]} answer it. Backs the GraphQL
 * type {@code Organization}.
 *
 * @param id 12 characters {@code [0-9a-z]}
 * @param name 1 to 128 characters; not unique
 * @param description at most 256 characters
 * @param customData any JSON object; Logto replaces it whole on PATCH
 * @param isMfaRequired whether members need an MFA factor to get an organization token
 * @param createdAt epoch milliseconds
 */
public record Organization(
        String id,
        String name,
        @Nullable String description,
        @Nullable Map<String, Object> customData,
        boolean isMfaRequired,
        long createdAt) {
}
