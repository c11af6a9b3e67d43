package dev.orgbff.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.logto.Organization;

/**
 * The result of {@code createOrganization}: the new organization, or why there is none.
 *
 * @param organization the created organization (the viewer is its admin), or {@code null}
 * @param userErrors empty on success
 */
public record CreateOrganizationPayload(@Nullable Organization organization, List<UserError> userErrors) {

    static CreateOrganizationPayload created(Organization organization) {
        return new CreateOrganizationPayload(organization, List.of());
    }

    static CreateOrganizationPayload failed(List<UserError> userErrors) {
        return new CreateOrganizationPayload(null, userErrors);
    }
}
