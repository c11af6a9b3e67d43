package dev.orgbff.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

/**
 * Without {@code orgbff.cors.allowed-origins} (the default) no answer carries CORS headers, so browsers refuse
 * cross-origin calls: a preflight gets 401 like any request without a token.
 */
class NoCorsGraphQlTests extends GraphQlTestSupport {

    @Test
    void preflight_noAllowedOrigins_unauthorizedWithoutCorsHeaders() {
        // when
        var response = webTestClient.options().uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://app.example.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange();
        // then
        response.expectStatus().isUnauthorized().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void post_noAllowedOrigins_answerWithoutCorsHeaders() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = webTestClient.post().uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://app.example.test")
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { user { name } } }"))
                .exchange();
        // then
        response.expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
