package dev.orgbff.graphql.persisted;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.graphql.HttpPostGraphQlTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Apollo's automatic persisted queries over POST: a client sends the hash alone, gets {@code PersistedQueryNotFound}
 * once, sends the text with the hash, and from then on the hash alone runs the registered document, parsed once,
 * with the same Logto calls as the text. A text that is not the hash's, or a malformed {@code persistedQuery}, is
 * refused before anything runs.
 */
@ExtendWith(OutputCaptureExtension.class)
public class PersistedQueryGraphQlTests extends GraphQlTestSupport {

    /** The default of {@code orgbff.graphql.persisted-queries.max-characters}. */
    private static final long REGISTERED_TEXT = 1_000_000;
    private static final int LARGE_DOCUMENTS = 30;
    private static final String DOCUMENT_ID = "The parameter 'documentId' must be sha256: and the SHA-256 of the document's UTF-8 text,"
            + " 64 hexadecimal digits";
    private static final String SWITCHER = "query Orgs { viewer { organizations { totalCount edges { node { name viewerPermissions } } } } }";

    @Test
    void persistedQuery_missThenRegisterThenHashAlone_answersAsTheTextWithTheSameCallsParsedOnce() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String query = unique(SWITCHER);
        String hash = DocumentHash.of(query).hex();
        post(demo.alice(), Map.of("extensions", persistedQuery(hash))).expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound");
        double parses = documentParses();
        logto.resetCalls();
        post(demo.alice(), Map.of("query", query, "extensions", persistedQuery(hash))).expectStatus().isOk().expectBody()
                .jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
        Map<String, Integer> callsOfTheText = managementApiCalls();
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("extensions", persistedQuery(hash)));
        // then
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1)
                .jsonPath("$.data.viewer.organizations.edges[0].node.name").isEqualTo("Acme");
        assertThat(managementApiCalls()).isNotEmpty().isEqualTo(callsOfTheText);
        assertThat(documentParses()).as("documents parsed and validated: the text once, the hash not again").isEqualTo(parses + 1);
    }

    @Test
    void persistedQuery_unknownHashAlone_persistedQueryNotFoundAndNothingRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String hash = DocumentHash.of(unique(SWITCHER)).hex();
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("extensions", persistedQuery(hash)));
        // then
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("PersistedQueryNotFound")
                .jsonPath("$.errors[0].extensions.persistedQueryId").isEqualTo(hash);
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void persistedQuery_textUnderTheHashOfAnotherRegisteredDocument_persistedQueryIdInvalidAndNothingRuns() {
        // given: a query registered under its hash, then another text sent with that hash
        DemoTenant demo = DemoTenant.seed(logto);
        String registered = unique(SWITCHER);
        String hash = DocumentHash.of(registered).hex();
        post(demo.alice(), Map.of("query", registered, "extensions", persistedQuery(hash))).expectBody().jsonPath("$.errors").doesNotExist();
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("query", "query Other { viewer { user { name primaryEmail } } }", "extensions", persistedQuery(hash)));
        // then
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryIdInvalid")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("PersistedQueryIdInvalid");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void persistedQuery_textWithTheHashOfNothing_persistedQueryIdInvalid() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("query", unique(SWITCHER), "extensions", persistedQuery(DocumentHash.of("something else").hex())));
        // then
        response.expectBody().jsonPath("$.errors[0].message").isEqualTo("PersistedQueryIdInvalid").jsonPath("$.data").doesNotExist();
        assertThat(logto.apiCalls()).isZero();
    }

    static Stream<Arguments> malformedPersistedQueries() {
        String hash = DocumentHash.of(SWITCHER).hex();
        return Stream.of(
                Arguments.of(Map.of("version", 2, "sha256Hash", hash), "extensions.persistedQuery.version must be 1"),
                Arguments.of(Map.of("sha256Hash", hash), "extensions.persistedQuery.version must be 1"),
                Arguments.of(Map.of("version", 1, "sha256Hash", "not-a-hash"),
                        "extensions.persistedQuery.sha256Hash must be the SHA-256 of the document's UTF-8 text, as 64 hexadecimal digits"),
                Arguments.of(Map.of("version", 1, "sha256Hash", hash.substring(1)),
                        "extensions.persistedQuery.sha256Hash must be the SHA-256 of the document's UTF-8 text, as 64 hexadecimal digits"),
                Arguments.of("a string", "extensions.persistedQuery must be an object {\"version\": 1, \"sha256Hash\": \"<the document's SHA-256>\"}"));
    }

    @ParameterizedTest
    @MethodSource("malformedPersistedQueries")
    void persistedQuery_malformed_badRequestWithoutStackTraceAndNothingRuns(Object persistedQuery, String message, CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(demo.alice(), Map.of("query", SWITCHER, "extensions", Map.of("persistedQuery", persistedQuery)));
        // then
        assertMalformedPersistedQuery(response, message, output.getAll().substring(logged));
    }

    @ParameterizedTest
    @MethodSource("malformedPersistedQueries")
    void persistedQuery_malformedBesideADocumentIdOfItsHash_refusedAsWithoutIt(Object persistedQuery, String message, CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(demo.alice(), Map.of("query", SWITCHER, "documentId", DocumentHash.of(SWITCHER).documentId(),
                "extensions", Map.of("persistedQuery", persistedQuery)));
        // then
        assertMalformedPersistedQuery(response, message, output.getAll().substring(logged));
    }

    private static void assertMalformedPersistedQuery(WebTestClient.ResponseSpec response, String message, String log) {
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].message").isEqualTo(message)
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        assertThat(log).contains("Refused a request with a malformed extensions.persistedQuery").doesNotContain("\tat ").doesNotContain(" ERROR ");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void persistedQuery_upperCaseHash_sameDocument() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String query = unique(SWITCHER);
        String hash = DocumentHash.of(query).hex();
        post(demo.alice(), Map.of("query", query, "extensions", persistedQuery(hash))).expectBody().jsonPath("$.errors").doesNotExist();
        // when
        var response = post(demo.alice(), Map.of("extensions", persistedQuery(hash.toUpperCase(Locale.ROOT))));
        // then
        response.expectBody().jsonPath("$.errors").doesNotExist().jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
    }

    @Test
    void persistedQuery_distinctLargeDocumentsRegistered_keepsAtMostAMillionCharactersOfThem() {
        // given: what one token holder can register, distinct documents just under the 64 KB request limit (a long
        // comment): 1,000 of them were 120 MB of heap when the registry was bounded by 1,000 hashes
        DemoTenant demo = DemoTenant.seed(logto);
        List<String> hashes = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        // when
        for (int document = 0; document < LARGE_DOCUMENTS; document++) {
            String query = unique("# " + "x".repeat(60 * 1024) + "\n{ __typename }");
            shortest = Math.min(shortest, query.length());
            String hash = DocumentHash.of(query).hex();
            post(demo.alice(), Map.of("query", query, "extensions", persistedQuery(hash))).expectBody()
                    .jsonPath("$.data.__typename").isEqualTo("Query");
            hashes.add(hash);
        }
        // then: no more of them are known than fit in the bound (eviction runs in the background, shortly after a write)
        long fit = REGISTERED_TEXT / shortest;
        assertThat(fit).isLessThan(LARGE_DOCUMENTS);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(hashes.stream().filter(hash -> known(demo.alice(), hash)).count())
                .as("hashes still known").isLessThanOrEqualTo(fit));
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void documentId_missThenTextThenIdAlone_answersAsTheTextAndSharesTheRegistryWithApq() {
        // given: GraphQL-over-HTTP's persisted documents, as GraphQL Code Generator's client preset names them
        DemoTenant demo = DemoTenant.seed(logto);
        String query = unique(SWITCHER);
        DocumentHash hash = DocumentHash.of(query);
        logto.resetCalls();
        post(demo.alice(), Map.of("documentId", hash.documentId())).expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound");
        assertThat(logto.apiCalls()).isZero();
        post(demo.alice(), Map.of("query", query, "documentId", hash.documentId())).expectStatus().isOk().expectBody()
                .jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
        // when
        var byDocumentId = post(demo.alice(), Map.of("documentId", hash.documentId()));
        var byBareHex = post(demo.alice(), Map.of("documentId", hash.hex()));
        var byApq = post(demo.alice(), Map.of("extensions", persistedQuery(hash.hex())));
        // then
        for (var response : List.of(byDocumentId, byBareHex, byApq)) {
            response.expectStatus().isOk().expectBody()
                    .jsonPath("$.errors").doesNotExist()
                    .jsonPath("$.data.viewer.organizations.edges[0].node.name").isEqualTo("Acme");
        }
    }

    @Test
    void documentId_withTheTextOfAnotherDocument_persistedQueryIdInvalidAndNothingRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("query", unique(SWITCHER), "documentId", DocumentHash.of("something else").documentId()));
        // then
        response.expectBody().jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryIdInvalid")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("PersistedQueryIdInvalid");
        assertThat(logto.apiCalls()).isZero();
    }

    static Stream<Arguments> malformedDocumentIds() {
        String hex = DocumentHash.of(SWITCHER).hex();
        return Stream.of(
                Arguments.of("sha1:" + hex.substring(0, 40), DOCUMENT_ID),
                Arguments.of("sha1:" + hex, DOCUMENT_ID),
                Arguments.of("sha256:" + hex.substring(1), DOCUMENT_ID),
                Arguments.of("sha256:" + hex + "0", DOCUMENT_ID),
                Arguments.of("sha256:", DOCUMENT_ID),
                Arguments.of("x-app:switcher", DOCUMENT_ID),
                Arguments.of(7, "The parameter 'documentId' must be a string"));
    }

    @ParameterizedTest
    @MethodSource("malformedDocumentIds")
    void documentId_malformed_400NamingItWithoutStackTraceAndNothingRuns(Object documentId, String message, CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(demo.alice(), Map.of("documentId", documentId));
        // then
        HttpPostGraphQlTests.assertRefused(response, HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON, message);
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains("400 for POST /graphql: " + message))).hasSize(1);
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    @Test
    void documentId_andPersistedQueryOfAnotherDocument_400() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("documentId", DocumentHash.of(SWITCHER).documentId(),
                "extensions", persistedQuery(DocumentHash.of("something else").hex())));
        // then
        HttpPostGraphQlTests.assertRefused(response, HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON,
                "The parameters 'documentId' and 'extensions.persistedQuery' name different documents");
    }

    /** Whether the hash alone runs a document, rather than getting {@code PersistedQueryNotFound}. */
    private boolean known(String userId, String hash) {
        String body = post(userId, Map.of("extensions", persistedQuery(hash))).expectBody(String.class).returnResult().getResponseBody();
        return body != null && body.contains("\"data\"");
    }

    /** {@code document} made distinct from every other test's by a comment, so that no earlier request registered it. */
    public static String unique(String document) {
        return "# " + UUID.randomUUID() + "\n" + document;
    }

    public static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    /** The Management API calls so far by route; the M2M token request is made once, whenever it is due. */
    private static Map<String, Integer> managementApiCalls() {
        Map<String, Integer> calls = new TreeMap<>(logto.calls());
        calls.keySet().removeIf(route -> !route.contains(" /api/"));
        return calls;
    }

    /** How many documents were parsed and validated so far: misses of the parsed-document cache. */
    private double documentParses() {
        return meters.get("cache.gets").tag("cache", DocumentCache.METRICS_NAME).tag("result", "miss").functionCounter().count();
    }
}
