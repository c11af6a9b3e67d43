package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;

/**
 * How an OIDC route answers browsers from other origins, as oidc-provider's {@code lib/shared/cors.js} (over
 * {@code @koa/cors} 5) does in {@code lib/helpers/initialize_app.js}: a preflight is always allowed (204, the
 * request's origin, {@code Access-Control-Max-Age: 3600}, the route's methods, the requested headers echoed); an
 * actual request gets {@code Access-Control-Allow-Origin} = its {@code Origin} (or {@code *} without one) and
 * {@code Vary: Origin}. On a client-based route the handler also checks the origin against the client it
 * identified ({@link #checkClient}); a refused origin gets 400 {@code invalid_request} without the allow header.
 *
 * @param allowMethods  {@code Access-Control-Allow-Methods} of a preflight
 * @param exposeHeaders {@code Access-Control-Expose-Headers} of an actual request, or null for none
 */
record CorsPolicy(String allowMethods, @Nullable String exposeHeaders) {

    /** Discovery and JWKS: any origin ({@code CORS.open}). */
    static final CorsPolicy OPEN = new CorsPolicy("GET", null);
    /** Userinfo ({@code CORS.userinfo}, client-based). */
    static final CorsPolicy USERINFO = new CorsPolicy("GET,POST", "WWW-Authenticate");
    /** Token and revocation ({@code CORS.clientWithDPoP} / {@code CORS.client} with DPoP off, client-based). */
    static final CorsPolicy CLIENT = new CorsPolicy("POST", "WWW-Authenticate");

    static final String MAX_AGE = "3600";

    /** The answer to a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}). */
    Response preflight(Request request) {
        Response response = Response.empty(204).header("Vary", "Origin").header("Access-Control-Allow-Origin", allowOrigin(request))
                .header("Access-Control-Max-Age", MAX_AGE).header("Access-Control-Allow-Methods", allowMethods);
        String requestedHeaders = request.header("Access-Control-Request-Headers");
        if (requestedHeaders != null && !requestedHeaders.isEmpty()) {
            response.header("Access-Control-Allow-Headers", requestedHeaders);
        }
        return response;
    }

    /** Adds the headers of an actual request's answer (errors included, as oidc-provider's error handler keeps them). */
    void decorate(Request request, Response response) {
        response.header("Vary", "Origin");
        if (!request.corsRefused()) {
            response.header("Access-Control-Allow-Origin", allowOrigin(request));
        }
        if (exposeHeaders != null) {
            response.header("Access-Control-Expose-Headers", exposeHeaders);
        }
    }

    /**
     * Logto's {@code clientBasedCORS} ({@code packages/core/src/oidc/init.ts}): a request from the issuer's own origin,
     * from a redirect URI's origin or from one of the client's CORS origins passes; any other origin fails with
     * 400 {@code invalid_request} "origin X not allowed for client: id". A request without {@code Origin} is not checked.
     *
     * @throws OidcError for a refused origin
     */
    static void checkClient(Request request, Application client) {
        String origin = request.header("Origin");
        if (origin == null || origin.isEmpty() || origin.equals(request.origin()) || client.originAllowed(origin)) {
            return;
        }
        request.refuseCors();
        throw OidcError.invalidRequest("origin " + origin + " not allowed for client: " + client.id());
    }

    private static String allowOrigin(Request request) {
        String origin = request.header("Origin");
        return origin == null || origin.isEmpty() ? "*" : origin;
    }
}
