package dev.orgbff.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One route: its method, its OpenAPI path template (also the call-counting key), whether it needs
 * a Management API token, and how it answers browsers from other origins (null: no CORS headers).
 */
record Route(String method, String template, List<String> segments, boolean authenticated, @Nullable CorsPolicy cors,
        RouteHandler handler) {

    /** {@code "GET /api/users/{userId}"}: the key under which calls and faults are recorded. */
    String key() {
        return method + " " + template;
    }

    /** How many segments are literals; the more, the more specific (Koa matches {@code users/roles} before {@code users/{userId}}). */
    long literalCount() {
        return segments.stream().filter(segment -> !segment.startsWith("{")).count();
    }
}
