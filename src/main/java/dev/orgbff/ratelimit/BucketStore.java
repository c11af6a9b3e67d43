package dev.orgbff.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this instance's memory or a Redis server shared by every instance. */
interface BucketStore extends AutoCloseable {

    /**
     * Takes {@code tokens} from the bucket {@code key} (created with {@code configuration} when missing), all or none,
     * once subscribed.
     *
     * @return whether they were taken, and otherwise the nanoseconds until they can be; an error when the store
     *     cannot be used now
     */
    Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration, long tokens);

    @Override
    default void close() {
    }
}
