package dev.orgbff.organization;

import java.util.List;

import dev.orgbff.graphql.error.UserError;

/**
 * The result of {@code deleteOrganization}.
 *
 * @param deletedOrganizationId the id of the deleted organization
 * @param userErrors always empty: a caller without the permission gets a {@code FORBIDDEN} error instead;
 *     kept so that the payload can grow without breaking clients
 */
public record DeleteOrganizationPayload(String deletedOrganizationId, List<UserError> userErrors) {

    static DeleteOrganizationPayload deleted(String organizationId) {
        return new DeleteOrganizationPayload(organizationId, List.of());
    }
}
