package dev.orgbff.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Values read from Logto, shared by every request of this instance until an event drops them, and never served older
 * than {@code orgbff.cache.max-staleness} ({@link CacheProperties}). Its owner drops entries from an
 * {@link EventStream#onEvent} listener. Nothing is served, and nothing stored, while this instance may miss events
 * ({@link EventStream#seesEveryEvent()} false), nor when it was stored under an older {@link EventStream#epoch()}:
 * those read Logto in every request.
 *
 * <p>An entry is the read itself, put in when the read starts: concurrent requests share one read in flight, a
 * failed or empty read is not kept, and a read that an invalidation overtakes is dropped with it, so it cannot put a
 * value older than the invalidation back. Time is the application's {@link Clock}.
 *
 * @param <K> the key
 * @param <V> the value read
 */
public final class EventFedCache<K, V> {

    /** A value with when its read started and under which epoch. */
    private record Entry<V>(V value, long epoch, Instant readAt) {
    }

    private final AsyncCache<K, Entry<V>> entries;
    private final EventStream events;
    private final Clock clock;
    private final Duration maxStaleness;
    private final boolean enabled;

    /**
     * @param maxStaleness the longest a value is served after its read started; 0 turns the cache off
     * @param maximumSize how many entries are held at most (the least used go first)
     * @param enabled false reads Logto every time (e.g. no webhooks configured, so no events would drop entries)
     */
    public EventFedCache(EventStream events, Clock clock, Duration maxStaleness, long maximumSize, boolean enabled) {
        this.events = events;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
        this.enabled = enabled && !maxStaleness.isZero() && !maxStaleness.isNegative();
        this.entries = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(this.enabled ? maxStaleness : Duration.ofNanos(1))
                .maximumSize(maximumSize)
                .buildAsync();
    }

    /** Whether values are shared at all. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The value of {@code key}: the cached one while it may be served, else {@code read} (subscribed at most once at
     * a time per key, shared with concurrent callers). Cancelling the returned Mono does not cancel a shared read.
     */
    public Mono<V> get(K key, Supplier<Mono<V>> read) {
        if (!enabled || !events.seesEveryEvent()) {
            return read.get();
        }
        return Mono.defer(() -> {
            CompletableFuture<Entry<V>> held = entries.getIfPresent(key);
            Entry<V> entry = held == null ? null : completed(held);
            if (entry != null && !servable(entry)) {
                entries.asMap().remove(key, held);
            }
            long epoch = events.epoch();
            Instant readAt = clock.instant();
            return Mono.fromFuture(() -> entries.get(key, (ignored, executor) ->
                    read.get().map(value -> new Entry<>(value, epoch, readAt)).toFuture()), true);
        }).map(Entry::value);
    }

    /** The cached value of {@code key} while it may be served, without reading it: empty when there is none. */
    public Optional<V> getIfPresent(K key) {
        if (!enabled || !events.seesEveryEvent()) {
            return Optional.empty();
        }
        CompletableFuture<Entry<V>> held = entries.getIfPresent(key);
        Entry<V> entry = held == null ? null : completed(held);
        return entry != null && servable(entry) ? Optional.of(entry.value()) : Optional.empty();
    }

    /** Drops the value of {@code key}, and its read in flight. */
    public void invalidate(K key) {
        entries.synchronous().invalidate(key);
    }

    /** Drops every value {@code stale} holds true of, and every read in flight (whose value is not known yet). */
    public void invalidateIf(Predicate<V> stale) {
        entries.asMap().forEach((key, held) -> {
            Entry<V> entry = completed(held);
            if (!held.isDone() || (entry != null && stale.test(entry.value()))) {
                entries.asMap().remove(key, held);
            }
        });
    }

    /** Drops everything, reads in flight included. */
    public void invalidateAll() {
        entries.synchronous().invalidateAll();
    }

    /** The entry of a read that is over and succeeded; null for one in flight, failed or empty. */
    private static <V> @Nullable Entry<V> completed(CompletableFuture<Entry<V>> held) {
        return held.isDone() && !held.isCompletedExceptionally() ? held.join() : null;
    }

    private boolean servable(Entry<V> entry) {
        return entry.epoch() == events.epoch() && clock.instant().isBefore(entry.readAt().plus(maxStaleness));
    }
}
