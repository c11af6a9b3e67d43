package dev.orgbff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The shell blocks of {@code README.md} (fenced {@code bash}, {@code sh}, {@code shell} or {@code console}) and who
 * runs them. A block is run by {@link ReadmeShellBlocksTests} unless the line before its fence says otherwise:
 * {@code <!-- run by SomeIT -->} hands it to that test, {@code <!-- not run by the tests: <reason> -->} says why
 * nothing runs it. The comment lines of a block that start with <code>{</code> are the output the README shows for
 * the command above them, with {@code …} standing for anything.
 */
final class ReadmeBlocks {

    private static final Path README = Path.of("README.md");

    private static final Pattern FENCE = Pattern.compile("```(bash|sh|shell|console)\\s*");
    private static final Pattern RUN_BY = Pattern.compile("<!-- run by (\\w+) -->");
    private static final Pattern NOT_RUN = Pattern.compile("<!-- not run by the tests: \\S.* -->");

    private ReadmeBlocks() {
    }

    /**
     * One shell block.
     *
     * @param line the line of its opening fence (1-based)
     * @param heading the heading of the section it is in
     * @param runBy the test class that runs it (simple name), or null when the README says why nothing does
     */
    record ShellBlock(int line, String heading, @Nullable String runBy, String text) {

        /** The outputs the README shows, in order (its comment lines that start with <code>{</code>, without {@code # }). */
        List<String> expectedOutput() {
            return text.lines().map(String::strip).filter(line -> line.startsWith("# {")).map(line -> line.substring(2)).toList();
        }

        /** Where it is, for failure messages. */
        String where() {
            return "README.md line " + line + " (" + heading + ")";
        }
    }

    /** The output of a finished script. */
    record Result(int exitCode, String stdout, String stderr) {

        /** The script and everything it printed, for failure messages. */
        String describe(String script) {
            return "\n--- script\n" + script + "\n--- exit code " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr + "\n---";
        }
    }

    /** Whether {@code line} is the output {@code shown}, where {@code …} stands for anything. */
    static boolean matches(String shown, String line) {
        return Pattern.matches(Arrays.stream(shown.split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*")), line);
    }

    /** Every shell block of the README, in order. */
    static List<ShellBlock> shellBlocks() {
        List<String> lines = readme().lines().toList();
        List<ShellBlock> blocks = new ArrayList<>();
        String heading = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                heading = line;
            } else if (line.startsWith("```") && !FENCE.matcher(line).matches()) {
                i = closingFence(lines, i); // another language: its lines are not headings either
            } else if (FENCE.matcher(line).matches()) {
                int end = closingFence(lines, i);
                String marker = previousNonBlank(lines, i);
                Matcher runBy = RUN_BY.matcher(marker);
                boolean notRun = NOT_RUN.matcher(marker).matches();
                if (marker.startsWith("<!--") && !runBy.matches() && !notRun) {
                    throw new IllegalStateException("README.md line " + (i + 1) + ": the line before the block is not a marker of who runs it: " + marker);
                }
                String test = runBy.matches() ? runBy.group(1) : notRun ? null : ReadmeShellBlocksTests.class.getSimpleName();
                blocks.add(new ShellBlock(i + 1, heading, test, String.join("\n", lines.subList(i + 1, end)) + "\n"));
                i = end;
            }
        }
        return blocks;
    }

    /** The blocks the README gives to {@code test}. */
    static List<ShellBlock> runBy(Class<?> test) {
        return shellBlocks().stream().filter(block -> test.getSimpleName().equals(block.runBy())).toList();
    }

    static String readme() {
        try {
            return Files.readString(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code script} with {@code bash -e -o pipefail} in {@code directory} and waits for it.
     *
     * @param environment added to this process's environment
     * @throws IllegalStateException when it has not finished within {@code timeout} (it is then killed)
     */
    static Result bash(String script, Map<String, String> environment, Path directory, Duration timeout)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("readme-stdout", ".txt");
        Path stderr = Files.createTempFile("readme-stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            stop(process);
        }
        Result result = new Result(finished ? process.exitValue() : -1, Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
        Files.delete(stdout);
        Files.delete(stderr);
        if (!finished) {
            throw new IllegalStateException("not finished within " + timeout + result.describe(script));
        }
        return result;
    }

    /** Stops a process and everything it started (a shell, the Maven it runs, the JVM that Maven forks). */
    static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }

    private static int closingFence(List<String> lines, int opening) {
        for (int i = opening + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                return i;
            }
        }
        throw new IllegalStateException("README.md line " + (opening + 1) + ": the block is never closed");
    }

    private static String previousNonBlank(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }
}
