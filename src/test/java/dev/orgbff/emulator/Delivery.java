package dev.orgbff.emulator;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One webhook request the emulator sent, as Logto sends it: {@code POST url} with these headers and this raw body.
 *
 * @param headers the request headers the emulator set (lower-case names), the HTTP client's own aside
 * @param body    the raw JSON body, byte for byte what {@code logto-signature-sha-256} signs
 * @param status  the receiver's HTTP status, or null when no answer came (refused, timed out after 10 s)
 */
public record Delivery(String hookId, String url, Map<String, String> headers, String body, @Nullable Integer status) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The body's {@code event}, e.g. {@code Organization.Membership.Updated}. */
    public String event() {
        return json().path("event").asString();
    }

    /** The body, parsed. */
    public JsonNode json() {
        return MAPPER.readTree(body);
    }

    /** True when {@code logto-signature-sha-256} is the body's HMAC-SHA256 with this key, as a receiver checks it. */
    public boolean signedWith(String signingKey) {
        return Webhooks.sign(signingKey, body).equals(headers.get(Webhooks.SIGNATURE_HEADER));
    }

    /** True when the receiver answered 2xx. */
    public boolean succeeded() {
        return status != null && status / 100 == 2;
    }
}
