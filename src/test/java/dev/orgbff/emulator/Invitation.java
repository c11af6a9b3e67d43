package dev.orgbff.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A stored organization invitation.
 *
 * @param status    the stored status; {@link #statusAt(long)} gives the one Logto shows
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 * @param expiresAt epoch milliseconds
 * @param roleIds   the organization roles granted on acceptance
 * @param sequence  insertion counter: breaks {@code createdAt} ties in {@code order by created_at desc}
 */
record Invitation(String id, @Nullable String inviterId, String invitee, @Nullable String acceptedUserId,
        String organizationId, String status, long createdAt, long updatedAt, long expiresAt, List<String> roleIds,
        long sequence) {

    static final String PENDING = "Pending";
    static final String ACCEPTED = "Accepted";
    static final String EXPIRED = "Expired";
    static final String REVOKED = "Revoked";

    /** Logto computes {@code Expired} on read: a Pending row past {@code expiresAt} shows as Expired (CONTRACT.md §5). */
    String statusAt(long nowMillis) {
        return isStalePending(nowMillis) ? EXPIRED : status;
    }

    /** Stored as Pending but past {@code expiresAt}: shown as Expired, still holding the unique index until rewritten. */
    boolean isStalePending(long nowMillis) {
        return PENDING.equals(status) && expiresAt < nowMillis;
    }

    Invitation withStatus(String newStatus, @Nullable String newAcceptedUserId, long nowMillis) {
        return new Invitation(id, inviterId, invitee, newAcceptedUserId, organizationId, newStatus, createdAt, nowMillis,
                expiresAt, roleIds, sequence);
    }
}
