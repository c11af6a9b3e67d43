package dev.orgbff.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This service's access policy ({@code orgbff.access.*}).
 *
 * @param adminRole the organization role (by name, as in the Logto template) that the creator of an
 *     organization receives and that every organization must keep at least one member holding; default
 *     {@code admin}
 * @param permissions the organization permission each operation needs
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
     * @param updateOrganization {@code updateOrganization}; default {@code manage:organization}
     * @param deleteOrganization {@code deleteOrganization}; default {@code delete:organization}
     * @param addMembers {@code addOrganizationMembers}; default {@code manage:member}
     * @param updateMemberRoles {@code updateMemberRoles}; default {@code manage:member}
     * @param removeMembers {@code removeOrganizationMember}; default {@code delete:member}
     * @param inviteMembers {@code inviteMembers}, {@code resendInvitation}, {@code revokeInvitation},
     *     {@code Organization.invitations} and an invitation's {@code acceptUrl}; default {@code invite:member}
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
