package dev.orgbff.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The emulator's single HTTP handler. For every request it counts the call under its route key,
 * applies injected latency and faults (a lost answer after handling the request), then answers the way Logto's Koa stack would: 404/405 for
 * unknown routes, koa-body's JSON errors, {@code koaAuth} on Management API routes, and finally the
 * route handler, run under the tenant lock so each request is atomic. OIDC routes that browsers call answer
 * CORS preflights and carry CORS headers ({@link CorsPolicy}).
 */
final class Router implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final RouteTable routes;
    private final RouteTable devRoutes;
    private final TenantState state;
    private final TokenIssuer tokens;
    private final CallCounter calls;
    private final FaultPlan faults;
    private final WaveGate waves;
    private final Webhooks webhooks;

    Router(RouteTable routes, RouteTable devRoutes, TenantState state, TokenIssuer tokens, CallCounter calls, FaultPlan faults,
            WaveGate waves, Webhooks webhooks) {
        this.routes = routes;
        this.devRoutes = devRoutes;
        this.state = state;
        this.tokens = tokens;
        this.calls = calls;
        this.faults = faults;
        this.waves = waves;
        this.webhooks = webhooks;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Request request = null;
        try (exchange) {
            request = new Request(exchange);
            Response response = dispatch(request);
            if (response != null) {
                write(exchange, request, response);
            }
            // a null response (timeout fault) closes the connection without an answer
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        }
        if (request != null) {
            // after the answer, as Logto's middleware fires its hooks once the route is done (also when the answer was lost)
            webhooks.send(request.webhookPayloads());
        }
    }

    private @Nullable Response dispatch(Request request) {
        if (request.path().startsWith("/dev/")) {
            // test-only extras: not counted, never delayed or faulted
            return answer(request, devRoutes.match(request.method(), request.path()));
        }
        Route corsRoute = "OPTIONS".equals(request.method()) && request.header("Access-Control-Request-Method") != null
                ? routes.corsRoute(request.path()) : null;
        if (corsRoute != null) {
            // oidc-provider answers a browser's preflight itself, before any client or token is known
            calls.record("OPTIONS " + corsRoute.template());
            return corsRoute.cors().preflight(request);
        }
        RouteTable.Match match = routes.match(request.method(), request.path());
        String key = match.route() != null ? request.method() + " " + match.route().template()
                : request.method() + " " + request.path();
        calls.record(key);
        if (request.path().startsWith("/api/") || request.path().equals("/oidc/token")) {
            faults.sleepLatency();
        }
        if (request.path().startsWith("/api/")) {
            waves.pass(); // the M2M token request is not a round trip of the query
        }
        Fault fault = faults.take(key);
        if (fault == null && request.path().startsWith("/api/")) {
            fault = faults.roll(); // the chaos of a soak, when on
        }
        if (fault != null) {
            if (fault.handled()) {
                answer(request, match); // the work is done, the answer is lost
                faults.hold(fault.hold());
                return null;
            }
            if (fault.isTimeout()) {
                faults.hold(fault.hold());
                return null;
            }
            return fault.toResponse();
        }
        return answer(request, match);
    }

    private Response answer(Request request, RouteTable.Match match) {
        Route route = match.route();
        if (route == null) {
            return unmatched(request, match.allowedMethods());
        }
        try {
            request.bindPathParams(match.params());
            if (request.hasJsonBody()) {
                // koa-body parses before any router middleware, so a malformed body wins over a missing token
                request.body();
            }
            if (route.authenticated()) {
                tokens.authorize(request.header("Authorization"), LogtoEmulator.MANAGEMENT_RESOURCE);
            }
            Response response;
            try {
                synchronized (state) {
                    response = route.handler().handle(request);
                    if (route.authenticated() && response.status() / 100 == 2) {
                        request.webhookPayloads(webhooks.payloads(request, route, response, state.now()));
                    }
                }
            } catch (OidcError e) {
                response = e.response();
            } catch (ApiError e) {
                response = e.response();
            }
            if (route.cors() != null) {
                route.cors().decorate(request, response);
            }
            return response;
        } catch (ApiError e) {
            return e.response();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "emulator route failed: " + route.key(), e);
            return Response.json(500, JsonNodeFactory.instance.objectNode().put("message", "Internal server error."));
        }
    }

    /** Koa's answers for a path no route serves: 405 (or 200 for OPTIONS) when another method would fit, else 404. */
    private static Response unmatched(Request request, List<String> allowedMethods) {
        if (!allowedMethods.isEmpty()) {
            String allow = String.join(", ", allowedMethods);
            if ("OPTIONS".equals(request.method())) {
                return Response.empty(200).header("Allow", allow);
            }
            return Response.text(405, "Method Not Allowed").header("Allow", allow);
        }
        if (request.path().startsWith("/oidc/")) {
            // oidc-provider's own 404, reshaped by Logto's OIDC error handler
            return ApiError.oidc(404, "invalid_request",
                    "unrecognized route or not allowed method (" + request.method() + " on " + request.path() + ")",
                    "Request is invalid.").response();
        }
        return Response.text(404, "Not Found");
    }

    private static void write(HttpExchange exchange, Request request, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        boolean bodyless = body == null || body.length == 0 || response.status() == 204 || "HEAD".equals(request.method());
        exchange.sendResponseHeaders(response.status(), bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
