package dev.orgbff.invitation;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.logto.Invitation;
import dev.orgbff.logto.InvitationsApi;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoUnavailableException;

/**
 * Sends invitation emails through Logto ({@code POST /api/organization-invitations/{id}/message}, which
 * fills the tenant's email template with the link): the plain accept link from
 * {@code orgbff.invitations.accept-url}, or, with {@code orgbff.invitations.magic-link}, that link plus a
 * one-time sign-in token for the invitee's email ({@code POST /api/one-time-tokens}, living as long as the
 * invitation). The token appears only in the email: never in a response or a log line.
 */
@Component
class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

    private final InvitationsApi logto;
    private final InvitationProperties properties;
    private final Clock clock;

    InvitationMailer(InvitationsApi logto, InvitationProperties properties, Clock clock) {
        this.logto = logto;
        this.properties = properties;
        this.clock = clock;
    }

    /** The plain accept link of an invitation, without any token: what people who may invite see as {@code acceptUrl}. */
    String acceptUrl(String invitationId) {
        return properties.acceptUrl().replace("{invitationId}", UriUtils.encodePathSegment(invitationId, "UTF-8"));
    }

    /**
     * Emails the invitee. Calls: {@code POST /api/one-time-tokens} with magic links on, then the message. A
     * refusal (no email connector: 501; Logto's mail rate limit: 429; any other failure) keeps the invitation
     * and answers an {@code EMAIL_NOT_SENT} user error naming {@code field}; success answers none.
     */
    Mono<List<UserError>> send(Invitation invitation, String... field) {
        Mono<String> link = properties.magicLink()
                ? logto.createOneTimeToken(invitation.invitee(), secondsUntil(invitation.expiresAt()))
                        .map(token -> magicLink(invitation, token))
                : Mono.just(acceptUrl(invitation.id()));
        return link.flatMap(url -> logto.sendInvitationMessage(invitation.id(), url))
                .thenReturn(List.<UserError>of())
                .onErrorResume(error -> error instanceof LogtoApiException || error instanceof LogtoUnavailableException, error -> {
                    log.warn("The email of invitation {} was not sent ({})", invitation.id(), error.getMessage());
                    return Mono.just(List.of(UserError.of(UserErrorCode.EMAIL_NOT_SENT,
                            "The invitation was created, but its email could not be sent. Share its link another way.", field)));
                });
    }

    private String magicLink(Invitation invitation, String token) {
        URI link = UriComponentsBuilder.fromUriString(acceptUrl(invitation.id()))
                .queryParam("token", "{token}")
                .queryParam("email", "{email}")
                .build(token, invitation.invitee());
        return link.toString();
    }

    /** A one-time token lives as long as the invitation, and at least a minute. */
    private long secondsUntil(long epochMillis) {
        return Math.max(60, (epochMillis - clock.millis()) / 1000);
    }
}
