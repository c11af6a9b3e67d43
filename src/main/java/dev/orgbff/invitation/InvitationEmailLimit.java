package dev.orgbff.invitation;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.graphql.RateLimitedException;

/**
 * The per-user budget of invitation emails ({@code orgbff.invitations.emails-per-hour}, default 100): a
 * Bucket4j token bucket per user, refilled gradually over an hour, so one account cannot spam through the
 * service. Buckets live in this instance (a bounded Caffeine cache of the users active in the last hour);
 * Bucket4j's proxy managers can move them to a shared store such as Redis when several instances must
 * share one budget.
 */
@Component
class InvitationEmailLimit {

    private static final Duration PERIOD = Duration.ofHours(1);

    private final int emailsPerHour;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(PERIOD)
            .maximumSize(100_000)
            .build();

    InvitationEmailLimit(InvitationProperties properties) {
        this.emailsPerHour = properties.emailsPerHour();
    }

    /**
     * Takes {@code emails} from the user's budget, all or none.
     *
     * @throws RateLimitedException (emitted) when the budget does not hold that many now, with the seconds until it will
     */
    Mono<Void> take(String userId, int emails) {
        if (emails == 0) {
            return Mono.empty();
        }
        Bucket bucket = buckets.get(userId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(emailsPerHour).refillGreedy(emailsPerHour, PERIOD))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(emails);
        if (probe.isConsumed()) {
            return Mono.empty();
        }
        long seconds = emails > emailsPerHour ? PERIOD.toSeconds() : TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
        return Mono.error(new RateLimitedException("invitation emails", seconds));
    }
}
