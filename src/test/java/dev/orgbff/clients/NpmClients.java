package dev.orgbff.clients;

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
 * The npm project {@code clients/} (README, "Clients"), built once per test run: its dependencies installed with
 * {@code npm ci} (only when {@code package-lock.json} is newer than {@code node_modules}), then GraphQL Code Generator
 * run over {@code target/schema.graphqls} and {@code schema/operations/} ({@code clients/src/gql/}). Its scripts run
 * with their output logged. Where Node.js 20 or later and npm are missing, the calling test is skipped (a JUnit
 * assumption) with what to install.
 */
final class NpmClients {

    private static final Logger LOG = LoggerFactory.getLogger(NpmClients.class);
    private static final Path DIRECTORY = Path.of("clients");
    private static final int NODE_MAJOR = 20;
    private static final String INSTALL = "install Node.js " + NODE_MAJOR + " or later and npm (apt-get install nodejs npm on"
            + " Debian 13, or nodesource's nodejs package) to run the real-client suite of clients/";
    /** {@code npm ci} from the registry takes about half a minute; codegen and tsc a few seconds each. */
    private static final long TIMEOUT_MINUTES = 5;

    private static @Nullable String unavailable;
    private static boolean built;

    private NpmClients() {
    }

    /**
     * Skips the calling test where {@code node} (20 or later) or {@code npm} is missing; otherwise builds the project
     * the first time it is needed.
     *
     * @throws AssertionError when {@code npm ci} or the code generator fails, with its output
     */
    static synchronized void builtOrSkip() throws IOException, InterruptedException {
        if (unavailable == null && !built) {
            unavailable = whyUnavailable();
            if (unavailable != null) {
                LOG.warn("The real-client tests are skipped: {}", unavailable);
            }
        }
        assumeTrue(unavailable == null, () -> "The real-client tests are skipped: " + unavailable);
        if (!built) {
            // npm writes node_modules/.package-lock.json last: older than the lock file, it is from before a change
            Path installed = DIRECTORY.resolve("node_modules/.package-lock.json");
            if (!Files.exists(installed)
                    || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(DIRECTORY.resolve("package-lock.json"))) < 0) {
                run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
            }
            run("codegen", Map.of());
            built = true;
        }
    }

    /**
     * Runs {@code npm run <script>} in {@code clients/} with {@code environment} added to this JVM's, logs its output
     * and returns it.
     *
     * @throws AssertionError when it exits with another code than 0 or runs over five minutes, with its output
     */
    static String run(String script, Map<String, String> environment) throws IOException, InterruptedException {
        return run(List.of("npm", "run", "--silent", script), environment);
    }

    private static String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile("orgbff-npm", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(DIRECTORY.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            boolean exited = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            LOG.info("{} in clients/:\n{}", String.join(" ", command), output);
            assertThat(exited).as("%s ended within %d minutes; its output:%n%s", command, TIMEOUT_MINUTES, output).isTrue();
            assertThat(process.exitValue()).as("exit code of %s; its output:%n%s", String.join(" ", command), output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Why the suite cannot run here, or null. */
    private static @Nullable String whyUnavailable() throws InterruptedException {
        String node = version("node");
        if (node == null || version("npm") == null) {
            return "no " + (node == null ? "node" : "npm") + " on the PATH: " + INSTALL;
        }
        Matcher major = Pattern.compile("v(\\d+)\\.").matcher(node);
        if (!major.lookingAt() || Integer.parseInt(major.group(1)) < NODE_MAJOR) {
            return "node " + node + " is too old: " + INSTALL;
        }
        return null;
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
