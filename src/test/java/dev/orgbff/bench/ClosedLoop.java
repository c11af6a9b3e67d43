package dev.orgbff.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Clients in a closed loop: each sends its next request when the last one answered, until the time is up;
 * a request under way then finishes (and counts), none starts. Latencies go to an HdrHistogram in
 * microseconds (3 significant digits, up to 5 minutes).
 */
final class ClosedLoop {

    /** One request; answers whether it succeeded. Called from several threads at once. */
    @FunctionalInterface
    interface Request {
        boolean send() throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param latencies microseconds
     * @param elapsedNanos from the start to the last answer
     * @param firstError the first failure's message, or {@code null}
     */
    record Outcome(Histogram latencies, long requests, long errors, long elapsedNanos, String firstError) {

        double requestsPerSecond() {
            return requests * 1e9 / elapsedNanos;
        }

        double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private ClosedLoop() {
    }

    static Outcome run(int clients, Duration duration, Request request) throws InterruptedException {
        Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    boolean ok;
                    try {
                        ok = request.send();
                        if (!ok) {
                            firstError.compareAndSet(null, "an answer with errors or without the expected data");
                        }
                    } catch (Exception e) {
                        ok = false;
                        firstError.compareAndSet(null, e.toString());
                    }
                    long answered = System.nanoTime();
                    latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(answered - sent), latencies.getHighestTrackableValue()));
                    requests.incrementAndGet();
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    lastAnswer.accumulateAndGet(answered, Math::max);
                }
            }, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Outcome(latencies, requests.get(), errors.get(), Math.max(1, lastAnswer.get() - start), firstError.get());
    }
}
