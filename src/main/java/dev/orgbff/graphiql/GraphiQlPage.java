package dev.orgbff.graphiql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The GraphiQL page as {@code graphiql/build.mjs} built it into {@code classpath:web/graphiql/}: {@link #page} the
 * HTML, {@link #config} the configuration it fetches, {@link #asset} its scripts, styles, Monaco's workers and the
 * licences. Every answer carries the {@link #contentSecurityPolicy Content-Security-Policy}; an asset whose name is
 * content-hashed may be cached for a year, everything else is revalidated ({@code no-cache}).
 */
final class GraphiQlPage {

    /** Where the build writes the page, on the classpath. */
    static final String LOCATION = "web/graphiql/";

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** esbuild's {@code [name]-[hash]} for code and styles: a name that changes whenever the content does (not the licence list, THIRD-PARTY-LICENSES.txt). */
    private static final Pattern CONTENT_HASHED = Pattern.compile(".+-[A-Z0-9]{8}\\.(js|css)");

    private static final Map<String, MediaType> TYPES = Map.of(
            "js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "css", MediaType.parseMediaType("text/css;charset=UTF-8"),
            "txt", MediaType.parseMediaType("text/plain;charset=UTF-8"),
            "svg", MediaType.parseMediaType("image/svg+xml"),
            "ttf", MediaType.parseMediaType("font/ttf"),
            "woff", MediaType.parseMediaType("font/woff"),
            "woff2", MediaType.parseMediaType("font/woff2"));

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache();

    private final String html;
    private final Map<String, Asset> assets;
    private final String pagePath;
    private final String graphqlPath;
    private final String logtoEndpoint;
    private final String appId;
    private final String apiResource;
    private final String contentSecurityPolicy;

    private record Asset(Resource resource, MediaType type, CacheControl cacheControl) {
    }

    private GraphiQlPage(String html, Map<String, Asset> assets, String pagePath, String graphqlPath, String logtoEndpoint,
            String appId, String apiResource) {
        this.html = html;
        this.assets = Map.copyOf(assets);
        this.pagePath = pagePath;
        this.graphqlPath = graphqlPath;
        this.logtoEndpoint = logtoEndpoint;
        this.appId = appId;
        this.apiResource = apiResource;
        this.contentSecurityPolicy = contentSecurityPolicy(logtoEndpoint);
    }

    /**
     * Reads the built page and lists its assets from the classpath.
     *
     * @param pagePath the page's path ({@code spring.graphql.graphiql.path}); the assets are under {@code <pagePath>/assets/}
     * @param graphqlPath the GraphQL endpoint's path the page sends its requests to
     * @param logtoEndpoint the Logto tenant's base URL, the one other origin the page may connect to
     * @throws IllegalStateException when the page was not built into the classpath
     */
    static GraphiQlPage load(String pagePath, String graphqlPath, String logtoEndpoint, String appId, String apiResource) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(GraphiQlPage.class.getClassLoader());
        Resource index = resolver.getResource("classpath:" + LOCATION + "index.html");
        if (!index.exists()) {
            throw new IllegalStateException("GraphiQL is enabled (spring.graphql.graphiql.enabled) but its built page is missing from the "
                    + "classpath (" + LOCATION + "index.html): build it with `cd graphiql && npm ci && npm run build`");
        }
        Map<String, Asset> assets = new HashMap<>();
        try (InputStream in = index.getInputStream()) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Resource resource : resolver.getResources("classpath:" + LOCATION + "assets/*")) {
                String name = resource.getFilename();
                MediaType type = name == null ? null : TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
                if (type != null) {
                    assets.put(name, new Asset(resource, type, CONTENT_HASHED.matcher(name).matches() ? FOREVER : REVALIDATE));
                }
            }
            return new GraphiQlPage(html, assets, pagePath, graphqlPath, logtoEndpoint, appId, apiResource);
        } catch (IOException e) {
            throw new UncheckedIOException("GraphiQL's built page cannot be read from the classpath (" + LOCATION + ")", e);
        }
    }

    /**
     * The policy of every GraphiQL answer: scripts and workers only from this service, connections only to it and
     * to Logto's origin (OpenID discovery and the token endpoint), nothing framed, no base URL, no form posted.
     * Inline styles are allowed: Monaco and the dialogs GraphiQL opens write {@code <style>} elements at run time.
     */
    static String contentSecurityPolicy(String logtoEndpoint) {
        URI logto = URI.create(logtoEndpoint);
        String logtoOrigin = logto.getScheme() + "://" + logto.getRawAuthority();
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self' " + logtoOrigin,
                "worker-src 'self'",
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "form-action 'none'");
    }

    /** {@code GET <pagePath>}: the HTML page (no inline script or style), revalidated on every load. */
    Mono<ServerResponse> page(ServerRequest request) {
        String base = request.requestPath().contextPath().value() + pagePath;
        return ServerResponse.ok()
                .contentType(HTML)
                .cacheControl(REVALIDATE)
                .header(CONTENT_SECURITY_POLICY, contentSecurityPolicy)
                .bodyValue(html.replace("{{base}}", base));
    }

    /** {@code GET <pagePath>/config.json}: the {@link GraphiQlConfig} the page starts with. */
    Mono<ServerResponse> config(ServerRequest request) {
        String contextPath = request.requestPath().contextPath().value();
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(REVALIDATE)
                .header(CONTENT_SECURITY_POLICY, contentSecurityPolicy)
                .bodyValue(new GraphiQlConfig(contextPath + graphqlPath, logtoEndpoint, appId, apiResource));
    }

    /** {@code GET <pagePath>/assets/{file}}: one file the build wrote, or 404 for any other name. */
    Mono<ServerResponse> asset(ServerRequest request) {
        Asset asset = assets.get(request.pathVariable("file"));
        if (asset == null) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.ok()
                .contentType(asset.type())
                .cacheControl(asset.cacheControl())
                .header(CONTENT_SECURITY_POLICY, contentSecurityPolicy)
                .body(BodyInserters.fromResource(asset.resource()));
    }
}
