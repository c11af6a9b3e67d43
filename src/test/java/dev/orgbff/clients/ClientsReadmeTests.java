package dev.orgbff.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's TypeScript snippets are the real-client suite's code ({@code clients/}, run by {@link RealClientsTests}),
 * so that what a user copies is what ran: a {@code ts} block that opens with {@code // clients/<file>} is that whole
 * file, and one that opens with {@code // clients/<file> (excerpt)} is made of verbatim parts of it, in order,
 * separated by {@code // …} lines. Needs no Node.js.
 */
class ClientsReadmeTests {

    private static final Pattern TS_BLOCK = Pattern.compile("```ts\\n(// (clients/[^\\s:]+)[^\\n]*\\n)(.*?)```", Pattern.DOTALL);
    private static final String GAP = "// …\n";

    @Test
    void readme_tsBlocksOfClientFiles_areThoseFilesVerbatim() throws IOException {
        // given
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        // when
        List<String> checked = new ArrayList<>();
        Matcher block = TS_BLOCK.matcher(readme);
        while (block.find()) {
            Path file = Path.of(block.group(2));
            String source = Files.readString(file, StandardCharsets.UTF_8);
            if (block.group(1).contains("(excerpt)")) {
                int from = 0;
                for (String part : block.group(3).split(GAP)) {
                    int at = source.indexOf(part, from);
                    assertThat(at).as("the README's excerpt of %s, verbatim and in order:%n%s", file, part).isNotNegative();
                    from = at + part.length();
                }
            } else {
                assertThat(block.group(1) + block.group(3)).as("the README's %s", file).isEqualTo(source);
            }
            checked.add(file.toString());
        }
        // then
        assertThat(checked).as("files shown in the README").containsExactlyInAnyOrder(
                "clients/codegen.ts", "clients/src/typed.ts", "clients/src/apollo.ts", "clients/src/urql.ts");
    }
}
