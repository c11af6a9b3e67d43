package dev.orgbff.ratelimit;

import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: this instance's memory or a Redis server shared by every instance. */
interface BucketStore extends AutoCloseable {

    /**
     * Takes {@code tokens} from the bucket {@code key} (created with {@code configuration} when missing), all or none.
     *
     * @return whether they were taken, and otherwise the nanoseconds until they can be
     */
    CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration, long tokens);

    @Override
    default void close() {
    }
}
