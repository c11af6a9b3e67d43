package dev.orgbff.organization;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The argument of {@code updateOrganization}: the fields to change; an absent (or null) field is left as
 * it is, except {@code description}, which null clears.
 *
 * @param organizationId the organization to change
 * @param name the new name, 1 to 128 characters once stripped
 * @param description the new description (at most 256 characters once stripped; blank or null clears it),
 *     or omitted to keep it
 * @param customData the new custom data, a JSON object that replaces the old one whole
 * @param isMfaRequired whether members need an MFA factor to get an organization token
 */
public record UpdateOrganizationInput(
        String organizationId,
        @Nullable String name,
        ArgumentValue<String> description,
        @Nullable Object customData,
        @Nullable Boolean isMfaRequired) {
}
