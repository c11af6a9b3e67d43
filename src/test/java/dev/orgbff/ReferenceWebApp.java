package dev.orgbff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The reference web app ({@code examples/web/}) as the embedded run serves it: on an origin of its own,
 * {@code http://localhost:<port>}, as a real deployment has it, so that the service's CORS rules and WebSocket
 * {@code Origin} check apply to it. It answers GET and HEAD with the built files of {@code examples/web/dist/}
 * ({@link #DIST}, relative to the working directory, the project's), with {@code index.html} for a path that names no
 * file and has no extension (the app's client-side routes: {@code /}, {@code /callback},
 * {@code /invitations/{invitationId}}), 404 for a missing file with an extension (a stale script reference fails as
 * such, not as HTML), and with {@code /config.json}, the {@link Config} of the run. While {@code examples/web/dist/}
 * has not been built it serves a placeholder page from the test resources ({@link #placeholder()}). Test scope only:
 * the production jar does not carry the app.
 */
public final class ReferenceWebApp implements AutoCloseable {

    /** Where the app's build writes its files, relative to the project directory. */
    public static final Path DIST = Path.of("examples", "web", "dist");
    private static final String PLACEHOLDER = "/web-app-placeholder";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Path root;
    private volatile byte @Nullable [] config;

    private ReferenceWebApp(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /**
     * Binds {@code 127.0.0.1} ({@code localhost}, the app's origin) and starts serving; {@code /config.json} answers 503
     * until {@link #configure} is called.
     *
     * @param port the TCP port, or 0 for a free one (see {@link #origin()})
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static ReferenceWebApp start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            ReferenceWebApp app = new ReferenceWebApp(server, root());
            server.createContext("/", app::handle);
            server.start();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the reference web app on port " + port
                    + " (another port: --orgbff.web-app.port=N or ORGBFF_WEB_APP_PORT)", e);
        }
    }

    private static Path root() {
        if (Files.isRegularFile(DIST.resolve("index.html"))) {
            return DIST.toAbsolutePath().normalize();
        }
        try {
            return Path.of(Objects.requireNonNull(ReferenceWebApp.class.getResource(PLACEHOLDER), PLACEHOLDER).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's origin, {@code http://localhost:<port>}, without a trailing slash. */
    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** True when {@code examples/web/dist/} has not been built and a placeholder page is served instead. */
    public boolean placeholder() {
        return !root.endsWith(DIST);
    }

    /** Sets what {@code /config.json} answers from now on. */
    public void configure(Config config) {
        this.config = JSON.writeValueAsBytes(config);
    }

    /** Stops the server at once. Calling it again does nothing. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, MediaType.TEXT_PLAIN, "method not allowed".getBytes());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            byte[] configuration = config;
            if (path.equals("/config.json")) {
                send(exchange, configuration == null ? 503 : 200, MediaType.APPLICATION_JSON,
                        configuration == null ? "{}".getBytes() : configuration);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                if (file.getFileName() != null && file.getFileName().toString().contains(".")) {
                    send(exchange, 404, MediaType.TEXT_PLAIN, "not found".getBytes());
                    return;
                }
                file = root.resolve("index.html");
            }
            MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString()).orElse(MediaType.APPLICATION_OCTET_STREAM);
            send(exchange, 200, type, Files.readAllBytes(file));
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, MediaType type, byte[] body) throws IOException {
        boolean text = type.getType().equals("text") || type.equals(MediaType.APPLICATION_JSON);
        exchange.getResponseHeaders().set("Content-Type", text ? type + ";charset=utf-8" : type.toString());
        // rebuilt files take effect on the next load
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /**
     * What the app reads from {@code /config.json} at start: everything that differs between the embedded run and a
     * real tenant, so that pointing the app at one changes this file only.
     *
     * @param logtoEndpoint Logto's endpoint, e.g. {@code http://127.0.0.1:3001}
     * @param appId the client id of the app's single-page application in Logto
     * @param apiResource the service's API resource indicator, the audience of the access token the app asks for
     * @param graphqlUrl the service's GraphQL endpoint over HTTP, {@code http://localhost:<port>/graphql}
     * @param graphqlWsUrl the same endpoint for subscriptions over WebSocket, {@code ws://localhost:<port>/graphql}
     */
    public record Config(String logtoEndpoint, String appId, String apiResource, String graphqlUrl, String graphqlWsUrl) {
    }
}
