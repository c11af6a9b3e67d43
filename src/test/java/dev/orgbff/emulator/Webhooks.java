package dev.orgbff.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Logto's data hooks ({@code packages/core/src/libraries/hook/}, {@code middleware/koa-management-api-hooks.ts}): after a
 * Management API call succeeded, every event it raised goes to every enabled hook subscribed to it as
 * {@code POST <config.url>} with {@code content-type: application/json}, {@code user-agent: Logto (https://logto.io/)},
 * the hook's {@code config.headers} and {@code logto-signature-sha-256} (hex HMAC-SHA256 of the raw body with the
 * hook's signing key). The body is {@code {event, createdAt, userAgent?, ip, <context>, hookId}}, in that order, where
 * the context of an event the route table registers ({@code managementApiHooksRegistration}) is
 * {@code {path, method, status, params, matchedRoute, data?}} with the route's JSON answer as {@code data}, and the
 * routes' own events add their fields ({@link Request#raise}).
 *
 * <p>Sent after the answer, on other threads, in no particular order, each within a 10 s timeout and <em>once</em>:
 * Logto asks ky for {@code retry: {limit: 3}}, but ky retries only its default methods (get, put, head, delete,
 * options, trace), never a POST. A failed delivery is lost, as in Logto (which only logs it).
 */
public final class Webhooks {

    /** {@code managementApiHooksRegistration} in {@code packages/schemas/src/foundations/jsonb-types/hooks.ts}, the routes the emulator has. */
    private static final Map<String, String> REGISTERED = Map.ofEntries(
            Map.entry("POST /users", "User.Created"),
            Map.entry("PATCH /users/:userId", "User.Data.Updated"),
            Map.entry("POST /organizations", "Organization.Created"),
            Map.entry("DELETE /organizations/:id", "Organization.Deleted"),
            Map.entry("PATCH /organizations/:id", "Organization.Data.Updated"),
            Map.entry("POST /organization-roles", "OrganizationRole.Created"),
            Map.entry("DELETE /organization-roles/:id", "OrganizationRole.Deleted"),
            Map.entry("PATCH /organization-roles/:id", "OrganizationRole.Data.Updated"),
            Map.entry("POST /organization-scopes", "OrganizationScope.Created"),
            Map.entry("DELETE /organization-scopes/:id", "OrganizationScope.Deleted"),
            Map.entry("PATCH /organization-scopes/:id", "OrganizationScope.Data.Updated"),
            Map.entry("PUT /organization-roles/:id/scopes", "OrganizationRole.Scopes.Updated"),
            Map.entry("POST /organization-roles/:id/scopes", "OrganizationRole.Scopes.Updated"),
            Map.entry("DELETE /organization-roles/:id/scopes/:organizationScopeId", "OrganizationRole.Scopes.Updated"));
    static final String USER_AGENT = "Logto (https://logto.io/)";
    static final String SIGNATURE_HEADER = "logto-signature-sha-256";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final TenantState state;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    /** Guarded by {@code this}: deliveries made, sent and not yet answered, and held; calls whose deliveries are not yet sent. */
    private final List<Delivery> made = new ArrayList<>();
    private final List<Outgoing> held = new ArrayList<>();
    private int inFlight;
    private int unsent;
    private boolean holding;

    Webhooks(TenantState state) {
        this.state = state;
    }

    /**
     * The signed deliveries of the events a successful call raised (the route's own, then the registered one, as Logto's
     * middleware appends them) to the hooks subscribed to them at that moment, newest hook first as Logto lists them.
     * Runs under the tenant lock, right after the handler; {@link #send} sends them once the call is answered.
     */
    List<Outgoing> deliveriesOf(Request request, Route route, Response response, long now) {
        List<Hook> hooks = state.hooks().stream().sorted(Comparator.comparingLong(Hook::createdAt).reversed()).toList();
        if (hooks.isEmpty()) {
            return List.of(); // as Logto, which looks for hooks first; the benchmark's reads cost nothing more
        }
        List<Outgoing> outgoing = new ArrayList<>();
        for (ObjectNode payload : build(request, route, response, now)) {
            String event = payload.path("event").asString();
            for (Hook hook : hooks) {
                if (hook.subscribesTo(event)) {
                    outgoing.add(outgoing(hook, payload.deepCopy().put("hookId", hook.id())));
                }
            }
        }
        if (!outgoing.isEmpty()) {
            synchronized (this) {
                // counted before the answer goes out, so that a caller awaiting deliveries right after it waits for these
                unsent++;
            }
        }
        return outgoing;
    }

    private List<ObjectNode> build(Request request, Route route, Response response, long now) {
        String matchedRoute = PARAMETER.matcher(route.template().substring("/api".length())).replaceAll(":$1");
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("path", request.path().substring("/api".length()));
        context.put("method", request.method());
        context.put("status", response.status());
        ObjectNode params = context.putObject("params");
        request.pathParams().forEach(params::put);
        context.put("matchedRoute", matchedRoute);
        List<ObjectNode> payloads = new ArrayList<>();
        for (Request.Raised raised : request.raised()) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            if (raised.user() != null) {
                fields.set("data", raised.user()); // appendDataHookContext puts the picked user first
            }
            fields.setAll(context);
            fields.setAll(raised.fields());
            payloads.add(payload(raised.event(), request, now, fields));
        }
        String registered = REGISTERED.get(route.method() + " " + matchedRoute);
        if (registered != null) {
            ObjectNode fields = context.deepCopy();
            JsonNode data = jsonBody(response);
            if (data != null) {
                fields.set("data", data);
            }
            payloads.add(payload(registered, request, now, fields));
        }
        return payloads;
    }

    private static ObjectNode payload(String event, Request request, long now, ObjectNode fields) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("event", event);
        payload.put("createdAt", ISO_MILLIS.format(Instant.ofEpochMilli(now)));
        String userAgent = request.header("User-Agent");
        if (userAgent != null) {
            payload.put("userAgent", userAgent);
        }
        payload.put("ip", request.remoteIp());
        payload.setAll(fields);
        return payload;
    }

    /** Koa's {@code ctx.response.body}: the JSON answer; a bodiless or text answer ({@code Created}) has none. */
    private static JsonNode jsonBody(Response response) {
        if (response.body() == null || response.body().length == 0 || !Response.JSON.equals(response.contentType())) {
            return null;
        }
        return MAPPER.readTree(response.body());
    }

    /** Sends what {@link #deliveriesOf} gave for a call (once it is answered), or holds it. */
    void send(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return;
        }
        synchronized (this) {
            unsent--;
            notifyAll();
            if (holding) {
                held.addAll(outgoing);
                return;
            }
            inFlight += outgoing.size();
        }
        outgoing.forEach(this::post);
    }

    private static Outgoing outgoing(Hook hook, ObjectNode payload) {
        String body = MAPPER.writeValueAsString(payload);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", USER_AGENT);
        hook.config().path("headers").properties()
                .forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().asString()));
        if (!hook.signingKey().isEmpty()) {
            headers.put(SIGNATURE_HEADER, sign(hook.signingKey(), body));
        }
        return new Outgoing(hook.id(), hook.url(), Collections.unmodifiableMap(headers), body);
    }

    /** Logto's {@code sign}: hex HMAC-SHA256 of the body with the signing key. */
    public static String sign(String signingKey, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private void post(Outgoing outgoing) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(outgoing.url())).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(outgoing.body()));
            outgoing.headers().forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            // any string is a hook URL in Logto; ky fails on one it cannot send to, and so does this delivery
            made(outgoing, null);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> made(outgoing, response == null ? null : response.statusCode()));
    }

    private synchronized void made(Outgoing outgoing, Integer status) {
        made.add(new Delivery(outgoing.hookId(), outgoing.url(), outgoing.headers(), outgoing.body(), status));
        inFlight--;
        notifyAll();
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(made);
    }

    /** From now on deliveries wait until {@link #release()} or {@link #drop()}. */
    synchronized void hold() {
        holding = true;
    }

    /** Sends the held deliveries (those of calls already answered included) and stops holding; answers how many were held. */
    int release() throws InterruptedException {
        List<Outgoing> released;
        synchronized (this) {
            awaitUnsent();
            holding = false;
            released = List.copyOf(held);
            held.clear();
            inFlight += released.size();
        }
        released.forEach(this::post);
        return released.size();
    }

    /** Forgets the held deliveries (lost, as when Logto could not reach the receiver) and stops holding; answers how many. */
    synchronized int drop() throws InterruptedException {
        awaitUnsent();
        int dropped = held.size();
        held.clear();
        holding = false;
        return dropped;
    }

    /** Waits (at most 30 s) until the calls already answered have handed over their deliveries. */
    private void awaitUnsent() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (unsent > 0 && System.nanoTime() < deadline) {
            wait(100);
        }
    }

    /**
     * Waits until every delivery sent so far has been answered or has failed (held ones are not waited for).
     *
     * @return false when some are still under way after {@code timeout}
     */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0 || unsent > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Drops held deliveries and the record of those made (after {@link #await}, so that none under way is recorded later). */
    synchronized void clear() {
        held.clear();
        holding = false;
        made.clear();
    }

    /** A signed delivery ready to send. */
    record Outgoing(String hookId, String url, Map<String, String> headers, String body) {
    }
}
