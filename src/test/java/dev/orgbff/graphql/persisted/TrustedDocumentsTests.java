package dev.orgbff.graphql.persisted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reading trusted-documents manifests: a manifest that cannot be used stops the application with a message naming it
 * and the problem, rather than refusing every request later.
 */
class TrustedDocumentsTests {

    private static final String SWITCHER = "query Switcher { viewer { organizations { totalCount } } }";
    private static final String ME = "query Me { viewer { user { name } } }";

    @TempDir
    private Path directory;

    @Test
    void read_twoManifests_holdsTheDocumentsOfBoth() throws IOException {
        // given
        String web = manifest("web.json", Map.of(DocumentHash.of(SWITCHER).hex(), SWITCHER));
        String ios = manifest("ios.json", Map.of(DocumentHash.of(ME).hex(), ME));
        // when
        TrustedDocuments documents = read(web, ios);
        // then
        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.document(DocumentHash.of(SWITCHER))).isEqualTo(SWITCHER);
        assertThat(documents.document(DocumentHash.of(ME))).isEqualTo(ME);
        assertThat(documents.document(DocumentHash.of("{ viewer { user { id } } }"))).isNull();
    }

    @Test
    void read_documentIdKeys_asGraphQlCodeGenerator6WritesThem_holdsTheDocuments() throws IOException {
        // given: the client preset's persisted-documents.json since version 6, keyed by "sha256:<hex>"
        String manifest = manifest("codegen.json", Map.of(DocumentHash.of(SWITCHER).documentId(), SWITCHER, DocumentHash.of(ME).hex(), ME));
        // when
        TrustedDocuments documents = read(manifest);
        // then
        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.document(DocumentHash.of(SWITCHER))).isEqualTo(SWITCHER);
        assertThat(documents.document(DocumentHash.of(ME))).isEqualTo(ME);
    }

    @Test
    void read_keyOfAnotherAlgorithm_failsNamingTheManifestAndTheKey() throws IOException {
        // given
        String key = "sha1:" + DocumentHash.of(SWITCHER).hex().substring(0, 40);
        String manifest = manifest("sha1-prefixed.json", Map.of(key, SWITCHER));
        // when, then
        assertThatThrownBy(() -> read(manifest))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orgbff.graphql.trusted-documents: the manifest " + manifest)
                .hasMessageContaining("'" + key + "' is not");
    }

    @Test
    void read_documentIdKeyOfAnotherDocument_failsNamingTheManifestAndTheKey() throws IOException {
        // given
        String key = DocumentHash.of(ME).documentId();
        String manifest = manifest("swapped.json", Map.of(key, SWITCHER));
        // when, then
        assertThatThrownBy(() -> read(manifest))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orgbff.graphql.trusted-documents: the manifest " + manifest)
                .hasMessageContaining("'" + key + "' is not the SHA-256 of its document");
    }

    @Test
    void read_sha1Keys_failsNamingTheManifestAndTheHashAlgorithm() throws IOException {
        // given: GraphQL Code Generator's default, sha1
        String manifest = manifest("sha1.json", Map.of("3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed", SWITCHER));
        // when, then
        assertThatThrownBy(() -> read(manifest))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orgbff.graphql.trusted-documents: the manifest " + manifest)
                .hasMessageContaining("is not the SHA-256 of its document")
                .hasMessageContaining("hashAlgorithm is 'sha256'");
    }

    @Test
    void read_missingManifest_failsSayingSo() {
        // given
        String missing = "file:" + directory.resolve("missing.json");
        // when, then
        assertThatThrownBy(() -> read(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("orgbff.graphql.trusted-documents: the manifest " + missing + " cannot be used: it does not exist");
    }

    @Test
    void read_apolloManifestFormat_failsAskingForAnObjectOfDocuments() throws IOException {
        // given: Apollo's persisted query manifest, which needs converting (README, "Clients")
        Path file = directory.resolve("apollo.json");
        Files.writeString(file, "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": []}");
        // when, then
        assertThatThrownBy(() -> read("file:" + file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("each key must be a SHA-256, 64 hexadecimal digits with or without the prefix sha256:, and each value a"
                        + " document's text; 'format' is not");
    }

    @Test
    void read_apolloManifestConvertedByTheReadmesJq_holdsItsDocuments() throws Exception {
        // given: the README's jq command, as written, over a manifest in Apollo Kotlin's and Apollo iOS's format
        Matcher command = Pattern.compile("`(jq '[^`]*' persistedQueryManifest\\.json > android\\.json)`").matcher(Files.readString(Path.of("README.md")));
        assertThat(command.find()).as("the README's jq command for Apollo's manifests").isTrue();
        Files.writeString(directory.resolve("persistedQueryManifest.json"), JsonMapper.builder().build().writeValueAsString(Map.of(
                "format", "apollo-persisted-query-manifest", "version", 1, "operations", List.of(
                        Map.of("id", DocumentHash.of(SWITCHER).hex(), "body", SWITCHER, "name", "Switcher", "type", "query"),
                        Map.of("id", DocumentHash.of(ME).hex(), "body", ME, "name", "Me", "type", "query")))));
        Process jq;
        try {
            jq = new ProcessBuilder("bash", "-c", command.group(1)).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException noBash) {
            throw new TestAbortedException("bash is needed to run the README's jq command", noBash);
        }
        String output = new String(jq.getInputStream().readAllBytes());
        assumeTrue(jq.waitFor() != 127, "jq is not installed (apt-get install jq): the README's conversion is not run");
        assertThat(jq.exitValue()).as(output).isZero();
        // when
        TrustedDocuments documents = read("file:" + directory.resolve("android.json"));
        // then
        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.document(DocumentHash.of(SWITCHER))).isEqualTo(SWITCHER);
        assertThat(documents.document(DocumentHash.of(ME))).isEqualTo(ME);
    }

    @Test
    void read_notJson_fails() throws IOException {
        // given
        Path file = directory.resolve("broken.json");
        Files.writeString(file, "{\"abc\": ");
        // when, then
        assertThatThrownBy(() -> read("file:" + file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("it is not JSON");
    }

    @Test
    void read_emptyObject_fails() throws IOException {
        // given
        Path file = directory.resolve("empty.json");
        Files.writeString(file, "{}");
        // when, then
        assertThatThrownBy(() -> read("file:" + file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one document");
    }

    private String manifest(String name, Map<String, String> documents) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, JsonMapper.builder().build().writeValueAsString(documents));
        return "file:" + file;
    }

    private static TrustedDocuments read(String... locations) {
        return TrustedDocuments.read(List.of(locations), new DefaultResourceLoader(), JsonMapper.builder().build());
    }
}
