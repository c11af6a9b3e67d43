package dev.orgbff.graphql.limits;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized and token-heavy documents are refused with a short answer, one log line and no stack trace,
 * before GraphQL runs or Logto is called ({@code orgbff.graphql.max-request-size} 64 KB,
 * {@code max-tokens} 5,000 by default).
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestSizeGraphQlTests extends GraphQlTestSupport {

    /** The only call a request refused before it runs may make: its token is the first the service checks. */
    private static final String JWKS = "GET /oidc/jwks";

    private static final String VIEWER = "query viewer { viewer { user { name } } }";

    @Test
    void request_300KBQuery_answers413WithShortJsonNotServerErrorWithStackTrace(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String query = "# " + "x".repeat(300 * 1024) + "\n" + VIEWER;
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(demo.alice(), Map.of("query", query));
        // then
        assertRefusedAsTooLarge(response, output.getAll().substring(logged));
    }

    @Test
    void request_20000SkipDirectives_answers413NotServerErrorWithStackTrace(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String query = "query viewer { viewer { user { name" + " @skip(if: false)".repeat(20_000) + " } } }";
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(demo.alice(), Map.of("query", query));
        // then
        assertRefusedAsTooLarge(response, output.getAll().substring(logged));
    }

    @Test
    void request_chunkedBodyOverTheLimit_answers413WhileReading(CapturedOutput output) {
        // given: 100 KB in chunks, without Content-Length, so the limit applies while the body is read
        DemoTenant demo = DemoTenant.seed(logto);
        byte[] body = ("{\"query\": \"" + VIEWER + "\", \"extensions\": {\"padding\": \"" + "x".repeat(100 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, (body.length + 8191) / 8192).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(body, i * 8192, Math.min(body.length, (i + 1) * 8192))));
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = webTestClient.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange();
        // then
        assertRefusedAsTooLarge(response, output.getAll().substring(logged));
    }

    @Test
    void request_overTheLimitWithoutToken_answers401First() {
        // given
        String query = "# " + "x".repeat(300 * 1024) + "\n" + VIEWER;
        // when
        var response = webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query)).exchange();
        // then
        response.expectStatus().isUnauthorized();
    }

    @Test
    void request_justUnderTheLimit_isAnswered() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String query = "# " + "x".repeat(60 * 1024) + "\n" + VIEWER;
        // when
        var response = post(demo.alice(), Map.of("query", query));
        // then
        response.expectStatus().isOk().expectBody().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
    }

    @Test
    void query_2000SkipDirectivesUnderTheSizeLimit_stoppedByTheParserTokenLimit(CapturedOutput output) {
        // given: 34 KB, 14,000 tokens: under graphql-java's default limit, so it was parsed and validated in full
        DemoTenant demo = DemoTenant.seed(logto);
        String query = "query viewer { viewer { user { name" + " @skip(if: false)".repeat(2_000) + " } } }";
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(demo.alice(), Map.of("query", query));
        // then
        response.expectStatus().isOk().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("InvalidSyntax")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message).contains("5,000 'grammar' tokens"));
        assertThat(output.getAll().substring(logged)).doesNotContain("\tat ").doesNotContain(" ERROR ");
        assertThat(logto.calls().keySet()).isSubsetOf(JWKS); // the token's check fetches it, when it is the first of the run
    }

    private static void assertRefusedAsTooLarge(WebTestClient.ResponseSpec response, String log) {
        response.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).value(body -> assertThat(body)
                        .isEqualTo("{\"errors\":[{\"message\":\"The request body is larger than 65536 bytes\","
                                + "\"extensions\":{\"classification\":\"REQUEST_TOO_LARGE\"}}]}"));
        assertThat(log.lines().filter(line -> line.contains("413 for POST /graphql"))).hasSize(1);
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
        assertThat(logto.calls()).isEmpty();
    }
}
