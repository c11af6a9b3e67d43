package dev.orgbff.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run: the machine, the settings, a row per query, path and concurrency, the service's start-up and
 * heap, the project's performance targets met or missed, and the profile when one was taken. Written as {@code results.json},
 * {@code results.md} and {@link Charts charts}.
 *
 * @param latencyMs the emulator's latency per call, {@code null} for a real Logto
 * @param cds whether the service ran extracted with a class data sharing archive (else as the executable jar)
 * @param readyAfterMs from the service's launch until its health endpoint answered
 * @param startedAfterSeconds Spring's "process running for" figure, when logged
 * @param heapUsedBytes the service's heap in use after a full GC at the end of the run
 * @param heapCommittedBytes the service's heap committed then
 * @param rows the measurements; the {@link #CACHED} rows are of a service started with a webhook signing key
 * @param idleSubscriptions the idle subscriptions one instance held, when measured
 * @param deliveries the delivery delays from webhook to subscribers' frames, when measured
 */
public record Results(Instant started, Machine machine, String target, @Nullable Long latencyMs, long warmUpMs, long durationMs,
        List<String> serviceJvmOptions, boolean cds, long readyAfterMs, @Nullable Double startedAfterSeconds, long heapUsedBytes,
        long heapCommittedBytes, List<Row> rows, @Nullable IdleSubscriptions idleSubscriptions, List<Delivery> deliveries,
        List<String> notes, @Nullable ProfileSummary profile, @JsonIgnore Path markdownFile) {

    /** The path of the rows measured on a service with event-fed caches (started with a webhook signing key), warm. */
    public static final String CACHED = "service, event-fed caches";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double MB = 1024 * 1024;
    private static final int HEAP_LIMIT_MB = 256;

    /** The machine the run measured: the load generator, the emulator and the service share it. */
    public record Machine(String jdk, String vm, int cores, String os, long memoryBytes) {

        static Machine current() {
            long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : -1;
            return new Machine(System.getProperty("java.version"), System.getProperty("java.vm.name"),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), memory);
        }
    }

    /**
     * One query on one path at one concurrency.
     *
     * @param members the organization's members for the organization page (one page of up to 100), else {@code null}
     * @param path {@code service} or {@code no BFF}
     * @param floorMs round trips × latency per call, {@code null} when the latency is not known
     * @param callsPerRequest upstream calls per request (the M2M token call excluded)
     * @param minimumCalls the minimum for the service (for the baseline: its own calls for the data)
     * @param cpuMsPerRequest the service process's CPU time ÷ requests; {@code null} for the baseline
     * @param fields the fields the service resolved for one answer: every key under {@code data}, recursively, a list's
     *        elements' keys each counted (counted once, when the query was prepared)
     * @param cpuUsPerField {@code cpuMsPerRequest} ÷ {@code fields}, in µs; {@code null} for the baseline
     */
    public record Row(String query, @Nullable Integer members, String path, int clients, double requestsPerSecond, double p50Ms, double p90Ms,
            double p99Ms, @Nullable Double floorMs, int roundTrips, long requests, long errors, @Nullable String firstError,
            double callsPerRequest, int minimumCalls, @Nullable Double cpuMsPerRequest, int fields, @Nullable Double cpuUsPerField) {

        static Row of(Query query, @Nullable Integer members, int fields, String path, int clients, ClosedLoop.Outcome outcome,
                @Nullable Duration latency, int roundTrips, long calls, int minimumCalls, @Nullable Duration cpu) {
            long requests = Math.max(1, outcome.requests());
            Double cpuMs = cpu == null ? null : cpu.toNanos() / 1e6 / requests;
            return new Row(query.operation(), members, path, clients, outcome.requestsPerSecond(), outcome.percentileMillis(50),
                    outcome.percentileMillis(90), outcome.percentileMillis(99),
                    latency == null ? null : (double) roundTrips * latency.toNanos() / 1e6, roundTrips, outcome.requests(),
                    outcome.errors(), outcome.firstError(), calls / (double) requests, minimumCalls, cpuMs, fields,
                    cpuMs == null || fields == 0 ? null : cpuMs * 1000 / fields);
        }

        /** The query, with the organization's members when it has them: {@code organizationPage, 10 members}. */
        String label() {
            return members == null ? query : query + ", " + members + " members";
        }

        /** Whether {@code other} measured the same query on the same data (maybe on another path or at another concurrency). */
        boolean sameData(Row other) {
            return query.equals(other.query) && Objects.equals(members, other.members);
        }

        String summary() {
            return String.format(Locale.ROOT, "%-32s %-8s %3d clients: %7.1f req/s, p50 %6.1f ms, p99 %6.1f ms, %5.2f calls/req, %d errors%s",
                    label(), path, clients, requestsPerSecond, p50Ms, p99Ms, callsPerRequest, errors,
                    cpuMsPerRequest == null ? "" : String.format(Locale.ROOT, ", %.2f ms CPU/req, %.2f µs CPU/field (%d fields)",
                            cpuMsPerRequest, cpuUsPerField, fields));
        }
    }

    /**
     * Idle subscriptions held by one instance ({@code viewerOrganizationEvents}, one token).
     *
     * @param subscriptions how many were opened
     * @param perConnection subscriptions on each WebSocket connection
     * @param connections WebSocket connections opened
     * @param live how many then got the event of a webhook (up to three webhooks, for the last to be set up)
     * @param openMs how long opening them all took
     * @param lastFrameMs from that webhook's send to the last subscriber's frame
     * @param heapBeforeBytes the service's heap in use after a full GC before they were opened
     * @param heapUsedBytes the same with all of them open
     * @param heapCommittedBytes the heap committed then
     * @param queryAnswered whether the switcher query then answered without errors
     * @param queryMs how long it took
     * @param errors connections that failed or were closed, and subscriptions refused or ended by the service
     */
    public record IdleSubscriptions(int subscriptions, int perConnection, int connections, int live, long openMs, double lastFrameMs,
            long heapBeforeBytes, long heapUsedBytes, long heapCommittedBytes, boolean queryAnswered, double queryMs, int errors,
            @Nullable String firstError) {
    }

    /**
     * The delay from a webhook's delivery to its event's frame at each subscriber: the webhooks are sent one after the
     * other, each once the last one's frames all came (or 10 s passed), a tenth as many before them unmeasured.
     *
     * @param path {@code one instance} (webhooks and subscribers on the same service) or {@code two instances through
     *        Redis} (webhooks to one, subscribers on the other)
     * @param subscribers subscriptions, each on a connection of its own unless {@code bench.subscriptions-per-connection} says otherwise
     * @param webhooks webhooks measured
     * @param frames frames that came, at most one per subscriber and webhook
     * @param missing frames that did not come within 10 s
     * @param p50Ms from the client-side send of the webhook to a frame's arrival
     */
    public record Delivery(String path, int subscribers, int webhooks, long frames, long missing, double p50Ms, double p90Ms,
            double p99Ms, double maxMs, int errors, @Nullable String firstError) {
    }

    /** A performance target, met or missed, and by how much. */
    public record Target(String target, boolean met, String measured) {
    }

    /** The targets this run can judge (those it has the rows for). */
    @JsonProperty("targets")
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (Row row : rows) {
            if (!row.path().equals("service")) {
                continue;
            }
            if (row.clients() == 1 && row.floorMs() != null) {
                targets.add(new Target(row.label() + ", 1 client: p50 ≤ floor + 3 ms", row.p50Ms() <= row.floorMs() + 3,
                        String.format(Locale.ROOT, "p50 %.1f ms, floor %.0f ms (%+.1f ms)", row.p50Ms(), row.floorMs(), row.p50Ms() - row.floorMs())));
                targets.add(new Target(row.label() + ", 1 client: p99 ≤ floor + 15 ms", row.p99Ms() <= row.floorMs() + 15,
                        String.format(Locale.ROOT, "p99 %.1f ms, floor %.0f ms (%+.1f ms)", row.p99Ms(), row.floorMs(), row.p99Ms() - row.floorMs())));
            }
            targets.addAll(cpuTargets(row));
            double share = row.query().equals("organizationPage") ? 1.0 : row.query().equals("switcher") ? 0.7 : 0;
            Optional<Row> direct = baseline(row);
            if (row.clients() == 64 && share > 0 && direct.isPresent()) {
                targets.add(new Target(String.format(Locale.ROOT, "%s, 64 clients: throughput ≥ %.0f%% of no BFF", row.label(), share * 100),
                        row.requestsPerSecond() >= share * direct.get().requestsPerSecond(), throughputRatio(row, direct.get())));
            }
        }
        targets.addAll(liveTargets());
        long errors = rows.stream().mapToLong(Row::errors).sum();
        targets.add(new Target("0 errors", errors == 0, errors + " errors"));
        // with the default -Xmx256m, too much heap would show as errors; the figure shows the headroom
        targets.add(new Target("heap under " + HEAP_LIMIT_MB + " MB (after the run)", heapUsedBytes < HEAP_LIMIT_MB * MB,
                String.format(Locale.ROOT, "%.0f MB used after GC, %.0f MB committed", heapUsedBytes / MB, heapCommittedBytes / MB)));
        if (startedAfterSeconds != null) {
            targets.add(new Target("start-up under 3 s", startedAfterSeconds < 3,
                    String.format(Locale.ROOT, "%.2f s (Spring's figure); health answered after %d ms", startedAfterSeconds, readyAfterMs)));
        }
        return targets;
    }

    /**
     * The CPU targets of issue 15 for a service row: at 16 clients the organization page ≤ 3 ms a request and ≤ 2 µs a
     * resolved field, the switcher ≤ 1 ms; at 1 client no more than twice the 16-client figure.
     */
    private List<Target> cpuTargets(Row row) {
        double limitMs = row.query().equals("organizationPage") ? 3 : row.query().equals("switcher") ? 1 : 0;
        if (limitMs == 0 || row.cpuMsPerRequest() == null) {
            return List.of();
        }
        List<Target> targets = new ArrayList<>();
        if (row.clients() == 16) {
            targets.add(new Target(String.format(Locale.ROOT, "%s, 16 clients: service CPU ≤ %.0f ms per request", row.label(), limitMs),
                    row.cpuMsPerRequest() <= limitMs, String.format(Locale.ROOT, "%.2f ms (%+.2f ms)", row.cpuMsPerRequest(),
                            row.cpuMsPerRequest() - limitMs)));
            if (row.query().equals("organizationPage") && row.cpuUsPerField() != null) {
                targets.add(new Target(row.label() + ", 16 clients: service CPU ≤ 2 µs per resolved field", row.cpuUsPerField() <= 2,
                        String.format(Locale.ROOT, "%.2f µs (%+.2f µs) over %d fields", row.cpuUsPerField(), row.cpuUsPerField() - 2,
                                row.fields())));
            }
        }
        if (row.clients() == 1) {
            rows.stream().filter(other -> other.path().equals(row.path()) && other.sameData(row) && other.clients() == 16
                    && other.cpuMsPerRequest() != null).findFirst().ifPresent(sixteen -> targets.add(new Target(
                    row.label() + ", 1 client: service CPU ≤ 2 × the 16-client figure", row.cpuMsPerRequest() <= 2 * sixteen.cpuMsPerRequest(),
                    String.format(Locale.ROOT, "%.2f ms vs %.2f ms at 16 clients (%.1f ×)", row.cpuMsPerRequest(), sixteen.cpuMsPerRequest(),
                            row.cpuMsPerRequest() / sixteen.cpuMsPerRequest()))));
        }
        return targets;
    }

    /** The targets of issue 14: the switcher from warm event-fed caches, idle subscriptions, every event delivered. */
    private List<Target> liveTargets() {
        List<Target> targets = new ArrayList<>();
        for (Row row : rows) {
            if (!row.path().equals(CACHED)) {
                continue;
            }
            String cached = row.label() + " with event-fed caches, " + row.clients() + (row.clients() == 1 ? " client" : " clients");
            targets.add(new Target(cached + ": no Logto call when warm (< 0.01 a request)",
                    row.callsPerRequest() < 0.01, String.format(Locale.ROOT, "%.4f calls a request", row.callsPerRequest())));
            Optional<Row> direct = baseline(row);
            if (direct.isPresent() && (row.clients() == 1 || row.clients() == 16)) {
                targets.add(new Target(cached + ": p50 below no BFF",
                        row.p50Ms() < direct.get().p50Ms(), String.format(Locale.ROOT, "p50 %.2f vs %.2f ms", row.p50Ms(), direct.get().p50Ms())));
            }
            if (direct.isPresent() && row.clients() == 64 && target.equals("remote")) {
                // on the emulator, whose answers cost next to nothing, the baseline is favoured: the ratio is shown, not judged
                targets.add(new Target(cached + ": throughput above no BFF",
                        row.requestsPerSecond() > direct.get().requestsPerSecond(), throughputRatio(row, direct.get())));
            }
        }
        if (idleSubscriptions != null) {
            IdleSubscriptions idle = idleSubscriptions;
            targets.add(new Target(String.format(Locale.ROOT, "%,d idle subscriptions on one instance within %s: all live, a query answered",
                            idle.subscriptions(), String.join(" ", serviceJvmOptions)),
                    idle.live() == idle.subscriptions() && idle.errors() == 0 && idle.queryAnswered() && idle.heapUsedBytes() < HEAP_LIMIT_MB * MB,
                    String.format(Locale.ROOT, "%,d live on %,d connections, %d errors; heap after GC %.0f MB (%.0f MB before); query %s in %.1f ms",
                            idle.live(), idle.connections(), idle.errors(), idle.heapUsedBytes() / MB, idle.heapBeforeBytes() / MB,
                            idle.queryAnswered() ? "answered" : "NOT answered", idle.queryMs())));
        }
        for (Delivery delivery : deliveries) {
            targets.add(new Target(String.format(Locale.ROOT, "delivery (%s): every event reached each of %,d subscribers", delivery.path(),
                            delivery.subscribers()),
                    delivery.missing() == 0 && delivery.errors() == 0,
                    String.format(Locale.ROOT, "%,d frames, %,d missing, %d errors", delivery.frames(), delivery.missing(), delivery.errors())));
        }
        return targets;
    }

    private static String throughputRatio(Row row, Row direct) {
        return String.format(Locale.ROOT, "%.0f vs %.0f req/s (%.0f%%)", row.requestsPerSecond(), direct.requestsPerSecond(),
                100 * row.requestsPerSecond() / direct.requestsPerSecond());
    }

    private Optional<Row> baseline(Row row) {
        return rows.stream().filter(other -> other.path().equals("no BFF") && other.sameData(row) && other.clients() == row.clients())
                .findFirst();
    }

    /** Writes {@code results.json}, the {@link Charts charts} and {@code results.md}, which links them, to {@code directory}. */
    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve("results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        Files.writeString(markdownFile, markdown(Charts.write(this, directory)));
    }

    /** The live-update measurements, when there are any: the ratio at 64 clients, the idle subscriptions, the deliveries. */
    private String liveMarkdown() {
        if (idleSubscriptions == null && deliveries.isEmpty() && rows.stream().noneMatch(row -> row.path().equals(CACHED))) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Live updates\n\n");
        md.append("Measured on services started with a webhook signing key, so their caches are fed by events (\"").append(CACHED)
                .append("\" rows above: warm, the switcher costs no Logto call).\n\n");
        rows.stream().filter(row -> row.path().equals(CACHED) && row.clients() == 64).forEach(row -> baseline(row).ifPresent(direct ->
                md.append("- ").append(row.label()).append(" with event-fed caches against no BFF at 64 clients: ")
                        .append(throughputRatio(row, direct)).append('\n')));
        if (idleSubscriptions != null) {
            IdleSubscriptions idle = idleSubscriptions;
            md.append(String.format(Locale.ROOT, "- %,d idle subscriptions (`viewerOrganizationEvents`, %d a connection, %,d connections, one token) "
                            + "opened in %.1f s; %,d got a webhook's event, the last %.0f ms after its send. Service heap after a full GC: "
                            + "%.0f MB before, %.0f MB with them open (%.1f KB a subscription), %.0f MB committed. The switcher then %s in %.1f ms.%n",
                    idle.subscriptions(), idle.perConnection(), idle.connections(), idle.openMs() / 1000.0, idle.live(), idle.lastFrameMs(),
                    idle.heapBeforeBytes() / MB, idle.heapUsedBytes() / MB,
                    (idle.heapUsedBytes() - idle.heapBeforeBytes()) / 1024.0 / Math.max(1, idle.subscriptions()),
                    idle.heapCommittedBytes() / MB, idle.queryAnswered() ? "answered" : "did NOT answer", idle.queryMs()));
            if (idle.firstError() != null) {
                md.append("- first error of the idle subscriptions: ").append(idle.firstError()).append('\n');
            }
        }
        if (!deliveries.isEmpty()) {
            md.append("\nFrom a signed webhook's send (`Organization.Data.Updated`) to each subscriber's frame, one webhook at a time:\n\n");
            md.append("| delivery | subscribers | webhooks | frames | missing | p50 ms | p90 ms | p99 ms | max ms | errors |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Delivery delivery : deliveries) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %d |%n", delivery.path(),
                        delivery.subscribers(), delivery.webhooks(), delivery.frames(), delivery.missing(), delivery.p50Ms(), delivery.p90Ms(),
                        delivery.p99Ms(), delivery.maxMs(), delivery.errors()));
            }
            deliveries.stream().filter(delivery -> delivery.firstError() != null).forEach(delivery ->
                    md.append("- first error of the delivery (").append(delivery.path()).append("): ").append(delivery.firstError()).append('\n'));
        }
        return md.append('\n').toString();
    }

    /** The run as Markdown: the table, links to the charts, the targets, the notes and the profile. */
    String markdown(List<Charts.Chart> charts) {
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark run of ").append(started).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, %.0f GB, %s, JDK %s (%s). Target: %s%s. Warm-up %d s, %d s per measurement. "
                        + "Service: %s, JVM options %s.%n%n",
                machine.cores(), machine.memoryBytes() / MB / 1024, machine.os(), machine.jdk(), machine.vm(), target,
                latencyMs == null ? "" : ", " + latencyMs + " ms per upstream call", warmUpMs / 1000, durationMs / 1000,
                cds ? "extracted jar with an AppCDS archive" : "java -jar", serviceJvmOptions.isEmpty() ? "none" : String.join(" ", serviceJvmOptions)));
        md.append("| query | members | path | clients | req/s | p50 ms | p90 ms | p99 ms | floor ms | calls/req (min) | errors | fields "
                + "| service CPU ms/req | µs/field |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %s | %.2f (%d) | %d | %d | %s | %s |%n",
                    row.query(), row.members() == null ? "—" : row.members(), row.path(), row.clients(), row.requestsPerSecond(),
                    row.p50Ms(), row.p90Ms(), row.p99Ms(),
                    row.floorMs() == null ? "—" : String.format(Locale.ROOT, "%.0f (%d × %d)", row.floorMs(), row.roundTrips(), latencyMs),
                    row.callsPerRequest(), row.minimumCalls(), row.errors(), row.fields(),
                    row.cpuMsPerRequest() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.cpuMsPerRequest()),
                    row.cpuUsPerField() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.cpuUsPerField())));
        }
        md.append("\n\"calls/req (min)\": upstream calls per request, M2M token excluded; in brackets the service's minimum for the data "
                + "(for the no-BFF rows, the calls it needs). Floor: dependent round trips × latency per call. Each query is asked "
                + "with one token, so the service verifies its signature once (the verified-token cache). The no-BFF client runs "
                + "in the load generator's JVM and parses every answer there; like the service it holds the organization template. "
                + "Fields: the keys of one answer's data, recursively (what the service resolved); µs/field: its CPU per request ÷ fields."
                + (profile != null ? " This run was profiled (JFR): CPU figures include the recorder's cost." : "") + "\n\n");
        if (!charts.isEmpty()) {
            md.append("### Charts\n\n");
            charts.forEach(chart -> md.append("- [").append(chart.title()).append("](").append(chart.file()).append(")\n"));
            md.append('\n');
        }
        md.append(liveMarkdown());
        md.append("### Targets\n\n");
        for (Target target : targets()) {
            md.append("- ").append(target.met() ? "met" : "**missed**").append(": ").append(target.target()).append(" — ")
                    .append(target.measured()).append('\n');
        }
        if (!notes.isEmpty()) {
            md.append("\n### Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        rows.stream().filter(row -> row.firstError() != null).forEach(row ->
                md.append("- first error of ").append(row.query()).append(" (").append(row.path()).append(", ").append(row.clients())
                        .append(" clients): ").append(row.firstError()).append('\n'));
        if (profile != null) {
            md.append(String.format(Locale.ROOT, "%n### Profile of the service (JFR from its start; %d execution samples from the first measurement to the end)%n%n",
                    profile.samples()));
            md.append("| area (first frame outside the JDK) | share |\n|---|---:|\n");
            profile.byArea().forEach((area, share) -> md.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", area, share * 100)));
            md.append("\n| hottest methods (top frame) | share |\n|---|---:|\n");
            profile.hottest().forEach((method, share) -> md.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", method, share * 100)));
        }
        return md.toString();
    }
}
