package dev.orgbff.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser running a single-page app does against the emulator, for the emulator's own tests: it keeps
 * cookies, never follows redirects by itself (tests look at each {@code Location}), sends an {@code Origin} when
 * asked, and knows the steps of a sign-in (PKCE, the picker's form, the code exchange).
 */
public final class BrowserClient {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LogtoEmulator logto;
    private final HttpClient http;

    /** A browser with no cookies yet, talking to this emulator. */
    public BrowserClient(LogtoEmulator logto) {
        this.logto = logto;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A PKCE code verifier: 43 characters of base64url. */
    public static String codeVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code S256} challenge of a verifier. */
    public static String codeChallenge(String verifier) {
        return UserGrants.s256(verifier);
    }

    /** {@code GET /oidc/auth} with these query parameters. */
    public Result authorize(Map<String, String> parameters) {
        return get("/oidc/auth?" + form(parameters));
    }

    /** A GET of a path on the emulator or of an absolute URL. */
    public Result get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** A GET with extra headers (name, value, name, value ...). */
    public Result get(String pathOrUrl, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).headers(headers).GET());
    }

    /** A form POST with extra headers (name, value, ...). */
    public Result post(String pathOrUrl, Map<String, String> parameters, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Any request: method, path, headers (name, value, ...), no body. */
    public Result send(String method, String pathOrUrl, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Follows the authorization endpoint's redirect to the picker and picks the user with this username, as a person
     * clicking the button would.
     *
     * @return the answer of the pick: a redirect to the app with {@code code}, {@code state} and {@code iss}
     */
    public Result pick(Result authorization, String username) {
        Result picker = get(authorization.location());
        String html = picker.body();
        Matcher action = FORM_ACTION.matcher(html);
        if (picker.status() != 200 || !action.find()) {
            throw new IllegalStateException("no picker page: " + picker);
        }
        Matcher button = Pattern.compile("name=\"userId\" value=\"([^\"]+)\" data-username=\"" + Pattern.quote(username) + "\"")
                .matcher(html);
        if (!button.find()) {
            throw new IllegalStateException("no user " + username + " on the picker");
        }
        return post(action.group(1), Map.of("userId", button.group(1)));
    }

    /** The whole sign-in of a single-page app, up to the token answer. */
    public SignIn signIn(String clientId, String redirectUri, String username, String scope, @Nullable String resource) {
        String verifier = codeVerifier();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("response_type", "code");
        parameters.put("scope", scope);
        parameters.put("state", "state-" + verifier.substring(0, 8));
        parameters.put("nonce", "nonce-" + verifier.substring(8, 16));
        parameters.put("prompt", "consent");
        parameters.put("code_challenge", codeChallenge(verifier));
        parameters.put("code_challenge_method", "S256");
        if (resource != null) {
            parameters.put("resource", resource);
        }
        Result callback = pick(authorize(parameters), username);
        Map<String, String> query = callback.locationQuery();
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", clientId);
        exchange.put("code", query.get("code"));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("code_verifier", verifier);
        if (resource != null) {
            exchange.put("resource", resource);
        }
        Result tokens = post("/oidc/token", exchange);
        if (tokens.status() != 200) {
            throw new IllegalStateException("code exchange failed: " + tokens);
        }
        return new SignIn(parameters.get("state"), parameters.get("nonce"), tokens.json());
    }

    /** A completed sign-in: the state and nonce sent, and the token endpoint's answer. */
    public record SignIn(String state, String nonce, JsonNode tokens) {

        /** The {@code access_token}: a JWT when a resource was asked for, else an opaque token for userinfo. */
        public String accessToken() {
            return tokens.get("access_token").stringValue();
        }

        /** The {@code id_token} (the scope held {@code openid}). */
        public String idToken() {
            return tokens.get("id_token").stringValue();
        }

        /** The {@code refresh_token}, or null when {@code offline_access} was not granted. */
        public @Nullable String refreshToken() {
            return tokens.has("refresh_token") ? tokens.get("refresh_token").stringValue() : null;
        }
    }

    /** {@code a=1&b=2} with form encoding. */
    public static String form(Map<String, String> parameters) {
        StringBuilder encoded = new StringBuilder();
        parameters.forEach((name, value) -> encoded.append(encoded.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : logto.endpoint() + pathOrUrl);
    }

    private Result send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
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

        /** The body parsed as JSON. */
        public JsonNode json() {
            return MAPPER.readTree(body);
        }

        /** The first value of a response header, or null. */
        public @Nullable String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The {@code Location} header; fails when there is none. */
        public String location() {
            String location = header("Location");
            if (location == null) {
                throw new IllegalStateException("no Location: " + this);
            }
            return location;
        }

        /** The decoded query parameters of {@code Location}. */
        public Map<String, String> locationQuery() {
            String location = location();
            int question = location.indexOf('?');
            Map<String, String> query = new LinkedHashMap<>();
            if (question >= 0) {
                String raw = location.substring(question + 1);
                int hash = raw.indexOf('#');
                Request.parseForm(hash < 0 ? raw : raw.substring(0, hash)).forEach(pair -> query.put(pair.getKey(), pair.getValue()));
            }
            return query;
        }

        @Override
        public String toString() {
            return status + " " + response.headers().map() + " " + body;
        }
    }
}
