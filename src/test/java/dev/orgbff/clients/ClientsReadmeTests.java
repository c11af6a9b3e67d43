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
 * The README's TypeScript snippets are the real-client suite's files ({@code clients/}, run by {@link RealClientsTests})
 * and the reference web app's ({@code examples/web/}, run by {@code WebAppBrowserTests}), so that what a user copies is
 * what ran: a {@code ts} block that opens with {@code // clients/<file>} is that file, whole; a {@code ts} or
 * {@code tsx} block that opens with {@code // examples/web/<file>, excerpt} is a part of that file, as it is. Needs no
 * Node.js.
 */
class ClientsReadmeTests {

    private static final Pattern CLIENT_FILE_BLOCK = Pattern.compile("```ts\\n(// (clients/[^\\s:]+).*?)```", Pattern.DOTALL);
    private static final Pattern WEB_APP_EXCERPT = Pattern.compile("```tsx?\\n// (examples/web/[^\\s,]+), excerpt\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readme_tsBlocksOfClientFiles_areThoseFiles() throws IOException {
        // given
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        // when
        List<String> shown = new ArrayList<>();
        Matcher block = CLIENT_FILE_BLOCK.matcher(readme);
        while (block.find()) {
            Path file = Path.of(block.group(2));
            assertThat(block.group(1)).as("the README's %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            shown.add(file.toString());
        }
        // then
        assertThat(shown).as("files shown in the README").containsExactly(
                "clients/codegen.ts", "clients/src/documents.ts", "clients/src/apollo-client.ts", "clients/src/urql-client.ts");
    }

    @Test
    void readme_excerptsOfTheWebApp_arePartsOfItsFiles() throws IOException {
        // given
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        // when
        List<String> shown = new ArrayList<>();
        Matcher block = WEB_APP_EXCERPT.matcher(readme);
        while (block.find()) {
            Path file = Path.of(block.group(1));
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s, of which the README shows an excerpt", file).contains(block.group(2));
            shown.add(file.toString());
        }
        // then
        assertThat(shown).as("excerpts shown in the README").containsExactly("examples/web/src/main.tsx", "examples/web/src/apollo.ts",
                "examples/web/src/errors.tsx", "examples/web/src/organizationToken.ts");
    }
}
