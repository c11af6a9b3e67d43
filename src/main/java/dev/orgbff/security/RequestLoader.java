package dev.orgbff.security;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.MappedBatchLoader;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * A typed handle on one per-request DataLoader: the package that owns the data creates it once, at startup, with its
 * batch function, and keeps the handle; {@link Caller} loads through it. A request gets the DataLoader the first time
 * it loads through the handle, not before: a switcher uses two of the application's seven, and building every one for
 * every request (as Spring's {@code BatchLoaderRegistry} does, then again for its observation) cost more than the
 * loads. The DataLoader's name never leaves this class, so no other code looks a loader up by a string.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RequestLoader<K, V> {

    private final String name;
    private final Function<Set<K>, Mono<Map<K, V>>> batch;

    private RequestLoader(String name, Function<Set<K>, Mono<Map<K, V>>> batch) {
        this.name = name;
        this.batch = batch;
    }

    /**
     * A mapped batch loader: each request gets its own DataLoader, which caches per key and calls {@code batch} once
     * per dispatch with every key asked for since the last one. Keys absent from the map load as empty.
     *
     * @param name unique among the application's loaders; shows in DataLoader statistics, errors and traces
     */
    public static <K, V> RequestLoader<K, V> of(String name, Function<Set<K>, Mono<Map<K, V>>> batch) {
        return new RequestLoader<>(name, batch);
    }

    String name() {
        return name;
    }

    /** A new DataLoader for one request, whose batches run in the request's Reactor context (its trace among it). */
    DataLoader<K, V> newDataLoader(Context requestContext) {
        MappedBatchLoader<K, V> loader = keys -> batch.apply(keys).contextWrite(requestContext).toFuture();
        return DataLoaderFactory.<K, V>builder().name(name).mappedBatchLoader(loader).build();
    }

    @Override
    public String toString() {
        return "RequestLoader[" + name + "]";
    }
}
