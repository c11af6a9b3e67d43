package dev.orgbff.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * One GraphQL request's caller: the {@link Viewer} its access token describes and the request's
 * DataLoaders, built once per request by {@link CallerInstrumentation} and kept in the GraphQL context.
 * Controllers receive it as a method argument and hand it to services, which load per-request data
 * through it; so every field of a request shares one upstream call per kind of data.
 *
 * <p>Loads must be started while a data fetcher runs (not in the continuation of another load): the
 * DataLoaders are dispatched when every fetcher of a level has been called.
 */
public final class Caller {

    /** The key of the caller in the GraphQL context, e.g. for {@code @ContextValue(Caller.CONTEXT_KEY)} in a {@code @BatchMapping}. */
    public static final String CONTEXT_KEY = "dev.orgbff.security.Caller";

    private final Viewer viewer;
    private final boolean mutation;
    private final DataLoaderRegistry loaders;
    private final Context requestContext;
    private final Map<String, Prefetch> prefetched = new ConcurrentHashMap<>();

    /** A read started ahead: its cached outcome and the subscription that started it. */
    private record Prefetch(Mono<?> held, Disposable started) {
    }

    /**
     * @param requestContext the Reactor context the request's data fetchers run in (its trace among it), given to
     *     the reads started ahead, which no data fetcher subscribes to
     */
    Caller(Viewer viewer, boolean mutation, DataLoaderRegistry loaders, ContextView requestContext) {
        this.viewer = viewer;
        this.mutation = mutation;
        this.loaders = loaders;
        this.requestContext = Context.of(requestContext); // copied once, not at each read
    }

    /** Who is calling, as their validated access token says. */
    public Viewer viewer() {
        return viewer;
    }

    /**
     * Whether the request is a mutation: its reads, permission checks included, go to Logto, never to what other
     * requests left in a shared cache. Queries (and subscriptions) may be answered from one.
     */
    public boolean readsLive() {
        return mutation;
    }

    /**
     * The value of {@code key}, loaded together with every other key of the same loader asked for before the
     * next dispatch, and cached for the rest of the request; empty when the batch function had no value for
     * it. Cancelling the returned Mono does not cancel the shared load.
     */
    public <K, V> Mono<V> load(RequestLoader<K, V> loader, K key) {
        return Mono.fromFuture(() -> dataLoader(loader).load(key), true);
    }

    /**
     * The value of {@code key} when this request has loaded it already, without starting a load: empty when it was not
     * asked for, is still loading, failed, or loaded as empty. For fields whose value is then in hand, answered without
     * a {@code Mono} or a future.
     */
    public <K, V> Optional<V> loaded(RequestLoader<K, V> loader, K key) {
        return dataLoader(loader).getIfCompleted(key)
                .filter(future -> !future.isCompletedExceptionally())
                .map(CompletableFuture::join);
    }

    /** {@code read} subscribed in the request's Reactor context (its trace among it), for a data fetcher that hands graphql-java a future itself. */
    public <T> CompletableFuture<T> future(Mono<T> read) {
        return read.contextWrite(requestContext).toFuture();
    }

    /** Caches a value the request already has (e.g. a user from a member row), so loading that key costs no call. */
    public <K, V> void prime(RequestLoader<K, V> loader, K key, V value) {
        dataLoader(loader).prime(key, value);
    }

    /** Whether the request holds {@code key} already: loaded, being loaded or primed. */
    public <K, V> boolean holds(RequestLoader<K, V> loader, K key) {
        return dataLoader(loader).getIfPresent(key).isPresent();
    }

    /**
     * Rewrites a value already loaded for this request after a write whose result the request knows (e.g. the
     * answer of a PATCH), so later fields and checks see it without another call; nothing when it is not loaded.
     */
    public <K, V> void update(RequestLoader<K, V> loader, K key, UnaryOperator<V> change) {
        DataLoader<K, V> dataLoader = dataLoader(loader);
        dataLoader.getIfCompleted(key)
                .filter(future -> !future.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .ifPresent(value -> dataLoader.clear(key).prime(key, change.apply(value)));
    }

    /** Drops a cached value after a write changed it, so the next load of {@code key} asks Logto again. */
    public <K, V> void forget(RequestLoader<K, V> loader, K key) {
        dataLoader(loader).clear(key);
    }

    /**
     * Starts now the read of a field further down the query, at {@code path} (e.g. {@code /organization/members}), so
     * it goes out together with the current field's own calls instead of a round trip later. The field takes it over
     * with {@link #prefetched}; until then its outcome, error included, is held.
     */
    public void prefetch(String path, Mono<?> read) {
        Mono<?> held = read.cache();
        // the error is the field's to report
        Disposable started = held.subscribe(value -> { }, error -> { }, null, requestContext);
        prefetched.put(path, new Prefetch(held, started));
    }

    /** The read {@link #prefetch}ed for the field at {@code path}, or {@code read} itself when none was. */
    @SuppressWarnings("unchecked") // the path names one field, so one type
    public <T> Mono<T> prefetched(String path, Supplier<Mono<T>> read) {
        Prefetch prefetch = prefetched.remove(path);
        return prefetch != null ? (Mono<T>) prefetch.held() : read.get();
    }

    /**
     * Forgets everything the request has loaded, for a subscription: graphql-java runs every event of one
     * subscription with the request's DataLoaders, so without this each event would show the state at
     * subscription start. Call it before an event's checks and fields read.
     */
    public void forgetAll() {
        loaders.getDataLoaders().forEach(DataLoader::clearAll);
    }

    /**
     * Runs {@code reads} (loads through this caller) and dispatches them at once: for reads outside a data fetcher
     * (a subscription's per-event checks), which no DataLoader dispatch of graphql-java would send.
     */
    public <T> Mono<T> dispatched(Mono<T> reads) {
        return Mono.defer(() -> {
            CompletableFuture<T> started = reads.toFuture(); // subscribing queues the loads
            loaders.dispatchAll();
            return Mono.fromFuture(started, true);
        });
    }

    /** Cancels the reads started ahead for fields that never ran (e.g. under an organization the viewer may not see). */
    void dropUnusedPrefetches() {
        prefetched.values().forEach(prefetch -> prefetch.started().dispose());
        prefetched.clear();
    }

    /** The request's DataLoader of {@code loader}, created on its first use and registered where graphql-java dispatches. */
    private <K, V> DataLoader<K, V> dataLoader(RequestLoader<K, V> loader) {
        return loaders.computeIfAbsent(loader.name(), name -> loader.newDataLoader(requestContext));
    }

    @Override
    public String toString() {
        return "Caller[" + viewer.userId() + "]";
    }
}
