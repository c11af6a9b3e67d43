package dev.orgbff.logto;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Logto's organization invitations ({@code /api/organization-invitations/**}, CONTRACT.md §5) and
 * one-time tokens (magic links), typed. Every method is lazy and fails with {@link LogtoApiException} when
 * Logto answers an error status, or with {@link LogtoUnavailableException} when it cannot answer; reads are
 * retried on transient failures, writes are sent once (a status change or a message must not happen twice).
 */
public class InvitationsApi {

    private static final String INVITATIONS = "/api/organization-invitations";

    private final LogtoHttp http;

    InvitationsApi(LogtoHttp http) {
        this.http = http;
    }

    /** {@code GET /api/organization-invitations?organizationId=}: every invitation of the organization, newest first, unpaginated. */
    public Mono<List<Invitation>> organizationInvitations(String organizationId) {
        return list("organizationId", organizationId);
    }

    /** {@code GET /api/organization-invitations?invitee=}: every invitation to this address (matched case-insensitively), newest first. */
    public Mono<List<Invitation>> inviteeInvitations(String invitee) {
        return list("invitee", invitee);
    }

    private Mono<List<Invitation>> list(String filter, String value) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add(filter, value);
        // Logto does not page these: decoded element by element, so thousands of invitations fit no buffer limit
        return http.get(INVITATIONS, Map.of(), query, response -> response.bodyToFlux(Invitation.class).collectList());
    }

    /** {@code GET /api/organization-invitations/{id}}; empty when there is none (404 {@code entity.not_found}). */
    public Mono<Invitation> invitation(String invitationId) {
        return http.get(INVITATIONS + "/{id}", Map.of("id", invitationId), LogtoHttp.NO_QUERY, response -> response.bodyToMono(Invitation.class))
                .onErrorResume(LogtoApiException.class, error -> error.status() == 404 ? Mono.empty() : Mono.error(error));
    }

    /**
     * {@code POST /api/organization-invitations} without a message (201): a pending invitation. Fails with
     * {@link LogtoApiException} 422 {@code request.invalid_input} when the invitee is already a member
     * (Logto compares the primary email case-sensitively), 422 {@code entity.unique_integrity_violation}
     * when a pending one exists for the invitee and organization, 422
     * {@code entity.relation_foreign_key_not_found} for an unknown organization, inviter or role, and 400
     * when {@code expiresAt} is not in the future.
     *
     * @param expiresAt epoch milliseconds, in the future
     */
    public Mono<Invitation> createInvitation(String organizationId, String inviterId, String invitee, List<String> roleIds,
            long expiresAt) {
        return http.write(HttpMethod.POST, INVITATIONS, Map.of(),
                BodyInserters.fromValue(new NewInvitation(inviterId, invitee, organizationId, expiresAt, roleIds, false)),
                response -> response.bodyToMono(Invitation.class));
    }

    /**
     * {@code PUT /api/organization-invitations/{id}/status} {@code Accepted} with the accepting user: adds
     * them to the organization with the invitation's roles (200). Fails with {@link LogtoApiException} 422
     * {@code request.invalid_input} when the invitation is no longer pending or the user's primary email
     * is not the invitee's (Logto does not say which).
     */
    public Mono<Invitation> acceptInvitation(String invitationId, String userId) {
        return setStatus(invitationId, new StatusChange(InvitationStatus.ACCEPTED, userId));
    }

    /** {@code PUT /api/organization-invitations/{id}/status} {@code Revoked} (200); 422 when it is no longer pending. */
    public Mono<Invitation> revokeInvitation(String invitationId) {
        return setStatus(invitationId, new StatusChange(InvitationStatus.REVOKED, null));
    }

    private Mono<Invitation> setStatus(String invitationId, StatusChange change) {
        return http.write(HttpMethod.PUT, INVITATIONS + "/{id}/status", Map.of("id", invitationId),
                BodyInserters.fromValue(change), response -> response.bodyToMono(Invitation.class));
    }

    /**
     * {@code POST /api/organization-invitations/{id}/message} with {@code {link}}: Logto emails the invitee
     * through the tenant's email connector (204). Fails with {@link LogtoApiException} 501
     * {@code connector.not_found} without an email connector, and with {@link LogtoUnavailableException}
     * when rate-limited (429). Sent once, never retried: a retry could send the email twice.
     */
    public Mono<Void> sendInvitationMessage(String invitationId, String link) {
        return http.write(HttpMethod.POST, INVITATIONS + "/{id}/message", Map.of("id", invitationId),
                BodyInserters.fromValue(new Message(link)), WebClient.ResponseSpec::toBodilessEntity).then();
    }

    /**
     * {@code POST /api/one-time-tokens}: a one-time sign-in token (magic link) for this email (201). Logto
     * neither validates nor normalises the email: pass it lower-cased.
     *
     * @param expiresInSeconds the token's lifetime in seconds
     * @return the token itself: a secret, for the email only
     */
    public Mono<String> createOneTimeToken(String email, long expiresInSeconds) {
        return http.write(HttpMethod.POST, "/api/one-time-tokens", Map.of(),
                        BodyInserters.fromValue(new NewOneTimeToken(email, expiresInSeconds)),
                        response -> response.bodyToMono(OneTimeToken.class))
                .map(OneTimeToken::token);
    }

    private record NewInvitation(String inviterId, String invitee, String organizationId, long expiresAt,
            List<String> organizationRoleIds, boolean messagePayload) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record StatusChange(InvitationStatus status, @Nullable String acceptedUserId) {
    }

    private record Message(String link) {
        @Override
        public String toString() {
            return "Message[link=<hidden>]"; // a magic link carries a sign-in token
        }
    }

    private record NewOneTimeToken(String email, long expiresIn) {
    }

    private record OneTimeToken(String token) {
        @Override
        public String toString() {
            return "OneTimeToken[<hidden>]";
        }
    }
}
