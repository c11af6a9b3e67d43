package dev.orgbff.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The latency and the faults to inject, per route key. Thread-safe: requests consult it concurrently
 * while tests change it.
 */
final class FaultPlan {

    /** A queued entry that lets one call through unharmed (see {@link #failAfter}). */
    private static final Fault PASS = Fault.status(200, "pass");

    private final Map<String, Deque<Fault>> once = new ConcurrentHashMap<>();
    private final Map<String, Fault> always = new ConcurrentHashMap<>();
    private final Set<CountDownLatch> held = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ZERO;
    private volatile @Nullable Chaos chaos;
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger lostAnswers = new AtomicInteger();

    private record Chaos(double unavailable, double lostAnswer) {
    }

    void latency(Duration perCall) {
        if (perCall.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + perCall);
        }
        this.latency = perCall;
    }

    void failNext(String route, Fault fault) {
        once.compute(route, (key, queue) -> {
            Deque<Fault> faults = queue == null ? new ArrayDeque<>() : queue;
            faults.addLast(fault);
            return faults;
        });
    }

    /** Lets {@code skip} calls through, then answers the next one with {@code fault}. */
    void failAfter(String route, int skip, Fault fault) {
        once.compute(route, (key, queue) -> {
            Deque<Fault> faults = queue == null ? new ArrayDeque<>() : queue;
            for (int i = 0; i < skip; i++) {
                faults.addLast(PASS);
            }
            faults.addLast(fault);
            return faults;
        });
    }

    void fail(String route, Fault fault) {
        always.put(route, fault);
    }

    /**
     * From now on each Management API call without a fault of its own answers 503 with probability
     * {@code unavailable}, or is carried out without an answer ({@link Fault#lostAnswer()}) with probability
     * {@code lostAnswer}; both 0 turn it off.
     */
    void chaos(double unavailable, double lostAnswer) {
        this.chaos = unavailable == 0 && lostAnswer == 0 ? null : new Chaos(unavailable, lostAnswer);
        this.unavailable.set(0);
        this.lostAnswers.set(0);
    }

    /** The fault {@link #chaos} rolls for one call, or {@code null}. */
    @Nullable Fault roll() {
        Chaos current = chaos;
        if (current == null) {
            return null;
        }
        double dice = ThreadLocalRandom.current().nextDouble();
        if (dice < current.unavailable()) {
            unavailable.incrementAndGet();
            return Fault.status(503, "chaos.unavailable", "Injected at random by the Logto emulator.");
        }
        if (dice < current.unavailable() + current.lostAnswer()) {
            lostAnswers.incrementAndGet();
            return Fault.lostAnswer();
        }
        return null;
    }

    /** The 503s and the lost answers {@link #chaos} produced since it was set. */
    int[] chaosCounts() {
        return new int[] {unavailable.get(), lostAnswers.get()};
    }

    /** The fault for this call, if any: a queued one-shot fault first, then a standing one. */
    @Nullable Fault take(String route) {
        Fault[] next = new Fault[1];
        once.computeIfPresent(route, (key, queue) -> {
            next[0] = queue.pollFirst();
            return queue.isEmpty() ? null : queue;
        });
        if (next[0] == PASS) {
            return null;
        }
        return next[0] != null ? next[0] : always.get(route);
    }

    void sleepLatency() {
        Duration current = latency;
        if (current.isZero()) {
            return;
        }
        try {
            Thread.sleep(current.toMillis(), current.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks the calling request thread for {@code hold}, or until {@link #releaseHeld()}. */
    void hold(Duration hold) {
        CountDownLatch latch = new CountDownLatch(1);
        held.add(latch);
        try {
            latch.await(hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.remove(latch);
        }
    }

    void releaseHeld() {
        held.forEach(CountDownLatch::countDown);
    }

    /** Drops every fault and the latency, and lets held requests go. */
    void clear() {
        once.clear();
        always.clear();
        chaos = null;
        latency = Duration.ZERO;
        releaseHeld();
    }

    void clearFaults() {
        once.clear();
        always.clear();
        chaos = null;
    }
}
