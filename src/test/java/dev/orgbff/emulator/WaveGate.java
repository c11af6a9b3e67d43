package dev.orgbff.emulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts dependent round trips without timing anything: while on, every Management API call is held until
 * no further call has arrived for a quiet period; then all held calls are answered at once, as one wave.
 * Calls a client can send together arrive within one wave; a call that needs an earlier answer can only
 * arrive after that wave was released, so it starts the next. The number of waves is the number of
 * dependent round trips. The quiet period only has to outlast the client's own processing between two
 * calls it sends together.
 */
final class WaveGate {

    private final Object lock = new Object();
    private boolean counting;
    private long quietNanos;
    private int waves;
    private int waiting;
    private long lastArrival;
    private CountDownLatch release = new CountDownLatch(1);

    /** Starts counting from zero, holding each wave until {@code quiet} passed without a new call. */
    void start(Duration quiet) {
        synchronized (lock) {
            counting = true;
            quietNanos = quiet.toNanos();
            waves = 0;
        }
    }

    /** Stops holding calls (held ones go) and keeps the count. */
    void stop() {
        synchronized (lock) {
            counting = false;
            release.countDown();
            release = new CountDownLatch(1);
            waiting = 0;
        }
    }

    /** The waves released since {@link #start}. */
    int waves() {
        synchronized (lock) {
            return waves;
        }
    }

    /** Holds the calling request thread until its wave is released; returns at once while not counting. */
    void pass() {
        CountDownLatch mine;
        synchronized (lock) {
            if (!counting) {
                return;
            }
            lastArrival = System.nanoTime();
            mine = release;
            if (++waiting == 1) {
                Thread releaser = new Thread(() -> releaseWhenQuiet(mine), "logto-emulator-wave");
                releaser.setDaemon(true);
                releaser.start();
            }
        }
        try {
            // never held for ever: a test that forgets to stop counting still ends
            mine.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void releaseWhenQuiet(CountDownLatch wave) {
        while (true) {
            long sleepNanos;
            synchronized (lock) {
                if (release != wave) {
                    return; // released by stop()
                }
                sleepNanos = lastArrival + quietNanos - System.nanoTime();
                if (sleepNanos <= 0) {
                    waves++;
                    waiting = 0;
                    release = new CountDownLatch(1);
                    wave.countDown();
                    return;
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(sleepNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
