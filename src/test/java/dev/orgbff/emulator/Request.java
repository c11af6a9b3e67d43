package dev.orgbff.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One incoming HTTP request, read eagerly: method, raw path, decoded query pairs, headers, and the
 * body (parsed as JSON on first use, the way koa-body does, or as an HTML form for the token endpoint).
 */
final class Request {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String method;
    private final String path;
    private final @Nullable String rawQuery;
    private final HttpExchange exchange;
    private final byte[] rawBody;
    private final List<Map.Entry<String, String>> queryPairs;
    private Map<String, String> pathParams = Map.of();
    private @Nullable JsonNode body;
    private boolean corsRefused;
    private final List<Raised> raised = new ArrayList<>();
    private List<ObjectNode> webhookPayloads = List.of();

    Request(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        this.path = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        this.rawBody = readAll(exchange.getRequestBody());
        this.queryPairs = parseForm(rawQuery == null ? "" : rawQuery);
    }

    String method() {
        return method;
    }

    /** The raw (still percent-encoded) path, e.g. {@code /api/organizations/abc/users}. */
    String path() {
        return path;
    }

    void bindPathParams(Map<String, String> params) {
        this.pathParams = params;
    }

    /** The decoded path parameters in path order (Koa's {@code ctx.params}). */
    Map<String, String> pathParams() {
        return pathParams;
    }

    /** A decoded path parameter named as in the OpenAPI template, e.g. {@code id} or {@code userId}. */
    String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return value;
    }

    /** The query string as decoded key/value pairs in request order ({@code +} is a space). */
    List<Map.Entry<String, String>> queryPairs() {
        return queryPairs;
    }

    /** The first value of a query parameter, or null when absent. */
    @Nullable String query(String name) {
        for (Map.Entry<String, String> pair : queryPairs) {
            if (pair.getKey().equals(name)) {
                return pair.getValue();
            }
        }
        return null;
    }

    /** Every value of a query parameter, in request order; empty when absent. */
    List<String> queryValues(String name) {
        return queryPairs.stream().filter(pair -> pair.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    /**
     * The query as Koa's {@code ctx.query} sees it: one entry per key in first-seen order, repeated keys
     * collected into a list, and keys that look like array indexes first (JavaScript object key order).
     */
    Map<String, List<String>> koaQuery() {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : queryPairs) {
            grouped.computeIfAbsent(pair.getKey(), key -> new ArrayList<>()).add(pair.getValue());
        }
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>(grouped.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, List<String>> e) -> !isArrayIndex(e.getKey()))
                .thenComparing(e -> isArrayIndex(e.getKey()) ? Long.parseLong(e.getKey()) : 0L));
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** {@link #koaQuery()} as a JSON object (a repeated key becomes an array), the input of a query guard. */
    ObjectNode queryObject() {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        koaQuery().forEach((key, values) -> {
            if (values.size() == 1) {
                object.put(key, values.get(0));
            } else {
                ArrayNode array = object.putArray(key);
                values.forEach(array::add);
            }
        });
        return object;
    }

    /** {@code yes()} from {@code @silverhand/essentials}, Logto's reading of a boolean query flag such as {@code showFeatured=true}. */
    static boolean isYes(@Nullable String value) {
        return value != null && List.of("1", "true", "y", "yes", "yep", "yeah").contains(value.toLowerCase(Locale.ROOT));
    }

    @Nullable String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The value of a cookie sent with the request, or null. */
    @Nullable String cookie(String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return part.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    /**
     * Raises a webhook event the way a Logto route calls {@code ctx.appendDataHookContext(event, {...buildManagementApiContext(ctx), ...fields})}:
     * delivered only when the call succeeds, after the answer (see {@link Webhooks}).
     */
    void raise(String event, ObjectNode fields) {
        raised.add(new Raised(event, null, fields));
    }

    /** Raises an event whose context carries a user ({@code appendDataHookContext(event, {..., user})}): its info becomes {@code data}, first. */
    void raiseWithUser(String event, ObjectNode user) {
        raised.add(new Raised(event, user, JsonNodeFactory.instance.objectNode()));
    }

    List<Raised> raised() {
        return raised;
    }

    /** The webhook payloads this call raised, once it succeeded (set by the {@link Router}). */
    List<ObjectNode> webhookPayloads() {
        return webhookPayloads;
    }

    void webhookPayloads(List<ObjectNode> payloads) {
        this.webhookPayloads = payloads;
    }

    /** Koa's {@code ctx.ip} on Logto's dual-stack server: an IPv4 client shows as {@code ::ffff:127.0.0.1}. */
    String remoteIp() {
        InetAddress address = exchange.getRemoteAddress().getAddress();
        return address instanceof Inet4Address ? "::ffff:" + address.getHostAddress() : address.getHostAddress();
    }

    /** Marks the request's origin as refused by a client-based CORS check: the answer carries no {@code Access-Control-Allow-Origin}. */
    void refuseCors() {
        corsRefused = true;
    }

    boolean corsRefused() {
        return corsRefused;
    }

    /** {@code http://<Host header>}: Logto builds its {@code Link} URLs from the request's own origin. */
    String origin() {
        String host = header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host);
    }

    /** True when the request carries a body that koa-body would parse as JSON. */
    boolean hasJsonBody() {
        String type = header("Content-Type");
        return rawBody.length > 0 && type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    /**
     * The JSON body; {@code {}} when there is none (as koa-body gives). A malformed body answers 400
     * {@code {message}} like koa-body's JSON parse failure.
     */
    JsonNode body() {
        if (body == null) {
            body = parseBody();
        }
        return body;
    }

    private JsonNode parseBody() {
        if (!hasJsonBody()) {
            return JsonNodeFactory.instance.objectNode();
        }
        String text = new String(rawBody, StandardCharsets.UTF_8);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            // co-body's strict mode only takes objects and arrays
            throw ApiError.malformedJson("invalid JSON, only supports object and array");
        }
        try {
            return MAPPER.readTree(text);
        } catch (UnexpectedEndOfInputException e) {
            throw ApiError.malformedJson("Unexpected end of JSON input");
        } catch (JacksonException e) {
            throw ApiError.malformedJson("Unexpected token in JSON: \"" + abbreviate(trimmed) + "\" is not valid JSON");
        }
    }

    /** The body as {@code application/x-www-form-urlencoded} pairs in request order, repeated keys kept. */
    List<Map.Entry<String, String>> formPairs() {
        return parseForm(new String(rawBody, StandardCharsets.UTF_8));
    }

    /** The body as {@code application/x-www-form-urlencoded} pairs (the OIDC token endpoint). */
    Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : parseForm(new String(rawBody, StandardCharsets.UTF_8))) {
            form.putIfAbsent(pair.getKey(), pair.getValue());
        }
        return form;
    }

    static List<Map.Entry<String, String>> parseForm(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String part : encoded.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(Map.entry(decode(key, true), decode(value, true)));
        }
        return pairs;
    }

    /**
     * Percent-decoding like JavaScript's {@code decodeURIComponent}; malformed escapes are kept as
     * they are (Node's querystring does the same) instead of failing the request.
     */
    static String decode(String value, boolean plusIsSpace) {
        if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    encoded = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean isArrayIndex(String key) {
        return key.matches("0|[1-9][0-9]{0,8}");
    }

    private static String abbreviate(String text) {
        return text.length() <= 30 ? text : text.substring(0, 10) + "..." + text.substring(text.length() - 10);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** An event a route raised: its name, the user it carries (or null) and its own fields. */
    record Raised(String event, @Nullable ObjectNode user, ObjectNode fields) {
    }
}
