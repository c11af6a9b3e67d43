package dev.orgbff.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HTTP answer of the emulator: status, extra headers (a header may repeat, as Logto's {@code Link}
 * does), and an optional body with its content type.
 */
record Response(int status, Map<String, List<String>> headers, byte @Nullable [] body, @Nullable String contentType) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Response json(int status, JsonNode body) {
        return new Response(status, new LinkedHashMap<>(), MAPPER.writeValueAsBytes(body), JSON);
    }

    static Response text(int status, String body) {
        return new Response(status, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8), TEXT);
    }

    static Response html(int status, String body) {
        return new Response(status, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8), HTML);
    }

    /** Koa's {@code ctx.redirect} after oidc-provider set 303: {@code Location} and a short text body. */
    static Response seeOther(String location) {
        return text(303, "Redirecting to " + location + ".").header("Location", location);
    }

    static Response empty(int status) {
        return new Response(status, new LinkedHashMap<>(), null, null);
    }

    /** 204 without a body, Logto's answer to most PUT and DELETE calls. */
    static Response noContent() {
        return empty(204);
    }

    /** A DELETE's answer: 204 when it removed a row, otherwise 404 {@code entity.not_found}. */
    static Response deleted(boolean removed) {
        if (!removed) {
            throw ApiError.notFound();
        }
        return noContent();
    }

    /** Koa's answer to a 201 whose handler set no body: the status text as plain text (CONTRACT.md correction 5). */
    static Response createdText() {
        return text(201, "Created");
    }

    /** An error body {@code {code, message}} as Logto's error handler writes it. */
    static Response error(int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("message", message);
        return json(status, body);
    }

    Response header(String name, String value) {
        headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }
}
