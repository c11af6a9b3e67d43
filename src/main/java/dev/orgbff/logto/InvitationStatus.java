package dev.orgbff.logto;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An organization invitation's status as Logto writes it ({@code Pending}, {@code Accepted},
 * {@code Expired}, {@code Revoked}). {@code Expired} is computed by Logto on read: a pending invitation
 * past its {@code expiresAt} (CONTRACT.md §5). Backs the GraphQL enum {@code InvitationStatus}.
 */
public enum InvitationStatus {

    /** Can still be accepted or declined (revoked). */
    @JsonProperty("Pending")
    PENDING,
    /** Accepted: the invitee became a member with the invitation's roles. */
    @JsonProperty("Accepted")
    ACCEPTED,
    /** Past its expiry without an answer; cannot change any more. */
    @JsonProperty("Expired")
    EXPIRED,
    /** Revoked by someone who may invite, or declined by the invitee. */
    @JsonProperty("Revoked")
    REVOKED
}
