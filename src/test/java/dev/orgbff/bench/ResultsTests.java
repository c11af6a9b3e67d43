package dev.orgbff.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orgbff.bench.Results.Row;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark run's written results, from rows made up here (the benchmark itself runs in {@link BenchmarkIT}): the
 * CPU targets judged per request and per resolved field, and the charts drawn and linked from {@code results.md}.
 */
class ResultsTests {

    @TempDir
    Path out;

    @Test
    void organizationPageAtThreeSizes_cpuTargetsJudgedAndChartsWrittenAndLinked() throws Exception {
        // given
        List<Row> rows = new ArrayList<>();
        for (int clients : List.of(1, 16, 64)) {
            rows.add(row("switcher", null, 170, "service", clients, 0.8 + clients / 100.0));
            rows.add(row("switcher", null, 170, "no BFF", clients, null));
            rows.add(row("switcher", null, 170, Results.CACHED, clients, 0.5));
            for (int members : List.of(10, 50, 100)) {
                rows.add(row("organizationPage", members, 300 + members * 12, "service", clients, members / 40.0 + 1 / (double) clients));
                rows.add(row("organizationPage", members, 300 + members * 12, "no BFF", clients, null));
            }
        }
        Results results = new Results(Instant.parse("2026-12-07T20:00:00Z"), new Results.Machine("17.0.13", "OpenJDK 64-Bit Server VM", 2,
                "Linux amd64", 8L << 30), "emulator", 10L, 2000, 3000, List.of("-Xmx256m"), true, 1200, 1.1, 50L << 20, 100L << 20, rows, null,
                List.of(), List.of(), null, out.resolve("results.md"));

        // when
        results.write(out);

        // then
        assertThat(results.targets()).extracting(target -> (target.met() ? "met: " : "missed: ") + target.target() + " — " + target.measured())
                .contains("met: switcher, 16 clients: service CPU ≤ 1 ms per request — 0.96 ms (-0.04 ms)",
                        "met: switcher, 1 client: service CPU ≤ 2 × the 16-client figure — 0.81 ms vs 0.96 ms at 16 clients (0.8 ×)",
                        "met: organizationPage, 10 members, 16 clients: service CPU ≤ 3 ms per request — 0.31 ms (-2.69 ms)",
                        "met: organizationPage, 100 members, 16 clients: service CPU ≤ 3 ms per request — 2.56 ms (-0.44 ms)",
                        "met: organizationPage, 100 members, 16 clients: service CPU ≤ 2 µs per resolved field — 1.71 µs (-0.29 µs) over 1500 fields",
                        "missed: organizationPage, 10 members, 1 client: service CPU ≤ 2 × the 16-client figure — 1.25 ms vs 0.31 ms at 16 clients (4.0 ×)");
        String markdown = Files.readString(out.resolve("results.md"));
        assertThat(markdown).contains("| organizationPage | 50 | service | 16 | ", "| switcher | — | no BFF | 64 | ");
        List<String> charts = List.of("throughput-switcher.png", "latency-switcher.png", "throughput-organizationPage-10-members.png",
                "latency-organizationPage-100-members.png", "cpu-per-request-by-members.png", "cpu-per-field-by-members.png");
        assertThat(charts).allSatisfy(chart -> {
            assertThat(out.resolve(chart)).isNotEmptyFile();
            assertThat(markdown).contains("](" + chart + ")");
        });
    }

    /** A row of 100 requests a second, p50 20 ms and p99 40 ms (more for the baseline), 2 round trips. */
    private static Row row(String query, @Nullable Integer members, int fields, String path, int clients, @Nullable Double cpuMs) {
        double slower = path.equals("no BFF") ? 1.5 : 1;
        return new Row(query, members, path, clients, 100.0 * clients / slower, 20 * slower, 30 * slower, 40 * slower, 20.0, 2, 1000, 0, null,
                path.equals(Results.CACHED) ? 0 : 3, 3, cpuMs, fields, cpuMs == null ? null : cpuMs * 1000 / fields);
    }
}
