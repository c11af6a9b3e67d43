package dev.orgbff.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The tenant's OIDC clients (the seeded M2M app and the single-page apps in {@link TenantState#applications()}) and
 * how the token and revocation endpoints authenticate them: oidc-provider's {@code lib/shared/client_auth.js}
 * behind Logto's client adapter ({@code packages/core/src/oidc/adapter.ts}, which answers an unknown id with
 * 400 {@code invalid_client} "invalid client &lt;id&gt;", transcript seq 3).
 */
final class Clients {

    private final TenantState state;
    private final Application m2mApp;
    private final String issuer;

    Clients(TenantState state, Application m2mApp, String issuer) {
        this.state = state;
        this.m2mApp = m2mApp;
        this.issuer = issuer;
    }

    /** The client with this id, or null. */
    @Nullable Application find(String clientId) {
        return m2mApp.id().equals(clientId) ? m2mApp : state.applications().get(clientId);
    }

    /**
     * Authenticates the client of a token or revocation request: {@code client_secret_basic} or
     * {@code client_secret_post} for the M2M app, {@code none} ({@code client_id} alone) for a public client. The
     * origin of a browser's request is checked against the client as soon as it is known ({@link CorsPolicy#checkClient}).
     *
     * @throws OidcError 400 {@code invalid_request} (no or several mechanisms, a malformed header), 400
     *                   {@code invalid_client} (unknown id), 401 {@code invalid_client} (wrong secret, or a mechanism
     *                   that is not the client's)
     */
    Application authenticate(Request request, Map<String, String> form) {
        String authorization = request.header("Authorization");
        String formSecret = blankToNull(form.get("client_secret"));
        long mechanisms = Stream.of(authorization, form.get("client_assertion"), formSecret)
                .filter(value -> value != null && !value.isEmpty()).count();
        if (mechanisms > 1) {
            throw OidcError.invalidRequest("client authentication must only be provided using one mechanism");
        }
        String clientId = blankToNull(form.get("client_id"));
        String secret = null;
        boolean secretBased = false;
        if (formSecret != null) {
            secret = formSecret;
            secretBased = true;
        } else if (authorization != null) {
            String[] parts = authorization.split(" ", -1);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("basic")) {
                throw OidcError.invalidRequest("invalid authorization header value format");
            }
            String basic = new String(decodeBase64(parts[1]), StandardCharsets.UTF_8);
            int colon = basic.indexOf(':');
            if (colon < 0) {
                throw OidcError.invalidRequest("invalid authorization header value format");
            }
            String basicId = Request.decode(basic.substring(0, colon).replace("+", "%20"), false);
            secret = Request.decode(basic.substring(colon + 1).replace("+", "%20"), false);
            if (clientId != null && !clientId.equals(basicId)) {
                throw OidcError.invalidRequest("client_id mismatch");
            }
            clientId = basicId;
            if (secret.isEmpty()) {
                throw OidcError.invalidRequest("client_secret must be provided in the Authorization header");
            }
            secretBased = true;
        }
        if (clientId == null || clientId.isEmpty()) {
            throw OidcError.invalidRequest("no client authentication mechanism provided");
        }
        Application client = find(clientId);
        if (client == null) {
            throw OidcError.invalidClient("invalid client " + clientId);
        }
        CorsPolicy.checkClient(request, client);
        if (secretBased == client.isPublic() || secretBased && !client.secret().equals(secret)) {
            OidcError error = OidcError.invalidClientAuth();
            if (authorization != null) {
                error.header("WWW-Authenticate", "Basic realm=\"" + issuer + "\", error=\"invalid_client\", "
                        + "error_description=\"client authentication failed\"");
            }
            throw error;
        }
        return client;
    }

    private static byte[] decodeBase64(String value) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            // Node's Buffer.from(x, 'base64') never throws: it decodes what it can
            return Base64.getMimeDecoder().decode(value.strip());
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
