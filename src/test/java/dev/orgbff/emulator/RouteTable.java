package dev.orgbff.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The emulator's routes and the matching of a request path against their templates. */
final class RouteTable {

    private final List<Route> routes = new ArrayList<>();

    /** Registers a Management API route: it answers only to a valid M2M token holding scope {@code all}. */
    RouteTable api(String method, String template, RouteHandler handler) {
        return add(method, template, true, null, handler);
    }

    /** Registers a route that needs no token (OIDC, {@code /api/status}, {@code /dev/*}). */
    RouteTable open(String method, String template, RouteHandler handler) {
        return add(method, template, false, null, handler);
    }

    /** Registers a route without a token that browsers call from other origins: it answers preflights and adds CORS headers. */
    RouteTable open(String method, String template, CorsPolicy cors, RouteHandler handler) {
        return add(method, template, false, cors, handler);
    }

    private RouteTable add(String method, String template, boolean authenticated, @Nullable CorsPolicy cors, RouteHandler handler) {
        routes.add(new Route(method, template, List.of(template.substring(1).split("/")), authenticated, cors, handler));
        return this;
    }

    /** The CORS policy of the routes serving this path (whatever their method), with their template; null when none has one. */
    @Nullable Route corsRoute(String rawPath) {
        String[] parts = parts(rawPath);
        return routes.stream().filter(route -> route.cors() != null && bind(route, parts) != null).findFirst().orElse(null);
    }

    /**
     * Finds the route for a request. When the path matches only routes of other methods, the result
     * carries no route but the allowed methods (Koa's {@code allowedMethods()} then answers 405).
     */
    Match match(String method, String rawPath) {
        String[] parts = parts(rawPath);
        String wanted = "HEAD".equals(method) ? "GET" : method;
        Route best = null;
        Map<String, String> bestParams = Map.of();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = bind(route, parts);
            if (params == null) {
                continue;
            }
            if ("GET".equals(route.method())) {
                allowed.add("HEAD");
            }
            allowed.add(route.method());
            if (route.method().equals(wanted) && (best == null || route.literalCount() > best.literalCount())) {
                best = route;
                bestParams = params;
            }
        }
        return new Match(best, bestParams, List.copyOf(allowed));
    }

    private static String[] parts(String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        return path.substring(1).split("/", -1);
    }

    private static @Nullable Map<String, String> bind(Route route, String[] parts) {
        List<String> segments = route.segments();
        if (segments.size() != parts.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                params.put(segment.substring(1, segment.length() - 1), Request.decode(parts[i], false));
            } else if (!segment.equals(parts[i])) {
                return null;
            }
        }
        return params;
    }

    /** A routing result: the route (null when none fits the method) with its decoded path parameters. */
    record Match(@Nullable Route route, Map<String, String> params, List<String> allowedMethods) {
    }
}
