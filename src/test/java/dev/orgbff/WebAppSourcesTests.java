package dev.orgbff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference web app's committed generated files are what its sources produce: the commands of the one fenced
 * block of {@code examples/web/README.md}, run as written (without their {@code # …} comments) with bash in
 * {@code examples/web/}, in order ({@code npm ci}, codegen over {@code target/schema.graphqls}, typecheck, build), on
 * empty {@code src/gql/} and {@code dist/}: each must succeed, and together they must write exactly the files those
 * directories had before, byte for byte, none added or missing. Whatever they rewrote, the files are then put back as
 * they were, so a failure leaves the working tree unchanged (only {@code node_modules/}, git-ignored, is new). Skipped
 * where Node.js 20+ and npm are missing ({@link NpmProject}).
 */
class WebAppSourcesTests {

    private static final NpmProject WEB = new NpmProject(Path.of("examples", "web"), "the check of examples/web's generated files");
    private static final List<Path> GENERATED = List.of(WEB.directory().resolve("src/gql"), WEB.directory().resolve("dist"));

    @Test
    void readmeCommands_asWritten_rewriteTheCommittedGeneratedDocumentsAndDistByteForByte() throws Exception {
        // given
        WEB.nodeAndNpmOrSkip();
        List<String> commands = readmeCommands();
        assertThat(Path.of("target", "schema.graphqls")).as("the schema codegen reads, written by mvn -B process-test-classes").exists();
        Map<Path, byte[]> committed = snapshot();
        // when
        try {
            for (Path directory : GENERATED) {
                FileSystemUtils.deleteRecursively(directory); // a file the commands no longer write shows as missing
            }
            for (String command : commands) {
                WEB.bash(command);
            }
            // then
            Map<Path, byte[]> rebuilt = snapshot();
            TreeSet<Path> differing = new TreeSet<>(committed.keySet());
            differing.addAll(rebuilt.keySet());
            differing.removeIf(file -> Arrays.equals(committed.get(file), rebuilt.get(file)));
            assertThat(differing).as("files of %s that differ from what the README's commands write (other bytes, or missing on one"
                    + " side): run those commands in examples/web and commit src/gql and dist (deleting a file they no longer"
                    + " write)", GENERATED).isEmpty();
        } finally {
            restore(committed);
        }
    }

    /** The command lines of the README's one fenced block, without their comments and blank lines. */
    private static List<String> readmeCommands() throws IOException {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : Files.readAllLines(WEB.directory().resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                block = block == null ? new ArrayList<>() : null;
                if (block != null) {
                    blocks.add(block);
                }
            } else if (block != null) {
                String command = line.replaceFirst("(^|\\s)#.*", "").strip();
                if (!command.isEmpty()) {
                    block.add(command);
                }
            }
        }
        assertThat(blocks).as("fenced blocks of examples/web/README.md, the commands that build the app").hasSize(1);
        assertThat(blocks.get(0)).as("commands of examples/web/README.md").isNotEmpty();
        return blocks.get(0);
    }

    /** Every file under {@link #GENERATED} and its bytes, by path. */
    private static Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        for (Path directory : GENERATED) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        files.put(file, Files.readAllBytes(file));
                    }
                }
            }
        }
        return files;
    }

    /** Puts {@link #GENERATED} back as {@code files} had them: other files removed, theirs rewritten. */
    private static void restore(Map<Path, byte[]> files) throws IOException {
        for (Path file : snapshot().keySet()) {
            if (!files.containsKey(file)) {
                Files.delete(file);
            }
        }
        files.forEach((file, bytes) -> {
            try {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                    Files.write(file, bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
