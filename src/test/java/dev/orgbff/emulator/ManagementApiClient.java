package dev.orgbff.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal blocking HTTP client for the emulator's own tests (and any test that changes the tenant as the Logto Console
 * would, so that webhooks follow): fetches an M2M token once and sends JSON requests to the Management API, the way
 * any Logto client would.
 */
public final class ManagementApiClient {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final LogtoEmulator logto;
    private final HttpClient http;
    private @Nullable String token;
    private @Nullable String userAgent;

    public ManagementApiClient(LogtoEmulator logto) {
        this(logto, Duration.ofSeconds(10));
    }

    ManagementApiClient(LogtoEmulator logto, Duration requestTimeout) {
        this.logto = logto;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** {@code POST /oidc/token} with Basic auth, {@code resource} = the Management API and {@code scope=all}. */
    Result requestToken() {
        String basic = Base64.getEncoder().encodeToString(
                (logto.m2mAppId() + ":" + logto.m2mAppSecret()).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&scope=all&resource="
                + URLEncoder.encode(LogtoEmulator.MANAGEMENT_RESOURCE, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/oidc/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Result get(String path) {
        return send(authorized(path).GET());
    }

    Result delete(String path) {
        return send(authorized(path).DELETE());
    }

    Result post(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code PATCH path} with a JSON body, e.g. {@code /api/organizations/{id}}. */
    public Result patch(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends this {@code User-Agent} from now on (Logto copies it into webhook payloads). */
    ManagementApiClient userAgent(String value) {
        this.userAgent = value;
        return this;
    }

    Result put(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET with any {@code Authorization} header value (or none when null). */
    Result getWithAuthorization(String path, @Nullable String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** A GET with a request timeout, for tests of held requests. */
    Result get(String path, Duration timeout) {
        return send(authorized(path).timeout(timeout).GET());
    }

    /** A POST with a request timeout, for tests of held requests. */
    Result post(String path, String json, Duration timeout) {
        return send(authorized(path).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder authorized(String path) {
        if (token == null) {
            Result result = requestToken();
            if (result.status() != 200) {
                throw new IllegalStateException("no M2M token: " + result);
            }
            token = result.json().get("access_token").stringValue();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return request;
    }

    private URI uri(String path) {
        return URI.create(logto.endpoint() + path);
    }

    private Result send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer: status, the raw response (for headers) and the body text. */
    public record Result(int status, HttpResponse<String> response, String body) {

        JsonNode json() {
            return MAPPER.readTree(body);
        }

        @Nullable String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
