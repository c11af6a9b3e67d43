package dev.orgbff;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.orgbff.ReadmeBlocks.Result;
import dev.orgbff.ReadmeBlocks.ShellBlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The README's shell blocks, run as written with bash against the embedded run ({@link TestOrgBffApplication}, as
 * {@code mvn spring-boot:test-run} starts it), one after the other in the README's order on one tenant, as a reader
 * pastes them. The one change to their text: {@code localhost:8080}, {@code localhost:3001} and {@code localhost:8081}
 * become the free ports the run got. Each block must finish without error and print every output the README shows
 * (its comment lines that start with <code>{</code>, in order, {@code …} standing for anything), no GraphQL error the
 * README does not show, and no empty line (a request answered with nothing).
 */
class ReadmeShellBlocksTests {

    private static TestOrgBffApplication.Running embedded;

    @TempDir
    static Path workDirectory;

    @BeforeAll
    static void startTheEmbeddedRun() {
        embedded = TestOrgBffApplication.start("--server.port=0", "--management.server.port=0", "--orgbff.emulator.port=0");
    }

    @AfterAll
    static void stopTheEmbeddedRun() {
        embedded.close();
    }

    @Test
    void shellBlocks_givenToOtherTests_nameTestsThatExist() {
        assertThat(ReadmeBlocks.shellBlocks()).filteredOn(block -> block.runBy() != null).allSatisfy(block ->
                assertThatCode(() -> Class.forName(getClass().getPackageName() + "." + block.runBy()))
                        .as("%s is marked run by %s", block.where(), block.runBy()).doesNotThrowAnyException());
    }

    @TestFactory
    Stream<DynamicTest> shellBlocks_againstTheEmbeddedRun_printWhatTheReadmeShows() {
        return ReadmeBlocks.runBy(ReadmeShellBlocksTests.class).stream().map(block -> dynamicTest(block.where(), () -> run(block)));
    }

    private static void run(ShellBlock block) throws Exception {
        // given
        String script = block.text()
                .replace("localhost:8080", "localhost:" + embedded.port())
                .replace("localhost:3001", "localhost:" + embedded.logto().port())
                .replace("localhost:8081", "localhost:" + embedded.context().getEnvironment().getProperty("local.management.port"));

        // when
        Result result = ReadmeBlocks.bash(script, Map.of(), workDirectory, Duration.ofMinutes(1));

        // then
        String described = block.where() + result.describe(script);
        assertThat(result.exitCode()).as(described).isZero();
        assertThat(result.stderr()).as(described).isEmpty();
        List<String> lines = result.stdout().lines().toList();
        List<String> expected = block.expectedOutput();
        int next = 0;
        for (String output : expected) {
            int from = next;
            next = 1 + Stream.iterate(from, i -> i < lines.size(), i -> i + 1).filter(i -> ReadmeBlocks.matches(output, lines.get(i))).findFirst()
                    .orElseThrow(() -> new AssertionError("not printed (after output line " + from + "): " + output + "\n" + described));
        }
        assertThat(lines).as("GraphQL errors the README does not show " + described).filteredOn(line -> line.contains("\"errors\""))
                .allMatch(line -> expected.stream().anyMatch(output -> ReadmeBlocks.matches(output, line)));
        assertThat(lines).as("an empty line: a request answered with nothing " + described).noneMatch(String::isEmpty);
    }
}
