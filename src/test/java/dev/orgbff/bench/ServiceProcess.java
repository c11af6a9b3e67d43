package dev.orgbff.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service in a JVM of its own (its executable jar), so its CPU time is its own: started with Logto's
 * settings in its environment (the M2M secret never on a command line), its log in {@code service.log}, its
 * metrics endpoint opened for the run on its management port (which needs no token).
 */
final class ServiceProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String baseUrl;
    private final String managementUrl;
    private final Path log;
    private final Duration readyAfter;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServiceProcess(Process process, String baseUrl, String managementUrl, Path log, Duration readyAfter) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
        this.log = log;
        this.readyAfter = readyAfter;
    }

    /**
     * Starts the jar and waits until {@code /actuator/health} answers.
     *
     * @param environment the service's settings ({@code LOGTO_*}, {@code ORGBFF_*})
     * @throws IllegalStateException when it does not answer within a minute or exits
     */
    static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + managementPort,
                "--management.endpoints.web.exposure.include=health,metrics"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long launched = System.nanoTime();
        Process process = builder.start();
        String baseUrl = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() - launched < START_TIMEOUT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return new ServiceProcess(process, baseUrl, "http://127.0.0.1:" + managementPort, log,
                            Duration.ofNanos(System.nanoTime() - launched));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not answer /actuator/health within " + START_TIMEOUT + "; see " + log);
    }

    /**
     * Spring Boot's recipe for a fast start-up: the jar extracted into {@code directory} and a class data sharing
     * archive of what a start loads (a training run that stops once the context is refreshed, JDK 17's AppCDS).
     *
     * @return the extracted jar; start it with {@code -XX:SharedArchiveFile=} {@link #cdsArchive(Path)}
     * @throws IllegalStateException when extracting or the training run fails
     */
    static Path extractWithCds(Path jar, Path directory, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path application = directory.resolve("application");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", application.toString()),
                Map.of(), directory.resolve("extract.log"));
        Path extracted = application.resolve(jar.getFileName());
        List<String> training = new ArrayList<>(List.of(java()));
        training.addAll(jvmOptions);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + cdsArchive(directory), "-Dspring.context.exit=onRefresh", "-jar",
                extracted.toString(), "--server.port=0", "--management.server.port=0"));
        run(training, environment, directory.resolve("cds-training.log"));
        return extracted;
    }

    /** Where {@link #extractWithCds} writes the archive. */
    static Path cdsArchive(Path directory) {
        return directory.resolve("application.jsa");
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", command.subList(1, command.size())) + "; see " + log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String graphQlUrl() {
        return baseUrl + "/graphql";
    }

    /** The GraphQL over WebSocket endpoint ({@code graphql-transport-ws}). */
    String webSocketUrl() {
        return baseUrl.replaceFirst("^http", "ws") + "/graphql";
    }

    /** Where Logto delivers webhooks. */
    String webhookUrl() {
        return baseUrl + "/webhooks/logto";
    }

    long pid() {
        return process.pid();
    }

    /** From launch until {@code /actuator/health} answered 200 (a health check that reaches Logto included). */
    Duration readyAfter() {
        return readyAfter;
    }

    /** Spring's own "process running for" figure of the start-up log line, in seconds, when it is there. */
    Optional<Double> startedAfterSeconds() throws IOException {
        Matcher matcher = STARTED.matcher(Files.readString(log));
        return matcher.find() ? Optional.of(Double.valueOf(matcher.group(2))) : Optional.empty();
    }

    /** The CPU time of the whole process (every thread: request handling, GC, JIT) so far. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time on this OS"));
    }

    /** Bytes the service's JVM allocated so far, as its young collections saw them ({@code jvm.gc.memory.allocated}). */
    double allocatedBytes() throws IOException, InterruptedException {
        return metric("jvm.gc.memory.allocated", null);
    }

    /** Calls the service made to Logto's Management API so far ({@code logto.upstream.calls}, the M2M token call excluded). */
    long upstreamCalls() throws IOException, InterruptedException {
        return Math.round(metric("logto.upstream.calls", null) - metric("logto.upstream.calls", "route:/oidc/token"));
    }

    /**
     * The heap in use after a full collection (asked of the JVM with {@code jcmd GC.run}) and the heap committed, in bytes.
     */
    long[] heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        return new long[] {
            Math.round(metric("jvm.memory.used", "area:heap")),
            Math.round(metric("jvm.memory.committed", "area:heap"))};
    }

    /**
     * The JVM option that records the service with JDK Flight Recorder from its start ({@code default} settings): a
     * recording started later, by {@code jcmd}, throws away compiled code the JIT then takes minutes to rebuild.
     */
    static final String RECORDING = "-XX:StartFlightRecording=name=bench,settings=default";

    /** Writes the {@link #RECORDING} so far to {@code file}. */
    void dumpRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
    }

    private double metric(String name, String tag) throws IOException, InterruptedException {
        String url = managementUrl + "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return 0; // no such meter (yet): nothing counted
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /actuator/metrics/" + name + " answered " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.path("measurements").valueStream().filter(measurement -> measurement.path("statistic").asString().matches("COUNT|VALUE"))
                .mapToDouble(measurement -> measurement.path("value").asDouble()).sum();
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output.strip());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
