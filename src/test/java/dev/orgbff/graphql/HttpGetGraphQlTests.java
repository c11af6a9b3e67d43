package dev.orgbff.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.graphql.persisted.DocumentHash;
import dev.orgbff.graphql.persisted.PersistedQueryGraphQlTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over GET ({@code query}, {@code operationName}, {@code variables}, {@code extensions} as query parameters):
 * queries only, through the same interceptors as POST, with {@code Cache-Control: private, no-store}; a mutation is
 * refused with HTTP 405 before anything is written; malformed parameters get HTTP 400 with a GraphQL-shaped error.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpGetGraphQlTests extends GraphQlTestSupport {

    private static final String ORGANIZATION = "query Organization($id: ID!) { organization(id: $id) { name viewerRoles { name } } }";
    private static final String CREATE = "mutation Create($name: String!) { createOrganization(input: {name: $name}) { organization { id } } }";

    @Test
    void get_queryWithVariables_answersDataPrivateNoStoreWithTheCallsOfAPost() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        webTestClient.post().uri("/graphql").headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", ORGANIZATION, "operationName", "Organization", "variables", Map.of("id", demo.acme())))
                .exchange().expectStatus().isOk();
        Map<String, Integer> callsOfAPost = new TreeMap<>(logto.calls());
        callsOfAPost.keySet().removeIf(route -> !route.contains(" /api/"));
        logto.resetCalls();
        // when
        var response = get(demo.alice(), Map.of("query", ORGANIZATION, "operationName", "Organization",
                "variables", "{\"id\": \"" + demo.acme() + "\"}"));
        // then
        response.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.organization.name").isEqualTo("Acme")
                .jsonPath("$.data.organization.viewerRoles[0].name").isEqualTo("admin");
        Map<String, Integer> callsOfTheGet = new TreeMap<>(logto.calls());
        callsOfTheGet.keySet().removeIf(route -> !route.contains(" /api/"));
        assertThat(callsOfTheGet).isNotEmpty().isEqualTo(callsOfAPost);
    }

    @Test
    void get_anotherOrganizationsId_notFoundLikeAnUnknownIdWithoutWrite() {
        // given: bob is a member of Acme only
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var globex = get(demo.bob(), Map.of("query", ORGANIZATION, "variables", "{\"id\": \"" + demo.globex() + "\"}"));
        var unknown = get(demo.bob(), Map.of("query", ORGANIZATION, "variables", "{\"id\": \"unknown0000\"}"));
        // then
        String globexBody = globex.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String unknownBody = unknown.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(globexBody).contains("NOT_FOUND").doesNotContain("Globex")
                .isEqualTo(unknownBody.replace("unknown0000", demo.globex()));
        assertThat(logto.calls().keySet()).as("upstream writes").allMatch(route -> route.startsWith("GET "));
    }

    @Test
    void post_query_answersPrivateNoStore() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = webTestClient.post().uri("/graphql").headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ viewer { user { name } } }")).exchange();
        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .expectBody().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
    }

    @Test
    void get_persistedQuery_missThenTextWithHashThenHashAlone_asApolloClientsSendIt() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String query = PersistedQueryGraphQlTests.unique("{ viewer { user { name } } }");
        String extensions = "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + DocumentHash.of(query).hex() + "\"}}";
        get(demo.alice(), Map.of("extensions", extensions)).expectBody().jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound");
        get(demo.alice(), Map.of("query", query, "extensions", extensions)).expectBody().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
        // when
        var response = get(demo.alice(), Map.of("extensions", extensions));
        // then
        response.expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .expectBody().jsonPath("$.errors").doesNotExist().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
    }

    @Test
    void get_mutation_405AllowPostAndNothingWritten(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        int organizations = logto.organizationIds().size();
        logto.resetCalls();
        // when
        var response = get(demo.carol(), Map.of("query", CREATE, "variables", "{\"name\": \"Over GET\"}"));
        // then
        assertMutationRefused(response);
        assertThat(logto.organizationIds()).hasSize(organizations);
        assertThat(output.getAll()).contains("405 for GET /graphql: a mutation, operationName (none)");
    }

    @Test
    void get_registeredMutationByHashAlone_405AndNothingWritten() {
        // given: the mutation registered over POST (which runs it once)
        DemoTenant demo = DemoTenant.seed(logto);
        String mutation = PersistedQueryGraphQlTests.unique(CREATE);
        String hash = DocumentHash.of(mutation).hex();
        webTestClient.post().uri("/graphql").headers(headers -> headers.setBearerAuth(logto.userToken(demo.carol())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", mutation, "variables", Map.of("name", "Over POST"), "extensions", PersistedQueryGraphQlTests.persistedQuery(hash)))
                .exchange().expectBody().jsonPath("$.data.createOrganization.organization.id").exists();
        int organizations = logto.organizationIds().size();
        logto.resetCalls();
        // when
        var response = get(demo.carol(), Map.of("operationName", "Create", "variables", "{\"name\": \"Over GET\"}",
                "extensions", "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}"));
        // then
        assertMutationRefused(response);
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void get_documentIdOfARegisteredQueryRuns_ofARegisteredMutation405AndNothingWritten() {
        // given: both registered over POST, by GraphQL-over-HTTP's documentId (which runs the mutation once)
        DemoTenant demo = DemoTenant.seed(logto);
        String query = PersistedQueryGraphQlTests.unique("{ __typename }");
        String mutation = PersistedQueryGraphQlTests.unique(CREATE);
        post(demo.carol(), Map.of("query", query, "documentId", DocumentHash.of(query).documentId()))
                .expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
        post(demo.carol(), Map.of("query", mutation, "variables", Map.of("name", "Over POST"), "documentId", DocumentHash.of(mutation).documentId()))
                .expectBody().jsonPath("$.data.createOrganization.organization.id").exists();
        int organizations = logto.organizationIds().size();
        logto.resetCalls();
        // when
        var queryByGet = get(demo.carol(), Map.of("documentId", DocumentHash.of(query).documentId()));
        var mutationByGet = get(demo.carol(), Map.of("documentId", DocumentHash.of(mutation).documentId(), "variables", "{\"name\": \"Over GET\"}"));
        // then
        queryByGet.expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist().jsonPath("$.data.__typename").isEqualTo("Query");
        assertMutationRefused(mutationByGet);
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void get_documentIdMalformed_400() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = get(demo.alice(), Map.of("documentId", "sha1:" + DocumentHash.of(CREATE).hex().substring(0, 40)));
        // then
        assertBadRequest(response, "The parameter 'documentId' must be sha256: and the SHA-256 of the document's UTF-8 text, 64 hexadecimal digits");
    }

    @Test
    void get_mutationFirstOfSeveralWithEmptyOperationName_405AndNothingWritten() {
        // given: graphql-java runs the first operation when operationName is empty
        DemoTenant demo = DemoTenant.seed(logto);
        int organizations = logto.organizationIds().size();
        logto.resetCalls();
        // when
        var response = get(demo.carol(), Map.of("query", CREATE + "\nquery Me { viewer { user { name } } }", "operationName", "",
                "variables", "{\"name\": \"Over GET\"}"));
        // then
        assertMutationRefused(response);
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void get_queryNamedAmongAMutation_runsTheQuery() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = get(demo.alice(), Map.of("query", CREATE + "\nquery Me { viewer { user { name } } }", "operationName", "Me"));
        // then
        response.expectStatus().isOk().expectBody().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
    }

    @Test
    void get_withoutToken_401AndNothingRuns() {
        // given
        DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = webTestClient.get().uri(uri -> uri.path("/graphql").queryParam("query", "{query}").build("{ viewer { user { name } } }"))
                .exchange();
        // then
        response.expectStatus().isUnauthorized();
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void get_variablesNotJson_400ShortErrorWithoutStackTrace(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = get(demo.alice(), Map.of("query", ORGANIZATION, "variables", "{\"id\": "));
        // then
        assertBadRequest(response, "The parameter 'variables' must be a JSON object; it is not JSON");
        assertThat(output.getAll().substring(logged)).contains("400 for GET /graphql").doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    @Test
    void get_variablesNotAnObject_400() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = get(demo.alice(), Map.of("query", ORGANIZATION, "variables", "[\"" + demo.acme() + "\"]"));
        // then
        assertBadRequest(response, "The parameter 'variables' must be a JSON object");
    }

    @Test
    void get_extensionsNotJson_400() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = get(demo.alice(), Map.of("extensions", "persistedQuery"));
        // then
        assertBadRequest(response, "The parameter 'extensions' must be a JSON object; it is not JSON");
    }

    @Test
    void get_neitherQueryNorPersistedQuery_400() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = get(demo.alice(), Map.of("operationName", "Organization"));
        // then
        assertBadRequest(response, "The request needs the parameter 'query', 'documentId' or 'extensions' with a persistedQuery");
    }

    @Test
    void get_queryGivenTwice_400() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = webTestClient.get().uri(uri -> uri.path("/graphql").queryParam("query", "{first}").queryParam("query", "{second}")
                .build("{ viewer { user { name } } }", "mutation { leaveOrganization(input: {organizationId: \"1\"}) { leftOrganizationId } }"))
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice()))).exchange();
        // then
        assertBadRequest(response, "The parameter 'query' is given more than once");
    }

    @Test
    void get_persistedQueryOfVersionTwo_badRequestErrorAndNothingRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = get(demo.alice(), Map.of("query", "{ viewer { user { name } } }",
                "extensions", "{\"persistedQuery\": {\"version\": 2, \"sha256Hash\": \"" + DocumentHash.of("{ viewer { user { name } } }").hex() + "\"}}"));
        // then
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").isEqualTo("extensions.persistedQuery.version must be 1")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void get_hugeVariables_414BeforeAnythingRunsWithoutStackTrace(CapturedOutput output) {
        // given: 10 KB of variables, over the server's 4 KB limit of a request line
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = get(demo.alice(), Map.of("query", ORGANIZATION, "variables", "{\"id\": \"" + "x".repeat(10 * 1024) + "\"}"));
        // then
        response.expectStatus().isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(output.getAll().substring(logged)).doesNotContain("\tat ").doesNotContain(" ERROR ");
        assertThat(logto.apiCalls()).isZero();
    }

    private WebTestClient.ResponseSpec get(String userId, Map<String, String> parameters) {
        Map<String, String> ordered = new LinkedHashMap<>(parameters);
        return webTestClient.get().uri(uri -> withParameters(uri.path("/graphql"), ordered).build(ordered))
                .headers(headers -> headers.setBearerAuth(logto.userToken(userId)))
                .exchange();
    }

    /** The parameters as URI template variables, so that the builder encodes their values in full. */
    private static UriBuilder withParameters(UriBuilder uri, Map<String, String> parameters) {
        parameters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri;
    }

    private static void assertMutationRefused(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].message").isEqualTo("GET runs queries only: send a mutation with POST")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(logto.apiCalls()).as("Management API calls").isZero();
    }

    private static void assertBadRequest(WebTestClient.ResponseSpec response, String message) {
        HttpPostGraphQlTests.assertRefused(response, HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON, message);
    }
}
