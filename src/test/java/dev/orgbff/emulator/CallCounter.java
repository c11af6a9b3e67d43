package dev.orgbff.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts HTTP calls per {@code "METHOD <route template>"} key; safe for concurrent requests. */
final class CallCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void record(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    int count(String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    /** A sorted snapshot holding only keys with at least one call. */
    Map<String, Integer> snapshot() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (count.get() > 0) {
                snapshot.put(key, count.get());
            }
        });
        return snapshot;
    }

    /** Calls to the Management API: every key whose path starts with {@code /api/}. */
    int apiCalls() {
        return counts.entrySet().stream()
                .filter(entry -> entry.getKey().substring(entry.getKey().indexOf(' ') + 1).startsWith("/api/"))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    void reset() {
        counts.clear();
    }
}
