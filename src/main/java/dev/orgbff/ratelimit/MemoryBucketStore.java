package dev.orgbff.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Buckets in this instance: a bounded Caffeine cache of the users active within the longest budget period (an
 * idle user's bucket would be full again by then anyway).
 */
final class MemoryBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets;

    MemoryBucketStore(Duration idle) {
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(100_000).build();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration, long tokens) {
        return Mono.fromSupplier(() -> buckets.get(key, ignored -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(tokens));
    }
}
