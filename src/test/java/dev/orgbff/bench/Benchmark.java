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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

import dev.orgbff.CanonicalTenant;
import dev.orgbff.bench.Results.Row;
import dev.orgbff.redis.TestRedis;

/**
 * The benchmark ({@code mvn -Pbench verify}, see the README): the service's executable jar in a JVM of its own
 * against the Logto emulator (a set latency per call) or a real Logto, each canonical read query of
 * {@code schema/operations/} at each concurrency, after a warm-up, next to the same data fetched without the
 * service (the {@link NoBffClient no-BFF baseline}), the organization page at each size of {@code bench.members}. Writes
 * {@code results.md}, {@code results.json} and the {@link Charts charts} to {@code bench.out} and prints the Markdown. Not a test: it asserts nothing and fails only when it cannot run.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STATED_COST = Pattern.compile("(\\d+) Logto calls? in (\\d+) round trips?");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The service's limits on WebSocket connections, as environment variables, raised for the live measurements. */
    private static final String SUBSCRIPTIONS_PER_CONNECTION = "ORGBFF_SUBSCRIPTIONS_SUBSCRIPTIONS_PER_CONNECTION";
    private static final String CONNECTIONS_PER_USER = "ORGBFF_SUBSCRIPTIONS_CONNECTIONS_PER_USER";

    private final BenchConfig config;
    private @Nullable Path extracted;
    private int serviceLogs;
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
        try (Target target = Target.emulated(config.latency(), List.of()); ServiceProcess service = startService(target, Map.of(), config.profile())) {
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
        try (Target target = config.remote() == null ? Target.emulated(config.latency(), config.members()) : Target.remote(config.remote())) {
            NoBffClient noBff = target.noBffClient();
            @Nullable Duration latency = target.latency(config.latency());
            ProfileSummary profile = null;
            long[] heap;
            long readyAfterMs;
            @Nullable Double startedAfterSeconds;
            try (ServiceProcess service = startService(target, Map.of(), config.profile())) {
                log("service ready after " + service.readyAfter().toMillis() + " ms against " + target.describe());
                List<Scenario> scenarios = new ArrayList<>();
                for (Query query : config.queries()) {
                    if (query == Query.ORGANIZATION_PAGE) {
                        for (int members : config.members()) {
                            Target.Subject subject = target.organizationPage(members);
                            if (subject == null) {
                                notes.add(query.operation() + " of " + members + " members skipped: no token, or no BENCH_ORGANIZATION_ID"
                                        + (members == CanonicalTenant.MEMBERS ? "" : "_" + members) + ", for it");
                            } else {
                                scenarios.add(prepare(query, members, subject, service, noBff, notes));
                            }
                        }
                        continue;
                    }
                    Target.Subject subject = target.subject(query);
                    if (subject == null) {
                        notes.add(query.operation() + " skipped: no token for it");
                    } else {
                        scenarios.add(prepare(query, null, subject, service, noBff, notes));
                    }
                }
                jitWarmUp(scenarios, scenarios.size());
                Instant measured = null;
                for (Scenario scenario : scenarios) {
                    for (int clients : config.concurrency()) {
                        ClosedLoop.run(clients, config.warmUp(), scenario.serviceRequest());
                        if (measured == null) {
                            measured = Instant.now();
                        }
                        rows.add(measure(scenario, service, "service", clients, latency, scenario.expected().serviceMinimumRoundTrips(),
                                scenario.expected().serviceMinimumCalls()));
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
                            rows.add(Row.of(scenario.query(), scenario.members(), scenario.fields(), "no BFF", clients, direct, latency,
                                    scenario.expected().roundTrips(), directCalls.get(), scenario.expected().calls(), null));
                            log(rows.get(rows.size() - 1).summary());
                        }
                    }
                }
                if (config.profile() && measured != null) {
                    Path recordingFile = config.out().resolve("service.jfr");
                    service.dumpRecording(recordingFile);
                    profile = ProfileSummary.of(recordingFile, measured);
                }
                heap = scenarios.isEmpty() ? new long[] {0, 0} : service.heapAfterGc();
                readyAfterMs = service.readyAfter().toMillis();
                startedAfterSeconds = service.startedAfterSeconds().orElse(null);
            }
            LiveResults live = config.live() == null ? new LiveResults(null, List.of()) : live(config.live(), target, noBff, latency, rows, notes);
            Results results = new Results(started, Results.Machine.current(), config.remote() == null ? "emulator" : "remote",
                    latency == null ? null : latency.toMillis(), config.warmUp().toMillis(), config.duration().toMillis(),
                    config.serviceJvmOptions(), config.cds(), readyAfterMs, startedAfterSeconds,
                    heap[0], heap[1], rows, live.idle(), live.deliveries(), notes, profile, config.out().resolve("results.md"));
            results.write(config.out());
            return results;
        }
    }

    /**
     * The service's JIT compiles its hot path only after thousands of requests: until then CPU per request means little.
     * Each scenario gets {@code bench.jit-warm-up} ÷ {@code shares} at the highest concurrency.
     */
    private void jitWarmUp(List<Scenario> scenarios, int shares) throws InterruptedException {
        int most = config.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (Scenario scenario : scenarios) {
            ClosedLoop.run(most, config.jitWarmUp().dividedBy(Math.max(1, shares)), scenario.serviceRequest());
        }
    }

    /** One measurement of the service (after its warm-up): latencies, Logto calls and the process's CPU time. */
    private Row measure(Scenario scenario, ServiceProcess service, String path, int clients, @Nullable Duration latency, int roundTrips,
            int minimumCalls) throws IOException, InterruptedException {
        long callsBefore = service.upstreamCalls();
        double allocatedBefore = service.allocatedBytes();
        Duration cpuBefore = service.cpuTime(); // after the metrics read, which is not a measured request
        ClosedLoop.Outcome outcome = ClosedLoop.run(clients, config.duration(), scenario.serviceRequest());
        Duration cpu = service.cpuTime().minus(cpuBefore);
        double allocated = service.allocatedBytes() - allocatedBefore;
        long calls = service.upstreamCalls() - callsBefore;
        Row row = Row.of(scenario.query(), scenario.members(), scenario.fields(), path, clients, outcome, latency, roundTrips, calls,
                minimumCalls, cpu);
        log(row.summary() + String.format(", %.0f KB allocated/req", allocated / 1024 / Math.max(1, outcome.requests())));
        return row;
    }

    private record LiveResults(Results.@Nullable IdleSubscriptions idle, List<Results.Delivery> deliveries) {
    }

    /**
     * The live-update measurements ({@link BenchConfig.Live}): services started with a fresh webhook signing key, and
     * the limits on WebSocket connections raised to what the measurements open (one token opens them all).
     */
    private LiveResults live(BenchConfig.Live settings, Target target, NoBffClient noBff, @Nullable Duration latency, List<Row> rows,
            List<String> notes) throws Exception {
        String signingKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ORGBFF_WEBHOOKS_SIGNING_KEYS", signingKey);
        environment.put(SUBSCRIPTIONS_PER_CONNECTION, String.valueOf(settings.subscriptionsPerConnection()));
        environment.put(CONNECTIONS_PER_USER, String.valueOf(settings.connections()));
        Target.Subject switcher = target.subject(Query.SWITCHER);
        Target.Subject member = target.subject(Query.ORGANIZATION_PAGE);
        Results.IdleSubscriptions idle = null;
        List<Results.Delivery> deliveries = new ArrayList<>();
        LiveUpdates.Webhooks webhooks = member == null ? null
                : new LiveUpdates.Webhooks(signingKey, noBff.organization((String) member.variables().get("id")).join());
        ClosedLoop.Request query = null;
        // the two instances share one Redis; the first serves every measurement, the second only the last
        TestRedis redis = TestRedis.started();
        environment.put("ORGBFF_REDIS_URL", redis.url());
        try (ServiceProcess service = startService(target, environment, false)) {
            log("service with event-fed caches ready after " + service.readyAfter().toMillis() + " ms");
            if (switcher != null) {
                Scenario scenario = prepare(Query.SWITCHER, null, switcher, service, noBff, new ArrayList<>());
                query = scenario.serviceRequest();
                jitWarmUp(List.of(scenario), config.queries().size());
                for (int clients : config.concurrency()) {
                    ClosedLoop.run(clients, config.warmUp(), scenario.serviceRequest());
                    rows.add(measure(scenario, service, Results.CACHED, clients, latency, 0, 0));
                }
            }
            if (webhooks == null) {
                notes.add("subscriptions not measured: no token (or no BENCH_ORGANIZATION_ID) for the organization page's subject");
                return new LiveResults(null, List.of());
            }
            if (settings.idleSubscriptions() > 0 && query == null) {
                notes.add("idle subscriptions not measured: no switcher token to ask a query with them open");
            } else if (settings.idleSubscriptions() > 0) {
                idle = LiveUpdates.idle(service, member, webhooks, settings.idleSubscriptions(), settings.subscriptionsPerConnection(), query);
                log("idle subscriptions: " + idle);
            }
            if (settings.deliverySubscribers() > 0) {
                deliveries.add(delivery("one instance", service, service, member, webhooks, settings));
                try (ServiceProcess second = startService(target, environment, false)) {
                    deliveries.add(delivery("two instances through Redis", service, second, member, webhooks, settings));
                }
            }
        } finally {
            redis.stop();
        }
        return new LiveResults(idle, deliveries);
    }

    private static Results.Delivery delivery(String path, ServiceProcess receiver, ServiceProcess subscribed, Target.Subject member,
            LiveUpdates.Webhooks webhooks, BenchConfig.Live settings) throws Exception {
        Results.Delivery delivery = LiveUpdates.delivery(path, receiver, subscribed, member, webhooks, settings.deliverySubscribers(),
                settings.subscriptionsPerConnection(), settings.deliveries());
        log("delivery: " + delivery);
        return delivery;
    }

    /**
     * The service's jar as is, or extracted with a class data sharing archive ({@code bench.cds}, made once a run),
     * with {@code environment} added to the target's settings.
     */
    private ServiceProcess startService(Target target, Map<String, String> environment, boolean profile) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(config.serviceJvmOptions());
        Path jar = config.jar();
        if (config.cds()) {
            if (extracted == null) {
                extracted = ServiceProcess.extractWithCds(jar, config.out(), options, target.serviceEnvironment());
            }
            jar = extracted;
            options.add("-XX:SharedArchiveFile=" + ServiceProcess.cdsArchive(config.out()));
        }
        if (profile) {
            options.add(ServiceProcess.RECORDING);
        }
        Map<String, String> settings = new LinkedHashMap<>(target.serviceEnvironment());
        settings.putAll(environment);
        return ServiceProcess.start(jar, options, settings, config.out().resolve(serviceLogs++ == 0 ? "service.log" : "service-" + serviceLogs + ".log"));
    }

    /**
     * One query ready to send, its answer checked against the Management API's data.
     *
     * @param members the organization page's members, else {@code null}
     * @param fields the fields of the service's answer ({@link #fields(JsonNode)})
     */
    private record Scenario(Query query, @Nullable Integer members, int fields, Target.Subject subject, ClosedLoop.Request serviceRequest,
            Function<NoBffClient, CompletableFuture<NoBffClient.Fetched>> fetch, NoBffClient.Fetched expected) {
    }

    private Scenario prepare(Query query, @Nullable Integer members, Target.Subject subject, ServiceProcess service, NoBffClient noBff,
            List<String> notes) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", operation(query), "variables", subject.variables()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.graphQlUrl())).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + subject.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Function<NoBffClient, CompletableFuture<NoBffClient.Fetched>> fetch = baselineFetch(query, subject);
        NoBffClient.Fetched expected = fetch.apply(noBff).join();
        JsonNode answer = answer(query, send(request));
        int items = items(query, answer);
        String label = query.operation() + (members == null ? "" : " of " + members + " members");
        if (items != expected.items()) {
            notes.add(label + ": the service showed " + items + " items where the Management API has " + expected.items());
        }
        int[] stated = statedCost(query);
        // the stated cost is for the canonical sizes; the other sizes of the organization page cost the same calls
        if (config.remote() == null && (stated[0] != expected.serviceMinimumCalls() || stated[1] != expected.serviceMinimumRoundTrips())) {
            notes.add(label + ": the stated cost (" + stated[0] + " calls, " + stated[1] + " round trips) differs from the data's minimum ("
                    + expected.serviceMinimumCalls() + ", " + expected.serviceMinimumRoundTrips() + ")");
        }
        return new Scenario(query, members, fields(answer.path("data")), subject, () -> ok(send(request)), fetch, expected);
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

    /** An answer, parsed; without errors. */
    private static JsonNode answer(Query query, byte[] body) {
        JsonNode root = JSON.readTree(body);
        if (root.has("errors")) {
            throw new IllegalStateException(query.operation() + " answered errors: " + root.path("errors"));
        }
        return root;
    }

    /** The fields GraphQL resolved for {@code node}: each key of an object (and what is under it), of each element of a list. */
    static int fields(JsonNode node) {
        int fields = 0;
        if (node.isObject()) {
            for (JsonNode value : node.values()) {
                fields += 1 + fields(value);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node.values()) {
                fields += fields(element);
            }
        }
        return fields;
    }

    /** How many items an answer shows, to compare with the Management API's own count. */
    private static int items(Query query, JsonNode root) {
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
