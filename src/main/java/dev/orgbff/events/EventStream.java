package dev.orgbff.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.reactivestreams.Publisher;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one stream of {@link ChangeEvent}s inside the service. Webhooks and writes {@link #publish} to it; events of
 * other instances arrive through the {@link EventRelay} (Redis, when configured) and {@link #receive}. Each event is
 * handled once, whatever number of times it arrives (Logto retries a delivery up to 3 times): an event id seen in the
 * last {@value #SEEN_MINUTES} minutes is dropped.
 *
 * <p>Listeners ({@link #onEvent}, the caches) run first, synchronously, so a subscriber that reads after an event
 * reads past the caches it made stale. Subscribers ({@link #events}) then get it. Order between events is not kept
 * (Logto does not keep it either): readers read the current state again rather than apply events.
 */
@Component
public class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final long SEEN_MINUTES = 10;

    private final Sinks.Many<ChangeEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(SEEN_MINUTES)).maximumSize(100_000).build();
    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ObjectProvider<EventRelay> relay;
    private final AtomicLong epoch = new AtomicLong();

    EventStream(ObjectProvider<EventRelay> relay) {
        this.relay = relay;
    }

    /**
     * Publishes an event of this instance (a webhook delivered here, a write made here) to this instance and, through
     * the relay, to every other.
     *
     * @return false when the event was seen before (a retried delivery) and nothing was done
     */
    public boolean publish(ChangeEvent event) {
        if (!deliver(event)) {
            return false;
        }
        EventRelay out = relay.getIfAvailable();
        if (out != null) {
            out.send(event);
        }
        return true;
    }

    /**
     * Delivers an event another instance published (from the relay) to this instance only.
     *
     * @return false when it was seen before
     */
    public boolean receive(ChangeEvent event) {
        return deliver(event);
    }

    /**
     * Calls {@code listener} with every event, before any subscriber gets it, on the thread that delivers it; for
     * the caches. A listener must be quick and must not throw (what it throws is logged and ignored).
     */
    public void onEvent(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Every event from the subscription on (a hot stream: nothing from before). A subscriber that falls
     * {@code buffer} events behind gets an {@link IllegalStateException} (overflow) instead of an ever-growing queue.
     */
    public Flux<ChangeEvent> events(int buffer) {
        return sink.asFlux().onBackpressureBuffer(buffer, dropped -> { }, BufferOverflowStrategy.ERROR);
    }

    /**
     * For a subscriber that starts from a state read now: once {@code start} is read, the events from then on, each
     * handled with it ({@code handle}, one event after the other, so it may keep per-subscription state
     * unsynchronized). A change made while the start is read shows in the start, not as an event. What {@code start}
     * emits (an error, e.g. a refused access) ends the subscription before any event. A subscriber that falls
     * {@code buffer} events behind gets a {@link SlowSubscriberException}.
     */
    public <S, R> Flux<R> follow(int buffer, Mono<S> start, BiFunction<S, ChangeEvent, Publisher<R>> handle) {
        return start.flatMapMany(state -> events(buffer).concatMap(event -> handle.apply(state, event)))
                .onErrorMap(Exceptions::isOverflow, overflow -> new SlowSubscriberException(buffer));
    }

    /**
     * Whether this instance can rely on having every event: always without a relay, and while the relay is
     * connected with one. The event-fed caches are bypassed when it cannot.
     */
    public boolean seesEveryEvent() {
        EventRelay in = relay.getIfAvailable();
        return in == null || in.connected();
    }

    /**
     * A number that grows whenever this instance may have missed events (the relay lost its connection, or got it
     * back): a cache entry stored under an older epoch must not be trusted.
     */
    public long epoch() {
        return epoch.get();
    }

    /** Called by the relay when events may have been missed (connection lost or regained): moves {@link #epoch} on. */
    public void eventsMayBeMissed() {
        epoch.incrementAndGet();
    }

    private boolean deliver(ChangeEvent event) {
        if (seen.asMap().putIfAbsent(event.id(), Boolean.TRUE) != null) {
            return false;
        }
        for (Consumer<ChangeEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException failed) {
                LOG.warn("An event listener failed on {} {}: {}", event.kind(), event.id(), failed.toString());
            }
        }
        synchronized (sink) { // emissions must not overlap: webhooks, writes and the relay deliver from any thread
            sink.tryEmitNext(event);
        }
        return true;
    }

    /** For tests and diagnostics: how many subscribers the stream has now. */
    public int subscribers() {
        return sink.currentSubscriberCount();
    }

    @Override
    public String toString() {
        return "EventStream[" + subscribers() + " subscribers]";
    }

}
