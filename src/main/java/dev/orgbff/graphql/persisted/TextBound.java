package dev.orgbff.graphql.persisted;

import java.util.function.ToIntBiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * A bound on a cache of documents by the characters of text its entries keep, all together, rather than by their
 * number: the heap an entry takes grows with its text, and any token holder may send as many distinct documents as
 * they like, each up to {@code max-request-size}. The least recently used entries go first (Caffeine evicts shortly
 * after a write, in the background). The parsed-document cache ({@link DocumentCache}) and the registry of automatic
 * persisted queries ({@link AutomaticPersistedQueries}) are each bounded so; the heap they may take together is the
 * sum of their bounds times their bytes per character.
 *
 * @param characters the most characters kept, all entries together
 */
public record TextBound(long characters) {

    /**
     * A cache bounded so, whose size and hit rate are the {@code cache.*} metrics tagged {@code cache=name}.
     *
     * @param charactersOf the characters one entry keeps (its text, and its key when that is text of its own)
     */
    <K, V> Cache<K, V> cache(ToIntBiFunction<K, V> charactersOf, String name, MeterRegistry meters) {
        Cache<K, V> cache = Caffeine.newBuilder()
                .maximumWeight(characters)
                .<K, V>weigher(charactersOf::applyAsInt)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, name);
        return cache;
    }
}
