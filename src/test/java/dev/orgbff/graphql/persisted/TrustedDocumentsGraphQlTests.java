package dev.orgbff.graphql.persisted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.graphql.ClientArtifacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trusted-documents mode with the manifest the build makes of the canonical operations
 * ({@code classpath:graphql-documents/persisted-documents.json}): each canonical operation runs by its hash alone (and
 * as its text); any other document, by text or hash, is refused with {@code PERSISTED_QUERY_NOT_TRUSTED} before
 * anything runs, and clients cannot register documents. Documents sent by hash still count against the mutation
 * budget (one mutation a minute here) and still may not be mutations over GET.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "orgbff.graphql.trusted-documents=classpath:" + ClientArtifacts.MANIFEST,
    "orgbff.rate-limit.mutations-per-minute=1"})
class TrustedDocumentsGraphQlTests extends GraphQlTestSupport {

    private static final List<String> CANONICAL = List.of("switcher", "organizationPage", "inviteeLanding", "createOrganization",
            "inviteMembers", "acceptInvitation");
    private static final String NOT_TRUSTED = "This service runs only trusted documents, and this document is not one of them";

    @Test
    void manifest_holdsExactlyTheCanonicalOperationsByTheirSha256() {
        // given
        Map<String, String> manifest = manifest();
        // when
        Map<String, String> canonical = new HashMap<>();
        CANONICAL.forEach(name -> canonical.put(DocumentHash.of(operation(name)).hex(), operation(name)));
        // then
        assertThat(manifest).isEqualTo(canonical);
    }

    @Test
    void canonicalOperations_byHashAlone_eachRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String member = logto.roleId("member");
        // when, then
        byHash(demo.alice(), "switcher", Map.of()).jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
        byHash(demo.alice(), "organizationPage", Map.of("id", demo.acme())).jsonPath("$.data.organization.name").isEqualTo("Acme");
        byHash(demo.carol(), "inviteeLanding", Map.of()).jsonPath("$.data.viewer.pendingInvitations[0].organization.name").isEqualTo("Acme");
        byHash(demo.dave(), "createOrganization", Map.of("input", Map.of("name", "Initech")))
                .jsonPath("$.data.createOrganization.organization.viewerRoles[0].name").isEqualTo("admin");
        byHash(demo.alice(), "inviteMembers", Map.of("input", Map.of("organizationId", demo.acme(), "emails", List.of("new@example.test"),
                "roleIds", List.of(member)))).jsonPath("$.data.inviteMembers.invitations[0].invitee").isEqualTo("new@example.test");
        byHash(demo.carol(), "acceptInvitation", Map.of("input", Map.of("invitationId", demo.carolsInvitation())))
                .jsonPath("$.data.acceptInvitation.organization.name").isEqualTo("Acme");
        assertThat(logto.memberIds(demo.acme())).contains(demo.carol());
    }

    @Test
    void canonicalOperation_asItsText_runs() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = post(demo.alice(), Map.of("query", operation("switcher")));
        // then
        response.expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.viewer.organizations.edges[0].node.name").isEqualTo("Acme");
    }

    @Test
    void unknownDocumentAsText_notTrustedLoggedOnceAndNothingRuns(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(demo.alice(), Map.of("query", "query Mine { viewer { user { primaryEmail } } }", "operationName", "Mine"));
        // then
        assertNotTrusted(response);
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains("Refused a document that is not trusted: operationName Mine"))).hasSize(1);
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    @Test
    void unknownDocumentWithItsHash_notRegistered_hashAloneStillRefused() {
        // given: what an Apollo client sends after PersistedQueryNotFound
        DemoTenant demo = DemoTenant.seed(logto);
        String query = "query Mine { viewer { user { name } } }";
        String hash = DocumentHash.of(query).hex();
        assertNotTrusted(post(demo.alice(), Map.of("query", query, "extensions", PersistedQueryGraphQlTests.persistedQuery(hash))));
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("extensions", PersistedQueryGraphQlTests.persistedQuery(hash)));
        // then
        assertNotTrusted(response);
    }

    @Test
    void trustedHashWithAnotherText_persistedQueryIdInvalidAndNothingRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = post(demo.alice(), Map.of("query", "query Mine { viewer { user { primaryEmail } } }",
                "extensions", PersistedQueryGraphQlTests.persistedQuery(DocumentHash.of(operation("switcher")).hex())));
        // then
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryIdInvalid")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("PersistedQueryIdInvalid");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void mutationByHashAlone_countsAgainstTheMutationBudget() {
        // given: one mutation a minute
        DemoTenant demo = DemoTenant.seed(logto);
        byHash(demo.erin(), "createOrganization", Map.of("input", Map.of("name", "First"))).jsonPath("$.data.createOrganization.organization.id").exists();
        int organizations = logto.organizationIds().size();
        // when
        var response = post(demo.erin(), Map.of("variables", Map.of("input", Map.of("name", "Second")),
                "extensions", PersistedQueryGraphQlTests.persistedQuery(DocumentHash.of(operation("createOrganization")).hex())));
        // then
        response.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("RATE_LIMITED")
                .jsonPath("$.data.createOrganization").doesNotExist();
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void canonicalOperations_byDocumentId_eachRuns_unknownDocumentId_notTrusted() {
        // given: GraphQL-over-HTTP's documentId, as GraphQL Code Generator's client preset sends it (sha256:<hex>)
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var switcher = post(demo.alice(), Map.of("documentId", DocumentHash.of(operation("switcher")).documentId()));
        var page = post(demo.alice(), Map.of("documentId", DocumentHash.of(operation("organizationPage")).documentId(),
                "variables", Map.of("id", demo.acme())));
        logto.resetCalls();
        var unknown = post(demo.alice(), Map.of("documentId", DocumentHash.of("query Mine { viewer { user { name } } }").documentId()));
        // then
        switcher.expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
        page.expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist().jsonPath("$.data.organization.name").isEqualTo("Acme");
        assertNotTrusted(unknown);
    }

    @Test
    void mutationByDocumentId_countsAgainstTheMutationBudget() {
        // given: one mutation a minute
        DemoTenant demo = DemoTenant.seed(logto);
        String createOrganization = DocumentHash.of(operation("createOrganization")).documentId();
        post(demo.erin(), Map.of("documentId", createOrganization, "variables", Map.of("input", Map.of("name", "First"))))
                .expectBody().jsonPath("$.data.createOrganization.organization.id").exists();
        int organizations = logto.organizationIds().size();
        // when
        var response = post(demo.erin(), Map.of("documentId", createOrganization, "variables", Map.of("input", Map.of("name", "Second"))));
        // then
        response.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("RATE_LIMITED")
                .jsonPath("$.data.createOrganization").doesNotExist();
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void get_trustedMutationByDocumentId_405() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        int organizations = logto.organizationIds().size();
        // when
        var response = webTestClient.get()
                .uri(uri -> uri.path("/graphql").queryParam("documentId", DocumentHash.of(operation("createOrganization")).documentId())
                        .queryParam("variables", "{variables}").build("{\"input\": {\"name\": \"Over GET\"}}"))
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .exchange();
        // then
        response.expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void get_trustedQueryByHash_runs_trustedMutationByHash_405() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        int organizations = logto.organizationIds().size();
        // when
        var query = get(demo.alice(), DocumentHash.of(operation("switcher")).hex());
        var mutation = get(demo.alice(), DocumentHash.of(operation("createOrganization")).hex());
        // then
        query.expectStatus().isOk().expectBody().jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
        mutation.expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    private WebTestClient.BodyContentSpec byHash(String userId, String operation, Map<String, Object> variables) {
        return post(userId, Map.of("variables", variables,
                "extensions", PersistedQueryGraphQlTests.persistedQuery(DocumentHash.of(operation(operation)).hex())))
                .expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
    }

    private static void assertNotTrusted(WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].message").isEqualTo(NOT_TRUSTED)
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("PERSISTED_QUERY_NOT_TRUSTED");
        assertThat(logto.apiCalls()).isZero();
    }

    private WebTestClient.ResponseSpec get(String userId, String hash) {
        return webTestClient.get()
                .uri(uri -> uri.path("/graphql").queryParam("extensions", "{extensions}")
                        .build("{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}"))
                .headers(headers -> headers.setBearerAuth(logto.userToken(userId)))
                .exchange();
    }

    /** The text of the canonical operation {@code name} ({@code schema/operations/<name>.graphql}). */
    private static String operation(String name) {
        return resource("/graphql/operations/" + name + ".graphql");
    }

    private static Map<String, String> manifest() {
        return JsonMapper.builder().build().readValue(resource("/" + ClientArtifacts.MANIFEST), new TypeReference<Map<String, String>>() {
        });
    }

    private static String resource(String path) {
        try (InputStream in = TrustedDocumentsGraphQlTests.class.getResourceAsStream(path)) {
            assertThat(in).as("%s on the classpath (the build writes the manifest in process-test-classes)", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
