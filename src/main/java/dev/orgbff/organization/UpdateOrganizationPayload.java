package dev.orgbff.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.logto.Organization;

/**
 * The result of {@code updateOrganization}.
 *
 * @param organization the organization as it is now, or {@code null} when {@code userErrors} is not empty
 * @param userErrors why nothing was changed; empty on success
 */
public record UpdateOrganizationPayload(@Nullable Organization organization, List<UserError> userErrors) {

    static UpdateOrganizationPayload updated(Organization organization) {
        return new UpdateOrganizationPayload(organization, List.of());
    }

    static UpdateOrganizationPayload failed(List<UserError> userErrors) {
        return new UpdateOrganizationPayload(null, userErrors);
    }
}
