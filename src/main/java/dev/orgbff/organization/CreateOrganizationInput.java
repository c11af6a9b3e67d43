package dev.orgbff.organization;

import org.jspecify.annotations.Nullable;

/**
 * The argument of {@code createOrganization}.
 *
 * @param name the new organization's name, 1 to 128 characters once stripped
 *     ({@link dev.orgbff.graphql.input.TextInput})
 * @param description at most 256 characters once stripped; blank means none
 */
public record CreateOrganizationInput(String name, @Nullable String description) {
}
