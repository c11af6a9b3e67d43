package dev.orgbff.security;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.LogtoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

class TokenValidationTests extends GraphQlTestSupport {

    private static final Map<String, String> QUERY = Map.of("query", "{ viewer { organizations { totalCount } } }");

    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("garbage", (Function<LogtoEmulator, String>) logto -> "not-a-jwt"),
                Arguments.of("signed by an unknown key", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience(logto.apiResource()).signedWithUnknownKey().sign()),
                Arguments.of("wrong issuer", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience(logto.apiResource()).issuer("https://evil.example/oidc").sign()),
                Arguments.of("wrong audience", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience("https://another-api.example").sign()),
                Arguments.of("Management API audience", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience(LogtoEmulator.MANAGEMENT_RESOURCE).sign()),
                Arguments.of("expired", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience(logto.apiResource())
                                .issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign()),
                Arguments.of("not valid yet", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience(logto.apiResource()).notBefore(now.plusSeconds(3600)).sign()),
                Arguments.of("typ JWT (an ID token, not an access token)", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience(logto.apiResource()).type("JWT").sign()),
                Arguments.of("machine token (sub = client_id)", (Function<LogtoEmulator, String>) logto ->
                        logto.token("machine00001").audience(logto.apiResource()).claim("client_id", "machine00001").sign()));
    }

    @Test
    void graphql_noToken_unauthorizedWithoutUpstreamCall() {
        // given
        logto.resetCalls();
        // when
        var response = webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange();
        // then
        response.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(logto.calls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void graphql_invalidToken_unauthorizedWithoutUpstreamCall(String name, Function<LogtoEmulator, String> token) {
        // given
        String bearer = token.apply(logto);
        logto.resetCalls();
        // when
        var response = webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(bearer)).bodyValue(QUERY).exchange();
        // then
        response.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.calls("POST /oidc/token")).isZero();
    }

    @Test
    void graphql_organizationToken_accepted() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String token = logto.token(demo.bob()).audience("urn:logto:organization:" + demo.acme()).scope("invite:member").sign();
        // when
        var response = withToken(token).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.edges[0].node.viewerPermissions").entityList(String.class).containsExactly("invite:member");
    }

    @Test
    void graphql_twoAuthorizationHeaders_refusedWith400BeforeAnyGraphQlRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String alice = logto.userToken(demo.alice());
        String bob = logto.userToken(demo.bob());
        logto.resetCalls();
        // when
        var response = webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + alice);
                    headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + bob);
                })
                .bodyValue(QUERY).exchange();
        // then
        response.expectStatus().isBadRequest()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, header -> assertThat(header).startsWith("Bearer error=\"invalid_request\""))
                .expectBody()
                .jsonPath("$.error").isEqualTo("invalid_request")
                .jsonPath("$.error_description").isEqualTo("The request has more than one Authorization header")
                .jsonPath("$.data").doesNotExist();
        assertThat(logto.calls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/graphiql", "/actuator/health", "/no-such-page"})
    void anyPath_twoAuthorizationHeaders_refusedWith400(String path) {
        // given
        String token = logto.userToken("user00000001");
        // when
        var response = webTestClient.get().uri(path)
                .headers(headers -> {
                    headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                    headers.add(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNzd29yZA==");
                })
                .exchange();
        // then
        response.expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_request");
    }

    @Test
    void health_noToken_upWhenLogtoAnswers() {
        // when
        var response = webTestClient.get().uri("/actuator/health").exchange();
        // then
        response.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void health_logtoDown_reportsDown() {
        // given
        logto.fail("GET /api/status", dev.orgbff.emulator.Fault.status(503, "unavailable"));
        // when
        var response = webTestClient.get().uri("/actuator/health").exchange();
        // then
        response.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectBody().jsonPath("$.status").isEqualTo("DOWN");
    }
}
