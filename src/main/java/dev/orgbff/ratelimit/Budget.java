package dev.orgbff.ratelimit;

import java.time.Duration;

/**
 * One kind of per-user budget: {@code capacity} tokens, refilled gradually over {@code period}.
 *
 * @param key the budget's part of a bucket's key, e.g. {@code mutations}
 * @param what what the tokens are for, in a short client-facing phrase, e.g. {@code "mutations"}
 */
public record Budget(String key, String what, long capacity, Duration period) {

    /** Mutation fields: {@code perMinute} a minute. */
    public static Budget mutations(int perMinute) {
        return new Budget("mutations", "mutations", perMinute, Duration.ofMinutes(1));
    }

    /** Invitation emails, invited or resent: {@code perHour} an hour. */
    public static Budget invitationEmails(int perHour) {
        return new Budget("invitation-emails", "invitation emails", perHour, Duration.ofHours(1));
    }
}
