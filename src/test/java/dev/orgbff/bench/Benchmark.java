package dev.orgbff.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.orgbff.bench.Results.Row;

/**
 * The benchmark ({@code mvn -Pbench verify}, see the README): the service's executable jar in a JVM of its own
 * against the Logto emulator (a set latency per call) or a real Logto, each canonical read query of
 * {@code schema/operations/} at each concurrency, after a warm-up, next to the same data fetched without the
 * service (the {@link NoBffClient no-BFF baseline}). Writes {@code results.md} and {@code results.json} to
 * {@code bench.out} and prints the Markdown. Not a test: it asserts nothing and fails only when it cannot run.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STATED_COST = Pattern.compile("(\\d+) Logto calls? in (\\d+) round trips?");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BenchConfig config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    public Benchmark(BenchConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark(BenchConfig.from(System.getProperties(), System.getenv()));
        if (benchmark.config.soak()) {
            System.out.println(Soak.markdown(benchmark.soak()));
        } else {
            System.out.println(Files.readString(benchmark.run().markdownFile()));
        }
        System.exit(0); // the HTTP clients' threads must not keep Maven waiting
    }

    /** The soak ({@link Soak}) against the emulator, with the service started as for the benchmark. */
    public Soak.SoakResults soak() throws Exception {
        if (config.remote() != null) {
            throw new IllegalStateException("the soak injects faults, so it runs against the emulator only");
        }
        Files.createDirectories(config.out());
        try (Target target = Target.emulated(config.latency()); ServiceProcess service = startService(target)) {
            log("service ready after " + service.readyAfter().toMillis() + " ms; soaking " + config.soakClients() + " clients for "
                    + config.soakDuration().toSeconds() + " s");
            return Soak.run(service, Objects.requireNonNull(target.emulator()), Objects.requireNonNull(target.demo()),
                    config.soakClients(), config.soakDuration(), 0.05, 0.01, config.out());
        }
    }

    /** Runs everything the configuration says and writes the results. */
    public Results run() throws Exception {
        Files.createDirectories(config.out());
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (Target target = config.remote() == null ? Target.emulated(config.latency()) : Target.remote(config.remote());
                ServiceProcess service = startService(target)) {
            log("service ready after " + service.readyAfter().toMillis() + " ms against " + target.describe());
            NoBffClient noBff = target.noBffClient();
            @Nullable Duration latency = target.latency(config.latency());
            List<Scenario> scenarios = new ArrayList<>();
            for (Query query : config.queries()) {
                Target.Subject subject = target.subject(query);
                if (subject == null) {
                    notes.add(query.operation() + " skipped: no token (or no BENCH_ORGANIZATION_ID) for it");
                } else {
                    scenarios.add(prepare(query, subject, service, noBff, notes));
                }
            }
            // the service's JIT compiles its hot path only after thousands of requests: until then CPU per request means little
            int most = config.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
            for (Scenario scenario : scenarios) {
                ClosedLoop.run(most, config.jitWarmUp().dividedBy(Math.max(1, scenarios.size())), scenario.serviceRequest());
            }
            Instant measured = null;
            for (Scenario scenario : scenarios) {
                for (int clients : config.concurrency()) {
                    ClosedLoop.run(clients, config.warmUp(), scenario.serviceRequest());
                    if (measured == null) {
                        measured = Instant.now();
                    }
                    long callsBefore = service.upstreamCalls();
                    Duration cpuBefore = service.cpuTime(); // after the metrics read, which is not a measured request
                    ClosedLoop.Outcome outcome = ClosedLoop.run(clients, config.duration(), scenario.serviceRequest());
                    Duration cpu = service.cpuTime().minus(cpuBefore);
                    long calls = service.upstreamCalls() - callsBefore;
                    rows.add(Row.of(scenario.query(), "service", clients, outcome, latency, scenario.expected().serviceMinimumRoundTrips(),
                            calls, scenario.expected().serviceMinimumCalls(), cpu));
                    log(rows.get(rows.size() - 1).summary());
                    if (config.baseline()) {
                        AtomicLong directCalls = new AtomicLong();
                        ClosedLoop.Request baselineRequest = () -> {
                            NoBffClient.Fetched fetched = scenario.fetch().apply(noBff).join();
                            directCalls.addAndGet(fetched.calls());
                            return fetched.items() == scenario.expected().items();
                        };
                        ClosedLoop.run(clients, config.warmUp(), baselineRequest);
                        directCalls.set(0);
                        ClosedLoop.Outcome direct = ClosedLoop.run(clients, config.duration(), baselineRequest);
                        rows.add(Row.of(scenario.query(), "no BFF", clients, direct, latency, scenario.expected().roundTrips(),
                                directCalls.get(), scenario.expected().calls(), null));
                        log(rows.get(rows.size() - 1).summary());
                    }
                }
            }
            ProfileSummary profile = null;
            if (config.profile() && measured != null) {
                Path recordingFile = config.out().resolve("service.jfr");
                service.dumpRecording(recordingFile);
                profile = ProfileSummary.of(recordingFile, measured);
            }
            long[] heap = scenarios.isEmpty() ? new long[] {0, 0} : service.heapAfterGc();
            Results results = new Results(started, Results.Machine.current(), config.remote() == null ? "emulator" : "remote",
                    latency == null ? null : latency.toMillis(), config.warmUp().toMillis(), config.duration().toMillis(),
                    config.serviceJvmOptions(), config.cds(), service.readyAfter().toMillis(), service.startedAfterSeconds().orElse(null),
                    heap[0], heap[1], rows, notes, profile, config.out().resolve("results.md"));
            results.write(config.out());
            return results;
        }
    }

    /** The service's jar as is, or extracted with a class data sharing archive ({@code bench.cds}). */
    private ServiceProcess startService(Target target) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(config.serviceJvmOptions());
        Path jar = config.jar();
        if (config.cds()) {
            jar = ServiceProcess.extractWithCds(jar, config.out(), options, target.serviceEnvironment());
            options.add("-XX:SharedArchiveFile=" + ServiceProcess.cdsArchive(config.out()));
        }
        if (config.profile()) {
            options.add(ServiceProcess.RECORDING);
        }
        return ServiceProcess.start(jar, options, target.serviceEnvironment(), config.out().resolve("service.log"));
    }

    /** One query ready to send, its answer checked against the Management API's data. */
    private record Scenario(Query query, Target.Subject subject, ClosedLoop.Request serviceRequest,
            Function<NoBffClient, CompletableFuture<NoBffClient.Fetched>> fetch, NoBffClient.Fetched expected) {
    }

    private Scenario prepare(Query query, Target.Subject subject, ServiceProcess service, NoBffClient noBff, List<String> notes)
            throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", operation(query), "variables", subject.variables()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.graphQlUrl())).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + subject.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Function<NoBffClient, CompletableFuture<NoBffClient.Fetched>> fetch = baselineFetch(query, subject);
        NoBffClient.Fetched expected = fetch.apply(noBff).join();
        int items = items(query, send(request));
        if (items != expected.items()) {
            notes.add(query.operation() + ": the service showed " + items + " items where the Management API has " + expected.items());
        }
        int[] stated = statedCost(query);
        if (config.remote() == null && (stated[0] != expected.serviceMinimumCalls() || stated[1] != expected.serviceMinimumRoundTrips())) {
            notes.add(query.operation() + ": the stated cost (" + stated[0] + " calls, " + stated[1] + " round trips) differs from the data's minimum ("
                    + expected.serviceMinimumCalls() + ", " + expected.serviceMinimumRoundTrips() + ")");
        }
        return new Scenario(query, subject, () -> ok(send(request)), fetch, expected);
    }

    private Function<NoBffClient, CompletableFuture<NoBffClient.Fetched>> baselineFetch(Query query, Target.Subject subject) {
        return switch (query) {
            case SWITCHER -> client -> client.switcher(subject.userId());
            case ORGANIZATION_PAGE -> client -> client.organizationPage(subject.userId(), (String) subject.variables().get("id"));
            case INVITEE_LANDING -> client -> client.inviteeLanding(subject.userId());
        };
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the service answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** An answer with data and without errors: a cheap look for the {@code errors} key, as parsing every answer would cost the load generator. */
    private static boolean ok(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.startsWith("{\"data\":{") && !text.contains("\"errors\":");
    }

    /** How many items an answer shows, to compare with the Management API's own count. */
    private static int items(Query query, byte[] body) {
        JsonNode root = JSON.readTree(body);
        if (root.has("errors")) {
            throw new IllegalStateException(query.operation() + " answered errors: " + root.path("errors"));
        }
        JsonNode data = root.path("data");
        return switch (query) {
            case SWITCHER -> data.path("viewer").path("organizations").path("edges").size();
            case ORGANIZATION_PAGE -> data.path("organization").path("members").path("edges").size()
                    + data.path("organization").path("invitations").path("edges").size();
            case INVITEE_LANDING -> data.path("viewer").path("pendingInvitations").size();
        };
    }

    /** The operation's text, from the classpath copy of {@code schema/operations/}. */
    static String operation(Query query) throws IOException {
        try (InputStream in = Objects.requireNonNull(Benchmark.class.getResourceAsStream("/graphql/operations/" + query.operation() + ".graphql"),
                query.operation())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The cost stated in the operation's header comment for the canonical sizes: calls and round trips. */
    static int[] statedCost(Query query) throws IOException {
        Matcher matcher = STATED_COST.matcher(operation(query));
        if (!matcher.find()) {
            throw new IllegalStateException(query.operation() + ".graphql states no cost");
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
