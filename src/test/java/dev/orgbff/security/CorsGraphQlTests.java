package dev.orgbff.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS for a browser app on an allowed origin ({@code orgbff.cors.allowed-origins}): its preflight, which carries no
 * token, is answered before authentication; its requests to {@code /graphql} carry
 * {@code Access-Control-Allow-Origin}. Other origins are refused, and nothing else gets CORS headers.
 */
@TestPropertySource(properties = "orgbff.cors.allowed-origins=https://app.example.test,https://admin.example.test")
class CorsGraphQlTests extends GraphQlTestSupport {

    private static final String APP = "https://app.example.test";
    private static final String OTHER = "https://evil.example.test";

    @Test
    void preflight_allowedOriginWithoutToken_answeredWithTheRules() {
        // when
        var response = webTestClient.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, APP)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange();
        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "authorization, content-type")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void post_allowedOrigin_answerCarriesAllowOrigin() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = webTestClient.post().uri("/graphql")
                .header(HttpHeaders.ORIGIN, APP)
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { user { name } } }"))
                .exchange();
        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, APP)
                .expectBody().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
    }

    @Test
    void get_allowedOrigin_answerCarriesAllowOrigin() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = webTestClient.get().uri(uri -> uri.path("/graphql").queryParam("query", "{query}").build("{ viewer { user { name } } }"))
                .header(HttpHeaders.ORIGIN, "https://admin.example.test")
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .exchange();
        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://admin.example.test")
                .expectBody().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
    }

    @Test
    void preflight_otherOrigin_refusedWithoutCorsHeaders() {
        // when
        var response = webTestClient.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, OTHER)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange();
        // then
        response.expectStatus().isForbidden().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void post_otherOriginWithToken_refusedAndNothingRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = webTestClient.post().uri("/graphql")
                .header(HttpHeaders.ORIGIN, OTHER)
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { user { name } } }"))
                .exchange();
        // then
        response.expectStatus().isForbidden().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void preflight_otherMethod_refused() {
        // when
        var response = webTestClient.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, APP)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange();
        // then
        response.expectStatus().isForbidden().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void health_allowedOrigin_noCorsHeaders() {
        // when
        var response = webTestClient.get().uri("/actuator/health").header(HttpHeaders.ORIGIN, APP).exchange();
        // then
        response.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(response.returnResult(String.class).getStatus()).isNotEqualTo(HttpStatus.FORBIDDEN);
    }
}
