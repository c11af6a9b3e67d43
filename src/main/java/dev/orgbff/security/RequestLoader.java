package dev.orgbff.security;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * A typed handle on one per-request DataLoader: the package that owns the data registers its batch
 * function once, at startup, and keeps the handle; {@link Caller} loads through it. The DataLoader's name
 * never leaves this class, so no other code looks a loader up by a string.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RequestLoader<K, V> {

    private final String name;

    private RequestLoader(String name) {
        this.name = name;
    }

    /**
     * Registers a mapped batch loader: each request gets its own DataLoader, which caches per key and
     * calls {@code batch} once per dispatch with every key asked for since the last one. Keys absent
     * from the map load as empty.
     *
     * @param name unique among the application's loaders; shows in DataLoader statistics and errors
     */
    public static <K, V> RequestLoader<K, V> register(BatchLoaderRegistry registry, String name,
            Function<Set<K>, Mono<Map<K, V>>> batch) {
        registry.<K, V>forName(name).registerMappedBatchLoader((keys, environment) -> batch.apply(keys));
        return new RequestLoader<>(name);
    }

    String name() {
        return name;
    }

    @Override
    public String toString() {
        return "RequestLoader[" + name + "]";
    }
}
