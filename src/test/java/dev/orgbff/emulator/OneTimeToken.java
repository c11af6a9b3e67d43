package dev.orgbff.emulator;

/**
 * A stored one-time token (Logto's magic link, CONTRACT.md "One-time tokens").
 *
 * @param email stored as given (Logto does not normalise or validate it)
 * @param token the secret the sign-in link carries
 * @param status {@code active}, {@code consumed} or {@code revoked}
 * @param createdAt epoch milliseconds
 * @param expiresAt epoch milliseconds
 */
public record OneTimeToken(String id, String email, String token, String status, long createdAt, long expiresAt) {
}
