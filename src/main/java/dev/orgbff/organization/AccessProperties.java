package dev.orgbff.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This service's access policy ({@code orgbff.access.*}).
 *
 * @param adminRole Organization role, by name as in the Logto organization template, that the creator of an
 *     organization receives and that every organization must keep at least one member holding.
 * @param permissions Organization permission (Logto organization scope) each operation needs.
 */
@Validated
@ConfigurationProperties("orgbff.access")
public record AccessProperties(
        @NotBlank @DefaultValue("admin") String adminRole,
        @Valid @DefaultValue Permissions permissions) {

    /**
     * The organization permission (a Logto organization scope) each operation needs
     * ({@code orgbff.access.permissions.*}); reading an organization, its members and roles, and leaving it
     * need membership only.
     *
     * @param updateOrganization Organization permission needed by updateOrganization and updateJitSettings.
     * @param deleteOrganization Organization permission needed by deleteOrganization.
     * @param addMembers Organization permission needed by addOrganizationMembers.
     * @param updateMemberRoles Organization permission needed by updateMemberRoles.
     * @param removeMembers Organization permission needed by removeOrganizationMember.
     * @param inviteMembers Organization permission needed by inviteMembers, resendInvitation, revokeInvitation,
     *     Organization.invitations and an invitation's acceptUrl.
     */
    public record Permissions(
            @NotBlank @DefaultValue("manage:organization") String updateOrganization,
            @NotBlank @DefaultValue("delete:organization") String deleteOrganization,
            @NotBlank @DefaultValue("manage:member") String addMembers,
            @NotBlank @DefaultValue("manage:member") String updateMemberRoles,
            @NotBlank @DefaultValue("delete:member") String removeMembers,
            @NotBlank @DefaultValue("invite:member") String inviteMembers) {
    }
}
