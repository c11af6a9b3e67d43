package dev.orgbff;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.orgbff.ReadmeBlocks.Result;
import dev.orgbff.ReadmeBlocks.ShellBlock;
import dev.orgbff.emulator.LogtoEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's Maven and {@code java -jar} commands, run as a user runs them: with bash, in the project directory,
 * with the Maven that runs this build, after packaging (the integration-test phase), so that nothing they build
 * disturbs the tests. The only changes to their text: ports become free ones, and the placeholders of a real tenant
 * ({@code https://abc123.logto.app}, {@code https://api.example.com}, the M2M app's {@code ...}, a web app's
 * manifest at {@code /etc/orgbff/web.json}, the screenshots' {@code docs/web-app/}) become a Logto emulator's values
 * and files of this test. Each
 * service is stopped (its whole process tree) once it has answered. Also a {@code mvn spring-boot:test-run} whose
 * service cannot start: it must print why and exit.
 */
class ReadmeCommandsIT {

    /** A nested Maven build on two busy cores; the README's commands start in well under a minute alone. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Path OUT = Path.of("target", "readme-it");
    private static final Pattern TEST_RUN_WITH_PORTS = Pattern.compile("`(mvn spring-boot:test-run -Dspring-boot\\.run\\.arguments=[^`]*)`");
    private static final Pattern PORT_ARGUMENT = Pattern.compile("--(server\\.port|management\\.server\\.port|orgbff\\.emulator\\.port|orgbff\\.web-app\\.port)=(\\d+)");
    private static final String SWITCHER = "{\"query\":\"{ viewer { organizations { edges { node { name } } } } }\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void outputDirectory() throws IOException {
        Files.createDirectories(OUT);
    }

    @Test
    void testRun_onTheReadmesOtherPorts_printsTheBannerAndAnswers() throws Exception {
        // given: "Other ports: mvn spring-boot:test-run -Dspring-boot.run.arguments=..." with free ones
        Matcher command = TEST_RUN_WITH_PORTS.matcher(ReadmeBlocks.readme());
        assertThat(command.find()).as("the README's spring-boot:test-run command with other ports").isTrue();
        Map<String, Integer> ports = new LinkedHashMap<>();
        String script = PORT_ARGUMENT.matcher(command.group(1)).replaceAll(argument -> {
            ports.put(argument.group(1), freePort());
            return "--" + argument.group(1) + "=" + ports.get(argument.group(1));
        });
        assertThat(ports).containsOnlyKeys("server.port", "management.server.port", "orgbff.emulator.port", "orgbff.web-app.port");

        // when
        try (Background run = Background.start(script, Map.of(), OUT.resolve("test-run.log"))) {
            run.awaitOutput("GraphiQL: http://localhost:" + ports.get("server.port") + "/graphiql");

            // then
            assertThat(run.output()).contains("logto-org-bff is running against the Logto emulator at http://127.0.0.1:"
                    + ports.get("orgbff.emulator.port"), "http://localhost:" + ports.get("management.server.port") + "/actuator/prometheus",
                    "Web app: http://localhost:" + ports.get("orgbff.web-app.port") + "/", "alice (admin of Acme):",
                    "{\"Authorization\": \"Bearer ey");
            String token = JSON.readTree(get("http://localhost:" + ports.get("orgbff.emulator.port") + "/dev/token?username=alice"))
                    .path("access_token").asString();
            assertThat(post("http://localhost:" + ports.get("server.port") + "/graphql", token, SWITCHER).body())
                    .contains("\"name\":\"Acme\"");
            assertThat(get("http://localhost:" + ports.get("orgbff.web-app.port") + "/config.json"))
                    .contains("\"graphqlUrl\":\"http://localhost:" + ports.get("server.port") + "/graphql\"");
        }
    }

    @Test
    void testRun_whenTheServiceCannotStart_printsWhyAndExits() throws Exception {
        // given: a setting the service refuses at start-up
        String script = "mvn spring-boot:test-run '-Dspring-boot.run.arguments=--server.port=0 --management.server.port=0"
                + " --orgbff.emulator.port=0 --orgbff.web-app.port=0 --orgbff.invitations.accept-url=not-a-url'";

        // when
        Result result = ReadmeBlocks.bash(script, maven(), Path.of("").toAbsolutePath(), START_TIMEOUT);

        // then
        assertThat(result.exitCode()).as(result.describe(script)).isNotZero();
        assertThat(result.stdout()).as(result.describe(script)).contains("APPLICATION FAILED TO START", "orgbff.invitations.accept-url",
                "BUILD FAILURE");
    }

    @Test
    void run_pointedAtATenant_answersWithItsData() throws Exception {
        // given: the Configuration section's command, its environment pointed at an emulator
        try (LogtoEmulator logto = LogtoEmulator.start(0)) {
            DemoTenant demo = DemoTenant.seed(logto);
            int port = freePort();
            String script = substitute(block("mvn spring-boot:run"), Map.of(
                    "https://abc123.logto.app", logto.endpoint(),
                    "https://api.example.com", logto.apiResource(),
                    "LOGTO_M2M_APP_ID=...", "LOGTO_M2M_APP_ID=" + logto.m2mAppId(),
                    "LOGTO_M2M_APP_SECRET=...", "LOGTO_M2M_APP_SECRET=" + logto.m2mAppSecret()));
            Map<String, String> environment = Map.of("SERVER_PORT", String.valueOf(port), "MANAGEMENT_SERVER_PORT", String.valueOf(freePort()));

            // when
            try (Background run = Background.start(script, environment, OUT.resolve("run.log"))) {
                HttpResponse<String> answer = run.await(() -> answered("http://localhost:" + port + "/graphql", logto.userToken(demo.alice()), SWITCHER));

                // then
                assertThat(answer.body()).as(run.output()).contains("\"name\":\"Acme\"");
                assertThat(run.output()).contains("Starting OrgBffApplication").doesNotContain("running against the Logto emulator");
            }
        }
    }

    @Test
    void jar_withTrustedDocuments_runsTheirDocumentsByHash() throws Exception {
        // given: the Trusted documents section's deployment, its web app's manifest a file of one document
        try (LogtoEmulator logto = LogtoEmulator.start(0)) {
            DemoTenant demo = DemoTenant.seed(logto);
            String webDocument = "query WebSwitcher { viewer { organizations { edges { node { name } } } } }";
            Path webManifest = OUT.resolve("web.json").toAbsolutePath();
            Files.writeString(webManifest, JSON.writeValueAsString(Map.of(sha256(webDocument), webDocument)));
            int port = freePort();
            String script = substitute(block("java -jar"), Map.of("/etc/orgbff/web.json", webManifest.toString()));
            Map<String, String> environment = new LinkedHashMap<>(logtoEnvironment(logto));
            environment.put("SERVER_PORT", String.valueOf(port));
            environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(freePort()));
            String graphql = "http://localhost:" + port + "/graphql";
            String token = logto.userToken(demo.alice());

            // when
            try (Background jar = Background.start(script, environment, OUT.resolve("jar.log"))) {
                HttpResponse<String> web = jar.await(() -> answered(graphql, token, byHash(webDocument)));
                HttpResponse<String> canonical = post(graphql, token, byHash(Files.readString(Path.of("schema", "operations", "switcher.graphql"))));
                HttpResponse<String> other = post(graphql, token, SWITCHER);

                // then
                assertThat(web.body()).as(jar.output()).contains("\"name\":\"Acme\"");
                assertThat(canonical.body()).as(jar.output()).contains("\"name\":\"Acme\"");
                assertThat(other.body()).contains("\"errors\"").doesNotContain("\"name\":\"Acme\"");
            }
        }
    }

    @Test
    void screenshotsCommand_runsTheBrowserTestAndCopiesItsScreenshots() throws Exception {
        // given: the Building your app section's command, copying into a folder of this test instead of docs/web-app/
        assumeTrue(Stream.of("chromium", "chromium-browser", "google-chrome").flatMap(name -> Stream.of(System.getenv("PATH").split(":"))
                .map(directory -> Path.of(directory, name))).anyMatch(Files::isExecutable), "no Chromium on the PATH: the browser test would be skipped");
        Path screenshots = Files.createDirectories(OUT.resolve("screenshots")).toAbsolutePath();
        String script = substitute(block("cp target/web-app"), Map.of("docs/web-app/", screenshots + "/"));

        // when
        Result result = ReadmeBlocks.bash(script, maven(), Path.of("").toAbsolutePath(), START_TIMEOUT);

        // then
        assertThat(result.exitCode()).as(result.describe(script)).isZero();
        assertThat(result.stdout()).containsPattern("Tests run: [1-9]\\d*, Failures: 0, Errors: 0, Skipped: 0").contains("BUILD SUCCESS");
        try (Stream<Path> files = Files.list(screenshots)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("landing-page.png", "organization-settings.png", "switcher.png");
        }
        try (Stream<Path> committed = Files.list(Path.of("docs", "web-app"))) {
            assertThat(committed.map(file -> file.getFileName().toString())).as("the README's copies")
                    .containsExactlyInAnyOrder("landing-page.png", "organization-settings.png", "switcher.png");
        }
    }

    @Test
    void blocksGivenToThisTest_areTheOnesItRuns() {
        assertThat(ReadmeBlocks.runBy(ReadmeCommandsIT.class)).extracting(ShellBlock::text)
                .satisfiesExactlyInAnyOrder(text -> assertThat(text).contains("mvn spring-boot:run"), text -> assertThat(text).contains("java -jar"),
                        text -> assertThat(text).contains("cp target/web-app"));
    }

    /** The one block given to this test that holds {@code command}. */
    private static String block(String command) {
        List<ShellBlock> blocks = ReadmeBlocks.runBy(ReadmeCommandsIT.class).stream().filter(block -> block.text().contains(command)).toList();
        assertThat(blocks).as("README blocks marked <!-- run by ReadmeCommandsIT --> that hold " + command).hasSize(1);
        return blocks.get(0).text();
    }

    private static String substitute(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertThat(result).as("the README's block").contains(replacement.getKey());
            result = result.replace(replacement.getKey(), replacement.getValue());
        }
        return result;
    }

    /** The Maven of this build first on the PATH, and its local repository. */
    private static Map<String, String> maven() {
        String javaHome = System.getProperty("java.home");
        return Map.of("PATH", Path.of(System.getProperty("readme.maven-home"), "bin") + ":" + Path.of(javaHome, "bin") + ":" + System.getenv("PATH"),
                "JAVA_HOME", javaHome,
                "MAVEN_OPTS", "-Dmaven.repo.local=" + System.getProperty("readme.maven-repository"));
    }

    /** Logto's settings as a deployment's environment gives them. */
    private static Map<String, String> logtoEnvironment(LogtoEmulator logto) {
        return Map.of("LOGTO_ENDPOINT", logto.endpoint(), "LOGTO_API_RESOURCE", logto.apiResource(), "LOGTO_M2M_APP_ID", logto.m2mAppId(),
                "LOGTO_M2M_APP_SECRET", logto.m2mAppSecret(), "ORGBFF_ACCEPT_URL", "https://app.example.test/invitations/{invitationId}");
    }

    private static String byHash(String document) {
        return "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(document) + "\"}}}";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A POST answered with HTTP 200; throws otherwise (a service still starting). */
    private HttpResponse<String> answered(String url, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(url, token, body);
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> post(String url, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command that keeps running (a service), its output in a log file. */
    private record Background(Process process, Path log, String script) implements AutoCloseable {

        /** Starts {@code script} with {@link #maven()} and {@code environment} added to this process's environment. */
        static Background start(String script, Map<String, String> environment, Path log) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(maven());
            builder.environment().putAll(environment);
            return new Background(builder.start(), log, script);
        }

        /** Waits until the output holds {@code text}. */
        void awaitOutput(String text) throws Exception {
            await(() -> {
                if (!output().contains(text)) {
                    throw new IllegalStateException("not printed yet: " + text);
                }
                return text;
            });
        }

        /** Calls {@code call} until it returns without throwing (a service that answers), while the command runs. */
        <T> T await(Callable<T> call) throws Exception {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (true) {
                try {
                    return call.call();
                } catch (Exception notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new AssertionError((process.isAlive() ? "no answer within " + START_TIMEOUT : "exited with " + process.exitValue())
                                + ": " + notYet.getMessage() + "\n--- script\n" + script + "\n--- output\n" + output(), notYet);
                    }
                    Thread.sleep(500);
                }
            }
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            ReadmeBlocks.stop(process);
        }
    }
}
