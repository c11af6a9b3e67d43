package dev.orgbff.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's fidelity check: runs the same probe that recorded a real Logto 1.42
 * ({@code src/test/resources/logto/probe.py}) against the emulator and compares both transcripts
 * exchange by exchange, joined on {@code (scenario, step)}.
 */
class LogtoEmulatorTranscriptTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String RECORDED = "/logto/transcripts/logto-1.42-oss.json";
    private static final String PROBE = "/logto/probe.py";
    /** The fields of an exchange that must match; everything else (seq, notes, the request) only describes it. */
    private static final List<String> COMPARED_FIELDS = List.of("status", "body", "bodyIsJson", "headers", "tokenHeader",
            "tokenClaims", "createdIdShape", "rowIdOrder");
    /**
     * Steps allowed to differ, {@code "scenario / step"} → why the emulator cannot (or should not) reproduce
     * real Logto there. Keep it short; every entry must still differ, or it is stale.
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

    @Test
    void probe_againstTheEmulator_answersEveryStepLikeRealLogto(@TempDir Path workDir) throws Exception {
        // given
        assumeTrue(python3Available(), "python3 is not on the PATH");
        Path probe = copyResource(PROBE, workDir.resolve("probe.py"));
        Path transcript = workDir.resolve("emulator-transcript.json");
        Path output = workDir.resolve("probe-output.txt");

        // when
        int exitCode;
        try (LogtoEmulator logto = LogtoEmulator.start(0)) {
            ProcessBuilder process = new ProcessBuilder("python3", probe.toString(), "--out", transcript.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            process.environment().put("LOGTO_ENDPOINT", logto.endpoint());
            process.environment().put("LOGTO_M2M_APP_ID", logto.m2mAppId());
            process.environment().put("LOGTO_M2M_APP_SECRET", logto.m2mAppSecret());
            process.environment().put("LOGTO_MANAGEMENT_RESOURCE", LogtoEmulator.MANAGEMENT_RESOURCE);
            Process running = process.start();
            if (!running.waitFor(2, TimeUnit.MINUTES)) {
                running.destroyForcibly();
            }
            exitCode = running.exitValue();
        }

        // then
        String probeOutput = Files.readString(output);
        assertThat(exitCode).as("probe exit code; its output:%n%s", probeOutput).isZero();
        List<String> differences = differences(readResource(RECORDED), MAPPER.readTree(transcript.toFile()));
        assertThat(differences)
                .withFailMessage("%d steps where the emulator answers unlike the recorded Logto 1.42 "
                        + "(expected = Logto, but was = emulator):%n%s", differences.size(), String.join("\n", differences))
                .isEmpty();
    }

    /** One line per differing field of each step, plus missing, extra and stale-allowlist steps. */
    private static List<String> differences(JsonNode recorded, JsonNode emulated) {
        Map<String, JsonNode> expected = byStep(recorded);
        Map<String, JsonNode> actual = byStep(emulated);
        List<String> differences = new ArrayList<>();
        expected.forEach((key, expectedStep) -> {
            JsonNode actualStep = actual.get(key);
            String label = "#" + expectedStep.get("seq") + " [" + key + "] " + expectedStep.get("method").stringValue()
                    + " " + expectedStep.get("path").stringValue();
            if (actualStep == null) {
                differences.add(label + ": missing from the emulator's transcript");
                return;
            }
            List<String> fields = new ArrayList<>();
            for (String field : COMPARED_FIELDS) {
                JsonNode want = expectedStep.path(field);
                JsonNode got = actualStep.path(field);
                if (!want.equals(got)) {
                    fields.add("  " + field + ": expected " + describe(want) + "\n" + " ".repeat(field.length() + 4)
                            + "but was  " + describe(got));
                }
            }
            String reason = KNOWN_DIFFERENCES.get(key);
            if (reason == null && !fields.isEmpty()) {
                differences.add(label + "\n" + String.join("\n", fields));
            } else if (reason != null && fields.isEmpty()) {
                differences.add(label + ": listed in KNOWN_DIFFERENCES but matches now; remove the entry");
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> differences.add("[" + key + "]: only in the emulator's transcript"));
        return differences;
    }

    private static Map<String, JsonNode> byStep(JsonNode transcript) {
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        for (JsonNode exchange : transcript) {
            steps.put(exchange.get("scenario").stringValue() + " / " + exchange.get("step").stringValue(), exchange);
        }
        return steps;
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.toString();
    }

    private static boolean python3Available() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = LogtoEmulatorTranscriptTests.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private static JsonNode readResource(String resource) throws IOException {
        try (InputStream in = LogtoEmulatorTranscriptTests.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
