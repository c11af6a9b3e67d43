package dev.orgbff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.orgbff.emulator.LogtoEmulator;

/**
 * The embedded default run, {@code mvn spring-boot:test-run}: starts the Logto emulator with the
 * {@link DemoTenant demo tenant} (port 3001, or {@code --orgbff.emulator.port=N} / {@code ORGBFF_EMULATOR_PORT}),
 * then the BFF wired to it (port 8080, or {@code --server.port=N}; its management port 8081, or
 * {@code --management.server.port=N}), and prints the GraphiQL, web app and Prometheus URLs with a
 * ready {@code Authorization} header for each demo user. A single-page app "GraphiQL" in the tenant
 * ({@code orgbff.graphiql.app-id}) accepts {@code http://localhost:<port>/graphiql} and
 * {@code http://127.0.0.1:<port>/graphiql} as redirect and post-logout URIs, so GraphiQL signs in through the
 * emulator's demo user picker. GraphiQL is on, with introspection for its docs and autocompletion (both off by
 * default elsewhere). The {@link ReferenceWebApp reference web app} is served on an origin of its own,
 * {@code http://localhost:5173} (or {@code --orgbff.web-app.port=N} / {@code ORGBFF_WEB_APP_PORT}), with a single-page
 * app "Reference web app" in the tenant for its sign-in ({@code /callback}, post-logout {@code /}); the service's
 * CORS and WebSocket {@code Origin} check admit that origin ({@code orgbff.cors.allowed-origins}, added to any given),
 * and {@code orgbff.invitations.accept-url} is its landing page {@code /invitations/{invitationId}} unless given.
 * Invitation emails the emulator "sends" are
 * printed to the console with their link, so the whole invitation flow works without an email server. The BFF uses the
 * demo tenant's machine-to-machine app and the webhook signing key {@link DemoTenant#WEBHOOK_SIGNING_KEY} (or the first
 * of {@code --orgbff.webhooks.signing-keys}); once its port is known, its webhook ({@link #WEBHOOK_EVENTS} to
 * {@code /webhooks/logto}) is registered in the emulator, so the emulator's Management API writes reach it. The banner
 * also prints the command that starts a second instance against the same emulator. When the BFF
 * does not start, the emulator and the web app are stopped, so the JVM exits (with 1) once Spring Boot has printed why.
 *
 * <p>{@code @SpringBootApplication} only marks it for the Spring Boot Maven plugin, which takes the one class so
 * annotated when the test classes hold several main methods (the benchmark's, {@code ClientArtifacts}). It is never
 * a configuration: the application is {@link OrgBffApplication}, and as an abstract class it is seen neither by
 * component scanning nor by {@code @SpringBootTest}'s search for the configuration.
 */
@SpringBootApplication
public abstract class TestOrgBffApplication {

    private static final String PORT_ARGUMENT = "--orgbff.emulator.port=";
    private static final String WEB_APP_PORT_ARGUMENT = "--orgbff.web-app.port=";
    private static final String CORS_ARGUMENT = "--orgbff.cors.allowed-origins=";
    private static final String SIGNING_KEYS_ARGUMENT = "--orgbff.webhooks.signing-keys=";
    /** The Logto events the service's webhook subscribes to: organizations, memberships, the template (API scopes too), users. */
    public static final List<String> WEBHOOK_EVENTS = List.of("Organization.Created", "Organization.Deleted",
            "Organization.Data.Updated", "Organization.Membership.Updated", "OrganizationRole.Created", "OrganizationRole.Deleted",
            "OrganizationRole.Data.Updated", "OrganizationRole.Scopes.Updated", "OrganizationScope.Created",
            "OrganizationScope.Deleted", "OrganizationScope.Data.Updated", "Scope.Data.Updated", "Scope.Deleted", "User.Data.Updated",
            "User.Deleted");

    private TestOrgBffApplication() {
    }

    public static void main(String[] args) {
        // a console banner for the person who started the demo, deliberately not a log line: logs never carry tokens
        System.out.println(start(args).banner());
    }

    /**
     * Starts the emulator seeded with the demo tenant, then the BFF wired to it, as {@link #main} does.
     *
     * @param args the command line's arguments ({@code --server.port=0} and the like for free ports)
     * @throws RuntimeException when the BFF does not start; the emulator is stopped by then
     */
    public static Running start(String... args) {
        LogtoEmulator logto = LogtoEmulator.start(port(args, PORT_ARGUMENT, "ORGBFF_EMULATOR_PORT", 3001));
        ReferenceWebApp webApp = null;
        try {
            webApp = ReferenceWebApp.start(port(args, WEB_APP_PORT_ARGUMENT, "ORGBFF_WEB_APP_PORT", 5173));
            return start(logto, webApp, args);
        } catch (RuntimeException e) {
            // the servers' threads would keep the JVM alive after the failure Spring Boot has just printed
            if (webApp != null) {
                webApp.close();
            }
            logto.close();
            throw e;
        }
    }

    /**
     * {@link #start} on free ports (the service's, its management port, the emulator's and the web app's), for tests.
     *
     * @param args more of the command line's arguments
     */
    public static Running startOnFreePorts(String... args) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", PORT_ARGUMENT + 0,
                WEB_APP_PORT_ARGUMENT + 0));
        arguments.addAll(Arrays.asList(args));
        return start(arguments.toArray(String[]::new));
    }

    private static Running start(LogtoEmulator logto, ReferenceWebApp webApp, String[] args) {
        DemoTenant demo = DemoTenant.seed(logto);
        // GraphiQL's "Sign in" runs the authorization code flow against this single-page app; its redirect URIs
        // are registered once the BFF's port is known
        String graphiqlApp = logto.singlePageApp("GraphiQL", List.of(), List.of());
        // the reference web app signs in the same way, from its own origin, known already
        String webAppId = logto.singlePageApp("Reference web app", List.of(webApp.origin() + "/callback"), List.of(webApp.origin() + "/"));
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        arguments.add("--logto.endpoint=" + logto.endpoint());
        arguments.add("--logto.api-resource=" + logto.apiResource());
        arguments.add("--logto.management.app-id=" + DemoTenant.M2M_APP_ID);
        arguments.add("--logto.management.app-secret=" + DemoTenant.M2M_APP_SECRET);
        String signingKey = arguments.stream().filter(argument -> argument.startsWith(SIGNING_KEYS_ARGUMENT))
                .map(argument -> argument.substring(SIGNING_KEYS_ARGUMENT.length()).split(",")[0]).findFirst()
                .orElse(DemoTenant.WEBHOOK_SIGNING_KEY);
        if (arguments.stream().noneMatch(argument -> argument.startsWith(SIGNING_KEYS_ARGUMENT))) {
            arguments.add(SIGNING_KEYS_ARGUMENT + signingKey);
        }
        arguments.add("--orgbff.graphiql.app-id=" + graphiqlApp);
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--orgbff.invitations.accept-url="))) {
            // the invitation emails the console prints open the web app's landing page
            arguments.add("--orgbff.invitations.accept-url=" + webApp.origin() + "/invitations/{invitationId}");
        }
        // the web app calls the service from its own origin, as in a real deployment: CORS and the WebSocket Origin check admit it
        String corsOrigins = arguments.stream().filter(argument -> argument.startsWith(CORS_ARGUMENT))
                .map(argument -> argument.substring(CORS_ARGUMENT.length()) + ",").findFirst().orElse("") + webApp.origin();
        arguments.removeIf(argument -> argument.startsWith(CORS_ARGUMENT));
        arguments.add(CORS_ARGUMENT + corsOrigins);
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--orgbff.graphql.introspection="))) {
            // GraphiQL's docs and autocompletion read the schema by introspection, which is off by default
            arguments.add("--orgbff.graphql.introspection=true");
        }
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--spring.graphql.graphiql.enabled="))) {
            // the page at /graphiql is off by default elsewhere
            arguments.add("--spring.graphql.graphiql.enabled=true");
        }
        // the demo's "email server": a console banner for the person running the demo, not a log line
        logto.onMessage(message -> System.out.println("\n[email to " + message.invitee() + "] You are invited to join an organization: "
                + message.payload().path("link").asString() + "\n  (invitation id " + message.invitationId() + ")\n"));
        ConfigurableApplicationContext context = SpringApplication.from(OrgBffApplication::main)
                .run(arguments.toArray(String[]::new)).getApplicationContext();
        Running running = new Running(logto, demo, graphiqlApp, webApp, webAppId, context);
        webApp.configure(new ReferenceWebApp.Config(logto.endpoint(), webAppId, logto.apiResource(),
                "http://localhost:" + running.port() + "/graphql", "ws://localhost:" + running.port() + "/graphql"));
        List<String> graphiqlUris = List.of("http://localhost:" + running.port() + "/graphiql",
                "http://127.0.0.1:" + running.port() + "/graphiql");
        logto.addRedirectUris(graphiqlApp, graphiqlUris, graphiqlUris);
        // the service's webhook, registered once its port is known, as with a real tenant; its key was configured above
        logto.createHook(running.webhookUrl(), signingKey, WEBHOOK_EVENTS.toArray(String[]::new));
        return running;
    }

    private static int port(String[] args, String argument, String environmentVariable, int otherwise) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(argument))
                .map(arg -> arg.substring(argument.length()))
                .findFirst()
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .map(Integer::parseInt)
                .orElse(otherwise);
    }

    /**
     * The embedded run, started: the emulator, its demo tenant, the reference web app and the BFF.
     *
     * @param graphiqlApp the id of the single-page app GraphiQL signs in with
     * @param webApp the reference web app's server, on its own origin
     * @param webAppId the id of the single-page app the reference web app signs in with
     */
    public record Running(LogtoEmulator logto, DemoTenant demo, String graphiqlApp, ReferenceWebApp webApp, String webAppId,
            ConfigurableApplicationContext context) implements AutoCloseable {

        /** The BFF's port. */
        public int port() {
            return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        }

        /** Where the emulator delivers the service's webhooks: {@code http://localhost:<port>/webhooks/logto}. */
        public String webhookUrl() {
            return "http://localhost:" + port() + "/webhooks/logto";
        }

        /**
         * The command that starts a second instance of the service (main classpath, ports 10 above this one's) against the
         * same emulator, with the demo M2M app and the webhook's signing key.
         */
        String secondInstanceCommand() {
            String managementPort = context.getEnvironment().getProperty("local.management.port", "8081");
            return "LOGTO_ENDPOINT=" + logto.endpoint() + " LOGTO_API_RESOURCE=" + logto.apiResource()
                    + " LOGTO_M2M_APP_ID=" + DemoTenant.M2M_APP_ID + " LOGTO_M2M_APP_SECRET=" + DemoTenant.M2M_APP_SECRET
                    + " ORGBFF_WEBHOOKS_SIGNING_KEYS=" + context.getEnvironment().getProperty("orgbff.webhooks.signing-keys")
                    + " ORGBFF_ACCEPT_URL='" + context.getEnvironment().getProperty("orgbff.invitations.accept-url") + "'"
                    + " SERVER_PORT=" + (port() + 10) + " MANAGEMENT_SERVER_PORT=" + (Integer.parseInt(managementPort) + 10)
                    + " mvn spring-boot:run";
        }

        /** The URLs and a ready {@code Authorization} header for each demo user (tokens valid for 1 hour). */
        String banner() {
            String bff = "http://localhost:" + port();
            StringBuilder banner = new StringBuilder()
                    .append("\n\nlogto-org-bff is running against the Logto emulator at ").append(logto.endpoint())
                    .append("\n  GraphiQL: ").append(bff).append("/graphiql")
                    .append("\n  (its Sign in button signs in through the emulator's demo user picker: alice, bob, ...;"
                            + " Logto app id ").append(graphiqlApp).append(")")
                    .append("\n  Web app: ").append(webApp.origin()).append("/")
                    .append(webApp.placeholder() ? "\n  (a placeholder page: examples/web/dist/ is not built;"
                            : "\n  (the reference web app of examples/web, on an origin of its own, signs in the same way;")
                    .append(" Logto app id ").append(webAppId).append(")")
                    .append("\n  Prometheus metrics (management port, no token): http://localhost:")
                    .append(context.getEnvironment().getProperty("local.management.port", "?")).append("/actuator/prometheus")
                    .append("\n  Paste one of these into GraphiQL's Headers tab (valid for 1 hour; a fresh one: curl '")
                    .append(logto.endpoint()).append("/dev/token?username=alice'):\n");
            banner.append("\n  Logto's webhooks are delivered to ").append(webhookUrl())
                    .append(" (hook registered in the emulator; Organization.*, OrganizationRole.*, OrganizationScope.*,"
                            + " Scope.Data.Updated, Scope.Deleted, User.Data.Updated, User.Deleted)")
                    .append("\n  A second instance against the same emulator (add the Redis setting to both to share events):\n  ")
                    .append(secondInstanceCommand()).append('\n');
            for (String[] user : List.of(
                    new String[] {"alice", demo.alice(), "admin of Acme"},
                    new String[] {"bob", demo.bob(), "member of Acme"},
                    new String[] {"carol", demo.carol(), "invited to Acme"},
                    new String[] {"dave", demo.dave(), "admin of Globex"},
                    new String[] {"erin", demo.erin(), "in no organization"})) {
                banner.append("\n  ").append(user[0]).append(" (").append(user[2]).append("):\n  {\"Authorization\": \"Bearer ")
                        .append(logto.userToken(user[1])).append("\"}\n");
            }
            return banner.toString();
        }

        /** Stops the BFF, then the web app and the emulator. */
        @Override
        public void close() {
            context.close();
            webApp.close();
            logto.close();
        }
    }
}
