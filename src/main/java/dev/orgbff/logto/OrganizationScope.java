package dev.orgbff.logto;

import org.jspecify.annotations.Nullable;

/**
 * An organization permission (scope) of the template, as {@code GET /api/organization-scopes} lists it.
 *
 * @param id 21 characters {@code [0-9a-z]}
 * @param name unique in the template, e.g. {@code invite:member}
 * @param description free text
 */
public record OrganizationScope(String id, String name, @Nullable String description) {
}
