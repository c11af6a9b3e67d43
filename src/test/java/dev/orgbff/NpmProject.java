package dev.orgbff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An npm project of the repository ({@code clients/}, {@code examples/web/}) whose commands a test runs, each in the
 * project's directory with its output logged, failing the test with that output when it exits with another code than
 * 0 or runs over five minutes. Where Node.js 20 or later and npm are missing, {@link #nodeAndNpmOrSkip()} skips the
 * calling test (a JUnit assumption) with what to install.
 *
 * @param directory the project's directory, relative to the working directory (the repository's)
 * @param purpose what the project's tests are, for the skip message ("the real-client suite of clients/")
 */
public record NpmProject(Path directory, String purpose) {

    private static final Logger LOG = LoggerFactory.getLogger(NpmProject.class);
    private static final int NODE_MAJOR = 20;
    /** {@code npm ci} from the registry takes about half a minute; codegen, tsc and a build a few seconds each. */
    private static final long TIMEOUT_MINUTES = 5;

    /** Why node and npm cannot run here, once known: "" where they can. */
    private static @Nullable String unavailable;

    /**
     * Skips the calling test where {@code node} (20 or later) or {@code npm} is missing from the PATH, saying what to
     * install.
     */
    public void nodeAndNpmOrSkip() throws InterruptedException {
        String reason = whyUnavailable();
        assumeTrue(reason.isEmpty(), () -> purpose + " is skipped: " + reason + ": install Node.js " + NODE_MAJOR
                + " or later and npm (apt-get install nodejs npm on Debian 13, or nodesource's nodejs package) to run it");
    }

    /**
     * Runs {@code npm ci} unless {@code node_modules} is from the current {@code package-lock.json} (npm writes
     * {@code node_modules/.package-lock.json} last: older than the lock file, it is from before a change).
     *
     * @throws AssertionError when it fails, with its output
     */
    public void installed() throws IOException, InterruptedException {
        Path installed = directory.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed)
                || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(directory.resolve("package-lock.json"))) < 0) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
        }
    }

    /**
     * Runs {@code npm run --silent <script>} with {@code environment} added to this JVM's, and returns its output.
     *
     * @throws AssertionError when it exits with another code than 0 or runs over five minutes, with its output
     */
    public String script(String script, Map<String, String> environment) throws IOException, InterruptedException {
        return run(List.of("npm", "run", "--silent", script), environment);
    }

    /**
     * Runs {@code line} with {@code bash -e -o pipefail -c}, as a reader pastes it into a shell, and returns its output.
     *
     * @throws AssertionError when it exits with another code than 0 or runs over five minutes, with its output
     */
    public String bash(String line) throws IOException, InterruptedException {
        return run(List.of("bash", "-e", "-o", "pipefail", "-c", line), Map.of());
    }

    private String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile("orgbff-npm", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            boolean exited = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!exited) {
                ReadmeBlocks.stop(process); // npm's children (node, esbuild) with it
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            String shown = String.join(" ", command);
            LOG.info("{} in {}/:\n{}", shown, directory, output);
            assertThat(exited).as("%s in %s/ ended within %d minutes; its output:%n%s", shown, directory, TIMEOUT_MINUTES, output).isTrue();
            assertThat(process.exitValue()).as("exit code of %s in %s/; its output:%n%s", shown, directory, output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Why node and npm cannot run here (logged the first time), or "". */
    private static synchronized String whyUnavailable() throws InterruptedException {
        if (unavailable == null) {
            String node = version("node");
            Matcher major = Pattern.compile("v(\\d+)\\.").matcher(node == null ? "" : node);
            unavailable = node == null || version("npm") == null ? "no " + (node == null ? "node" : "npm") + " on the PATH"
                    : !major.lookingAt() || Integer.parseInt(major.group(1)) < NODE_MAJOR ? "node " + node + " is too old"
                    : "";
            if (!unavailable.isEmpty()) {
                LOG.warn("The tests that run npm are skipped: {}", unavailable);
            }
        }
        return unavailable;
    }

    /** What {@code <command> --version} prints, or null where it cannot run. */
    private static @Nullable String version(String command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        }
    }
}
