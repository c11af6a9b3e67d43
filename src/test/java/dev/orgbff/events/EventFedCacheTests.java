package dev.orgbff.events;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.orgbff.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link EventFedCache} serves and what it reads again, without Spring. */
class EventFedCacheTests {

    private final TestClock clock = new TestClock();
    private final EventStream events = new EventStream(new DefaultListableBeanFactory().getBeanProvider(EventRelay.class));
    private final EventFedCache<String, String> cache = new EventFedCache<>(events, clock, Duration.ofSeconds(30), 10, true);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void get_readOvertakenByInvalidation_doesNotPutItsValueBack() {
        // given
        Sinks.One<String> slowRead = Sinks.one();
        cache.get("bob", () -> {
            reads.incrementAndGet();
            return slowRead.asMono();
        }).subscribe();
        // when
        cache.invalidate("bob"); // the event arrives while the read before it is still out
        slowRead.tryEmitValue("before the change");
        String next = cache.get("bob", this::read).block();
        // then
        assertThat(next).isEqualTo("read 2");
    }

    @Test
    void get_inFlightReadOvertakenByInvalidateIf_doesNotPutItsValueBack() {
        // given
        Sinks.One<String> slowRead = Sinks.one();
        cache.get("carol", slowRead::asMono).subscribe();
        // when
        cache.invalidateIf(value -> false); // its value is not known yet: dropped all the same
        slowRead.tryEmitValue("before the change");
        String next = cache.get("carol", this::read).block();
        // then
        assertThat(next).isEqualTo("read 1");
    }

    @Test
    void get_sameKeyAgain_sharesOneRead() {
        // when
        String first = cache.get("bob", this::read).block();
        String second = cache.get("bob", this::read).block();
        // then
        assertThat(first).isEqualTo("read 1");
        assertThat(second).isEqualTo("read 1");
    }

    @Test
    void get_atMaxStaleness_readsAgain() {
        // given
        cache.get("bob", this::read).block();
        // when
        clock.advance(Duration.ofSeconds(30));
        String next = cache.get("bob", this::read).block();
        // then
        assertThat(next).isEqualTo("read 2");
    }

    @Test
    void get_emptyRead_isNotKept() {
        // given
        cache.get("nobody", Mono::empty).block();
        // when
        String next = cache.get("nobody", this::read).block();
        // then
        assertThat(next).isEqualTo("read 1");
    }

    private Mono<String> read() {
        return Mono.fromSupplier(() -> "read " + reads.incrementAndGet());
    }
}
