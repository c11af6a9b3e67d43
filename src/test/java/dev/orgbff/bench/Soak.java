package dev.orgbff.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.orgbff.DemoTenant;
import dev.orgbff.TenantInvariants;
import dev.orgbff.emulator.LogtoEmulator;

/**
 * The soak: many clients for a while against the emulator while it fails calls at random (503s, and answers that
 * never come although the call was carried out), reads and writes mixed. Reads must succeed through the
 * service's retries; writes must succeed or answer a clean error ({@code UPSTREAM_UNAVAILABLE} or a user error,
 * never {@code INTERNAL_ERROR}); afterwards the tenant's state is scanned for anything half done, and the heap is
 * compared with its size before.
 */
final class Soak {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int INVITEES = 3_000;

    /** One kind of request of the mix, with its share of the requests. */
    private record Operation(String name, boolean write, int weight, Function<Soak, HttpRequest> request) {
    }

    /** What the requests of one operation got. */
    record Tally(long ok, long cleanErrors, long failures, Map<String, Long> failureReasons) {
    }

    /**
     * @param heapBeforeBytes heap in use after a full GC before the soak (after the warm-up)
     * @param heapAfterBytes the same after it
     * @param unavailable 503s the emulator injected
     * @param lostAnswers calls it carried out without answering
     * @param inconsistencies what the state scan found, beyond organizations without members
     * @param emptyOrganizations organizations left without any member: creates whose answer never came
     */
    record SoakResults(Instant started, int clients, long durationMs, double unavailableShare, double lostAnswerShare,
            Map<String, Tally> operations, long heapBeforeBytes, long heapAfterBytes, int unavailable, int lostAnswers,
            List<String> inconsistencies, List<String> emptyOrganizations) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final String graphQl;
    private final LogtoEmulator logto;
    private final DemoTenant demo;
    private final String writerToken;
    private final String aliceToken;
    private final String erinToken;
    private final String carolToken;
    private final String memberRoleId;
    private final Queue<String[]> invitations = new ConcurrentLinkedQueue<>();
    private final AtomicLong emails = new AtomicLong();

    private Soak(String graphQl, LogtoEmulator logto, DemoTenant demo) {
        this.graphQl = graphQl;
        this.logto = logto;
        this.demo = demo;
        String writer = logto.createUser("writer", "writer@soak.test", "Writer");
        this.writerToken = logto.userToken(writer);
        this.aliceToken = logto.userToken(demo.alice());
        this.erinToken = logto.userToken(demo.erin());
        this.carolToken = logto.userToken(demo.carol());
        this.memberRoleId = logto.roleId("member");
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));
        for (int i = 0; i < INVITEES; i++) {
            String email = "invitee" + i + "@soak.test";
            String invitee = logto.createUser("invitee" + i, email, "Invitee " + i);
            String invitation = logto.createInvitation(demo.acme(), demo.alice(), email, expiresAt, "member");
            invitations.add(new String[] {logto.userToken(invitee), invitation});
        }
    }

    private static final List<Operation> MIX = List.of(
            new Operation("switcher", false, 30, soak -> soak.graphQl(soak.erinToken, Query.SWITCHER, Map.of())),
            new Operation("organizationPage", false, 20, soak -> soak.graphQl(soak.aliceToken, Query.ORGANIZATION_PAGE,
                    Map.of("id", soak.demo.acme()))),
            new Operation("inviteeLanding", false, 20, soak -> soak.graphQl(soak.carolToken, Query.INVITEE_LANDING, Map.of())),
            new Operation("createOrganization", true, 10, soak -> soak.graphQl(soak.writerToken,
                    "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { code } } }",
                    Map.of("input", Map.of("name", "Soak " + ThreadLocalRandom.current().nextInt(1_000_000))))),
            new Operation("inviteMembers", true, 10, soak -> soak.graphQl(soak.aliceToken,
                    "mutation($input: InviteMembersInput!) { inviteMembers(input: $input) { invitations { id } userErrors { code } } }",
                    Map.of("input", Map.of("organizationId", soak.demo.acme(), "roleIds", List.of(soak.memberRoleId),
                            "emails", List.of("guest" + soak.emails.incrementAndGet() + "@soak.test"))))),
            new Operation("acceptInvitation", true, 10, soak -> {
                String[] next = soak.invitations.poll();
                return next == null ? null : soak.graphQl(next[0],
                        "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { organization { id } userErrors { code } } }",
                        Map.of("input", Map.of("invitationId", next[1])));
            }));

    /**
     * Runs the soak against a service started on the emulator: warms up without faults, measures the heap, then
     * {@code clients} clients for {@code duration} under the faults, then scans the state and measures the heap again.
     */
    static SoakResults run(ServiceProcess service, LogtoEmulator logto, DemoTenant demo, int clients, Duration duration,
            double unavailableShare, double lostAnswerShare, Path out) throws Exception {
        Soak soak = new Soak(service.graphQlUrl(), logto, demo);
        Map<String, long[]> counts = new ConcurrentHashMap<>();
        Map<String, Map<String, Long>> reasons = new ConcurrentHashMap<>();
        ClosedLoop.run(clients, Duration.ofSeconds(20), () -> soak.once(new ConcurrentHashMap<>(), new ConcurrentHashMap<>()));
        long heapBefore = service.heapAfterGc()[0];
        Instant started = Instant.now();
        logto.chaos(unavailableShare, lostAnswerShare);
        ClosedLoop.run(clients, duration, () -> soak.once(counts, reasons));
        int[] chaos = logto.chaosCounts();
        logto.clearFaults();
        Thread.sleep(12_000); // the service gives up on held calls within its overall deadline (10 s); its undo calls then run
        long heapAfter = service.heapAfterGc()[0];
        List<String> inconsistencies = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        TenantInvariants.of(logto).scan().forEach(violation ->
                (violation.kind() == TenantInvariants.Kind.ORGANIZATION_WITHOUT_MEMBERS ? empty : inconsistencies).add(violation.toString()));
        Map<String, Tally> tallies = new TreeMap<>();
        counts.forEach((name, c) -> tallies.put(name, new Tally(c[0], c[1], c[2], reasons.getOrDefault(name, Map.of()))));
        SoakResults results = new SoakResults(started, clients, duration.toMillis(), unavailableShare, lostAnswerShare, tallies,
                heapBefore, heapAfter, chaos[0], chaos[1], inconsistencies, empty);
        Files.writeString(out.resolve("soak.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        Files.writeString(out.resolve("soak.md"), markdown(results));
        return results;
    }

    /** One request of the mix; always true: the outcome is tallied, not failed. */
    private boolean once(Map<String, long[]> counts, Map<String, Map<String, Long>> reasons) throws Exception {
        Operation operation = pick();
        HttpRequest request = operation.request().apply(this);
        if (request == null) {
            return true; // no invitation left to accept
        }
        long[] tally = counts.computeIfAbsent(operation.name(), ignored -> new long[3]);
        String failure = null;
        boolean clean = false;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                failure = "HTTP " + response.statusCode();
            } else {
                JsonNode body = JSON.readTree(response.body());
                JsonNode errors = body.path("errors");
                if (errors.isArray() && !errors.isEmpty()) {
                    String classification = errors.get(0).path("extensions").path("classification").asString("none");
                    clean = operation.write() && classification.equals("UPSTREAM_UNAVAILABLE");
                    // INTERNAL_ERROR's message carries the execution id: drop it, so equal failures count together
                    failure = classification + ": " + errors.get(0).path("message").asString("").replaceAll(" for [0-9a-f]+-[0-9]+$", "");
                } else if (operation.write() && !body.findValues("userErrors").stream().allMatch(JsonNode::isEmpty)) {
                    clean = true;
                    failure = "user error " + body.findValues("userErrors").stream().filter(userErrors -> !userErrors.isEmpty())
                            .findFirst().map(userErrors -> userErrors.get(0).path("code").asString("")).orElse("");
                }
            }
        } catch (IOException e) {
            failure = e.getClass().getSimpleName();
        }
        synchronized (tally) {
            tally[failure == null ? 0 : clean ? 1 : 2]++;
        }
        if (failure != null) {
            reasons.computeIfAbsent(operation.name(), ignored -> new ConcurrentHashMap<>()).merge(failure, 1L, Long::sum);
        }
        return true;
    }

    private static Operation pick() {
        int total = MIX.stream().mapToInt(Operation::weight).sum();
        int dice = ThreadLocalRandom.current().nextInt(total);
        for (Operation operation : MIX) {
            dice -= operation.weight();
            if (dice < 0) {
                return operation;
            }
        }
        return MIX.get(0);
    }

    private HttpRequest graphQl(String token, Query query, Map<String, Object> variables) {
        try {
            return graphQl(token, Benchmark.operation(query), variables);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest graphQl(String token, String document, Map<String, Object> variables) {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", document, "variables", variables));
        return HttpRequest.newBuilder(URI.create(graphQl)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static String markdown(SoakResults results) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Soak run of %s%n%n%d clients for %d s; each Management API call answered 503 with "
                        + "probability %.0f%% and was carried out without an answer (held 30 s) with probability %.0f%%: %d 503s and %d "
                        + "lost answers.%n%n",
                results.started(), results.clients(), results.durationMs() / 1000, results.unavailableShare() * 100,
                results.lostAnswerShare() * 100, results.unavailable(), results.lostAnswers()));
        md.append("| operation | ok | clean errors | failures | reasons (count) |\n|---|---:|---:|---:|---|\n");
        results.operations().forEach((name, tally) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", name,
                tally.ok(), tally.cleanErrors(), tally.failures(), tally.failureReasons().isEmpty() ? "—" : tally.failureReasons())));
        md.append(String.format(Locale.ROOT, "%nHeap in use after a full GC: %.1f MB before, %.1f MB after.%n%n",
                results.heapBeforeBytes() / 1048576.0, results.heapAfterBytes() / 1048576.0));
        md.append("State scan: ").append(results.inconsistencies().isEmpty() ? "nothing inconsistent."
                : results.inconsistencies().size() + " findings: " + results.inconsistencies()).append('\n');
        md.append("Organizations without members (a create whose answer never came): ").append(results.emptyOrganizations().size())
                .append('\n');
        return md.toString();
    }
}
