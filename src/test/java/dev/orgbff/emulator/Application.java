package dev.orgbff.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * An OIDC client of the tenant (Logto's {@code applications} row as oidc-provider sees it through
 * {@code getConstantClientMetadata} in {@code packages/core/src/oidc/utils.ts}): a single-page app is a public
 * client ({@code token_endpoint_auth_method: none}, grants {@code authorization_code} and {@code refresh_token});
 * the M2M app authenticates with its secret and may only use {@code client_credentials}.
 *
 * @param secret              the client secret, or null for a public client
 * @param corsAllowedOrigins  Logto's {@code customClientMetadata.corsAllowedOrigins}: origins allowed besides those of
 *                            the redirect URIs
 */
record Application(String id, String name, Type type, @Nullable String secret, List<String> redirectUris,
        List<String> postLogoutRedirectUris, List<String> corsAllowedOrigins) {

    /** Logto's application types the emulator serves. */
    enum Type { SPA, MACHINE_TO_MACHINE }

    Application {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    /** True for a public client, which authenticates with its {@code client_id} alone (auth method {@code none}). */
    boolean isPublic() {
        return secret == null;
    }

    /** oidc-provider's {@code client.grantTypeAllowed}: the grant types Logto gives the application's type. */
    boolean grantTypeAllowed(String grantType) {
        Set<String> allowed = type == Type.SPA ? Set.of("authorization_code", "refresh_token") : Set.of("client_credentials");
        return allowed.contains(grantType);
    }

    /** oidc-provider's {@code redirectUriAllowed}: equal to a registered URI once both are parsed as URLs ({@code href}). */
    boolean redirectUriAllowed(String uri) {
        return registered(uri, redirectUris);
    }

    /** oidc-provider's {@code postLogoutRedirectUriAllowed}, the same comparison against the post-logout URIs. */
    boolean postLogoutRedirectUriAllowed(String uri) {
        return registered(uri, postLogoutRedirectUris);
    }

    /**
     * Logto's {@code isOriginAllowed} ({@code packages/core/src/oidc/utils.ts}): a configured CORS origin, or the
     * origin of a redirect URI. (Logto's wildcard redirect URIs are not emulated.)
     */
    boolean originAllowed(String origin) {
        if (corsAllowedOrigins.contains(origin)) {
            return true;
        }
        return redirectUris.stream().map(Application::origin).anyMatch(origin::equals);
    }

    /** A copy that also holds these URIs (each kept once, in the order first registered). */
    Application withUris(List<String> moreRedirectUris, List<String> morePostLogoutRedirectUris) {
        return new Application(id, name, type, secret, union(redirectUris, moreRedirectUris),
                union(postLogoutRedirectUris, morePostLogoutRedirectUris), corsAllowedOrigins);
    }

    /** A copy that also allows these origins. */
    Application withCorsAllowedOrigins(List<String> origins) {
        return new Application(id, name, type, secret, redirectUris, postLogoutRedirectUris, union(corsAllowedOrigins, origins));
    }

    private static List<String> union(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).distinct().toList();
    }

    private static boolean registered(String uri, List<String> allowed) {
        String href = href(uri);
        return href != null && allowed.stream().map(Application::href).anyMatch(href::equals);
    }

    /**
     * The WHATWG URL serialisation oidc-provider compares ({@code URL.parse(x).href}) for the URLs a client
     * registers: scheme and host lower-cased, the default port dropped, an empty path written as {@code /}.
     */
    static @Nullable String href(String uri) {
        URI parsed = parse(uri);
        if (parsed == null) {
            return null;
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
        return scheme + "://" + authority(parsed, scheme) + path + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery())
                + (parsed.getRawFragment() == null ? "" : "#" + parsed.getRawFragment());
    }

    /** {@code new URL(uri).origin}, or null when the URI has none. */
    static @Nullable String origin(String uri) {
        URI parsed = parse(uri);
        if (parsed == null) {
            return null;
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + authority(parsed, scheme);
    }

    private static String authority(URI uri, String scheme) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static @Nullable URI parse(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.getScheme() == null || parsed.getHost() == null ? null : parsed;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        // the secret stays out of test output
        return "Application[" + id + " " + name + " " + type + "]";
    }
}
