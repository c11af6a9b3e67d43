package dev.orgbff.invitation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How invitations are sent ({@code orgbff.invitations.*}). Validated at startup.
 *
 * @param acceptUrl Link an invitation email carries: an http(s) URL holding {invitationId}, such as
 *     https://app.example.com/invitations/{invitationId}, the page of your app that shows the invitation and
 *     calls acceptInvitation. Required.
 * @param magicLink Whether the emailed link also carries a Logto one-time token and the invitee's email
 *     (query parameters token and email), so an invitee without an account can sign in from the email.
 * @param emailsPerHour Invitation emails one user may send per hour; each invited or resent address counts one.
 */
@Validated
@ConfigurationProperties("orgbff.invitations")
public record InvitationProperties(
        @NotBlank
        @Pattern(regexp = "https?://[^\\s]*\\{invitationId}[^\\s]*",
                message = "must be an http(s) URL holding {invitationId}, such as https://app.example.com/invitations/{invitationId}")
        String acceptUrl,
        @DefaultValue("false") boolean magicLink,
        @Positive @DefaultValue("100") int emailsPerHour) {
}
