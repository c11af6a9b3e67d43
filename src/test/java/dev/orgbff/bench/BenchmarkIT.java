package dev.orgbff.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.orgbff.CanonicalTenant;
import dev.orgbff.DemoTenant;
import dev.orgbff.emulator.LogtoEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The benchmark's "real Logto" mode, run briefly against an emulator it is given as if it were remote (endpoint,
 * API resource, M2M app and user tokens, as the environment would give them), with the packaged jar as the
 * service: every row is measured without errors at the service's minimum of calls (none from warm event-fed caches),
 * subscriptions are held and reached by webhooks on one instance and across two through Redis, the organization page is
 * measured at 10 and 100 members with its resolved fields counted, and the results and their charts are written.
 * It checks that the tool works, not how fast anything is.
 */
class BenchmarkIT {

    @Test
    void remoteLogto_everyQueryMeasuredAtItsMinimumCallsAndWritten() throws Exception {
        // given
        try (LogtoEmulator logto = LogtoEmulator.start(0)) {
            DemoTenant demo = CanonicalTenant.seed(logto).demo();
            Map<Integer, String> organizations = Target.seedOrganizations(logto, demo, List.of(10, CanonicalTenant.MEMBERS));
            BenchConfig.Remote remote = new BenchConfig.Remote(logto.endpoint(), logto.apiResource(), logto.m2mAppId(),
                    logto.m2mAppSecret(), LogtoEmulator.MANAGEMENT_RESOURCE, "admin",
                    Map.of(Query.SWITCHER, logto.userToken(demo.erin()), Query.ORGANIZATION_PAGE, logto.userToken(demo.alice()),
                            Query.INVITEE_LANDING, logto.userToken(demo.carol())),
                    organizations);
            Path out = Path.of(System.getProperty("bench.out", "target/bench-it"));
            BenchConfig config = new BenchConfig(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(1), List.of(1, 4),
                    List.of(Query.values()), List.of(10, 50, CanonicalTenant.MEMBERS), true, true, Path.of(System.getProperty("bench.jar")), out, List.of("-Xmx256m"), true, false, 0, Duration.ZERO,
                    new BenchConfig.Live(100, 5, 20, 5), remote);

            // when
            Results results = new Benchmark(config).run();

            // then
            // two sizes of the organization page (50 members has no organization), each query on two paths at two concurrencies
            assertThat(results.rows()).hasSize((Query.values().length + 1) * 2 * 2 + 2);
            assertThat(results.rows()).allSatisfy(row -> {
                assertThat(row.errors()).as(row.summary()).isZero();
                assertThat(row.requests()).as(row.summary()).isPositive();
                assertThat(row.floorMs()).as("a real Logto's latency is not known").isNull();
            });
            // the template may be read again once if the run outlasts its cache (30 s): hence the small allowance
            assertThat(results.rows()).filteredOn(row -> row.path().equals("service"))
                    .allSatisfy(row -> assertThat(row.callsPerRequest()).as(row.summary()).isBetween((double) row.minimumCalls(),
                            row.minimumCalls() + 0.05));
            assertThat(results.rows()).filteredOn(row -> row.path().equals("service"))
                    .extracting(Results.Row::query, Results.Row::minimumCalls)
                    .contains(tuple("switcher", 1), tuple("organizationPage", 5),
                            tuple("inviteeLanding", 8));
            assertThat(results.rows()).filteredOn(row -> row.path().equals(Results.CACHED))
                    .allSatisfy(row -> assertThat(row.callsPerRequest()).as(row.summary()).isLessThan(0.05))
                    .extracting(Results.Row::query, Results.Row::clients).containsExactly(tuple("switcher", 1), tuple("switcher", 4));
            assertThat(results.idleSubscriptions()).satisfies(idle -> {
                assertThat(idle.live()).as(idle.toString()).isEqualTo(100);
                assertThat(idle.connections()).isEqualTo(20);
                assertThat(idle.errors()).as(idle.toString()).isZero();
                assertThat(idle.queryAnswered()).isTrue();
            });
            assertThat(results.deliveries()).extracting(Results.Delivery::path, Results.Delivery::frames, Results.Delivery::missing,
                    Results.Delivery::errors).containsExactly(tuple("one instance", 100L, 0L, 0), tuple("two instances through Redis", 100L, 0L, 0));
            assertThat(results.rows()).filteredOn(row -> row.query().equals("organizationPage"))
                    .extracting(Results.Row::members).containsOnly(10, CanonicalTenant.MEMBERS);
            assertThat(results.rows()).filteredOn(row -> row.path().equals("service") && row.query().equals("organizationPage"))
                    .allSatisfy(row -> assertThat(row.cpuUsPerField()).as(row.summary()).isPositive());
            // fewer members, fewer fields; the same 30 invitations
            Map<Integer, Integer> fields = results.rows().stream().filter(row -> row.path().equals("service") && row.clients() == 1
                    && row.members() != null).collect(Collectors.toMap(Results.Row::members, Results.Row::fields));
            assertThat(fields.get(10)).isPositive().isLessThan(fields.get(CanonicalTenant.MEMBERS));
            assertThat(results.notes()).containsExactly("organizationPage of 50 members skipped: no token, or no BENCH_ORGANIZATION_ID_50, for it");
            assertThat(results.heapUsedBytes()).isPositive();
            assertThat(results.profile()).isNotNull();
            assertThat(results.profile().samples()).isPositive();
            assertThat(Files.readString(out.resolve("results.md"))).contains("| switcher | — | service | 4 |", "| organizationPage | 10 | service | 4 |",
                    "### Live updates", "### Targets", "(throughput-switcher.png)", "(latency-organizationPage-10-members.png)",
                    "(cpu-per-request-by-members.png)", "(cpu-per-field-by-members.png)").doesNotContain(logto.m2mAppSecret());
            assertThat(List.of("throughput-switcher.png", "latency-inviteeLanding.png", "throughput-organizationPage-100-members.png",
                    "cpu-per-request-by-members.png", "cpu-per-field-by-members.png")).allSatisfy(chart -> {
                        assertThat(out.resolve(chart)).isNotEmptyFile();
                        assertThat(Files.readString(out.resolve("results.md"))).contains("](" + chart + ")");
                    });
            assertThat(Files.readString(out.resolve("service.log"))).doesNotContain(logto.m2mAppSecret());
            assertThat(Files.readString(out.resolve("results.json"))).contains("\"cpuMsPerRequest\"", "\"targets\"")
                    .doesNotContain(logto.m2mAppSecret());
        }
    }
}
