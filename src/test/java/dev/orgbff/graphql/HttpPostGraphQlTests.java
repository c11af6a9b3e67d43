package dev.orgbff.graphql;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over POST: a body that is not a GraphQL-over-HTTP request (not JSON, not a JSON object, no document, a
 * parameter of the wrong type) gets HTTP 400, and a body that is not {@code application/json} HTTP 415, each with one
 * GraphQL-shaped {@code BAD_REQUEST} error naming what is wrong and one log line without a stack trace; nothing runs.
 */
@ExtendWith(OutputCaptureExtension.class)
public class HttpPostGraphQlTests extends GraphQlTestSupport {

    private static final String VIEWER = "{ viewer { user { name } } }";
    private static final String NO_DOCUMENT = "The request needs the parameter 'query', 'documentId' or 'extensions' with a persistedQuery";
    private static final String NOT_JSON = "The request body must be a JSON object, sent with Content-Type: application/json";

    static Stream<Arguments> notGraphQlRequests() {
        return Stream.of(
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "", HttpStatus.BAD_REQUEST, "The request body is empty"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{}", HttpStatus.BAD_REQUEST, NO_DOCUMENT),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": null}", HttpStatus.BAD_REQUEST, NO_DOCUMENT),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": \" \"}", HttpStatus.BAD_REQUEST, NO_DOCUMENT),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"qeury\": \"" + VIEWER + "\"}", HttpStatus.BAD_REQUEST, NO_DOCUMENT),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": 7}", HttpStatus.BAD_REQUEST, "The parameter 'query' must be a string"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": {\"text\": \"" + VIEWER + "\"}}", HttpStatus.BAD_REQUEST,
                        "The parameter 'query' must be a string"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"" + VIEWER + "\", \"operationName\": true}", HttpStatus.BAD_REQUEST,
                        "The parameter 'operationName' must be a string"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"" + VIEWER + "\", \"variables\": \"x\"}", HttpStatus.BAD_REQUEST,
                        "The parameter 'variables' must be a JSON object"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"" + VIEWER + "\", \"variables\": [1]}", HttpStatus.BAD_REQUEST,
                        "The parameter 'variables' must be a JSON object"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"" + VIEWER + "\", \"extensions\": 5}", HttpStatus.BAD_REQUEST,
                        "The parameter 'extensions' must be a JSON object"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": ", HttpStatus.BAD_REQUEST, "The request body is not JSON"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, VIEWER, HttpStatus.BAD_REQUEST, "The request body is not JSON"),
                // 2 KB of brackets, far within the size limit, past Jackson's nesting limit
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"" + VIEWER + "\", \"variables\": {\"x\": " + "[".repeat(2000)
                        + "]".repeat(2000) + "}}", HttpStatus.BAD_REQUEST, "The request body is JSON nested too deeply, or with too long a value"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "[{\"query\": \"" + VIEWER + "\"}]", HttpStatus.BAD_REQUEST,
                        "The request body must be a JSON object"),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "\"" + VIEWER + "\"", HttpStatus.BAD_REQUEST,
                        "The request body must be a JSON object"),
                Arguments.of("application/graphql", VIEWER, HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON),
                Arguments.of(MediaType.TEXT_PLAIN_VALUE, "{\"query\": \"" + VIEWER + "\"}", HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON),
                Arguments.of(null, "{\"query\": \"" + VIEWER + "\"}", HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("notGraphQlRequests")
    void post_notAGraphQlRequest_refusedWithOneNamedErrorOneLogLineAndNothingRuns(@Nullable String contentType, String body, HttpStatus status,
            String message, CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = post(logto.userToken(demo.alice()), contentType, body, null);
        // then
        assertRefused(response, status, MediaType.APPLICATION_JSON, message);
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains(status.value() + " for POST /graphql: " + message))).hasSize(1);
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    @Test
    void post_notAGraphQlRequestAcceptingGraphQlResponse_answeredInThatMediaType() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = post(logto.userToken(demo.alice()), MediaType.APPLICATION_JSON_VALUE, "{\"query\": 7}",
                MediaTypes.APPLICATION_GRAPHQL_RESPONSE + ", " + MediaType.APPLICATION_JSON_VALUE + ";q=0.9");
        // then
        assertRefused(response, HttpStatus.BAD_REQUEST, MediaTypes.APPLICATION_GRAPHQL_RESPONSE, "The parameter 'query' must be a string");
    }

    @Test
    void post_notAGraphQlRequestAcceptingOnlyServerSentEvents_refusedLikeAnyOther() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = post(logto.userToken(demo.alice()), MediaType.APPLICATION_JSON_VALUE, "{\"query\": 7}", MediaType.TEXT_EVENT_STREAM_VALUE);
        // then
        assertRefused(response, HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON, "The parameter 'query' must be a string");
    }

    @Test
    void post_mutationAcceptingOnlyServerSentEvents_answersWhatItDid() {
        // given: only a subscription is answered with an event stream
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = post(logto.userToken(demo.alice()), MediaType.APPLICATION_JSON_VALUE,
                "{\"query\": \"mutation { createOrganization(input: {name: \\\"Initech\\\"}) { organization { name } } }\"}",
                MediaType.TEXT_EVENT_STREAM_VALUE);
        // then: not an error over a write that was made
        response.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .expectBody().jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.createOrganization.organization.name").isEqualTo("Initech");
    }

    @Test
    void post_subscriptionNotAcceptingServerSentEvents_refused406BeforeAnythingRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        int subscribers = eventStream.subscribers();
        // when
        var response = post(logto.userToken(demo.alice()), MediaType.APPLICATION_JSON_VALUE,
                "{\"query\": \"subscription { viewerOrganizationEvents { kind } }\"}", MediaType.APPLICATION_JSON_VALUE);
        // then
        assertRefused(response, HttpStatus.NOT_ACCEPTABLE, MediaType.APPLICATION_JSON,
                "A subscription is answered with server-sent events: send it with Accept: text/event-stream");
        assertThat(eventStream.subscribers()).isEqualTo(subscribers);
    }

    @Test
    void post_subscriptionOverServerSentEvents_passesTheSameChecks() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        String token = logto.userToken(demo.alice());
        // when
        var notJson = post(token, MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"subscription", MediaType.TEXT_EVENT_STREAM_VALUE);
        var tooLarge = post(token, MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"subscription { viewerOrganizationEvents { kind } }"
                + " ".repeat(70_000) + "\"}", MediaType.TEXT_EVENT_STREAM_VALUE);
        var invalid = post(token, MediaType.APPLICATION_JSON_VALUE, "{\"query\": \"subscription { viewerOrganizationEvents { secret } }\"}",
                MediaType.TEXT_EVENT_STREAM_VALUE);
        // then
        assertRefused(notJson, HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON, "The request body is not JSON");
        tooLarge.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        // a document refused by validation never starts: its errors are answered as JSON, and nothing runs
        invalid.expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains("'secret'"));
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void post_mutationWithMalformedAccept_refusedBeforeAnythingRuns() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = post(logto.userToken(demo.alice()), MediaType.APPLICATION_JSON_VALUE,
                "{\"query\": \"mutation { createOrganization(input: {name: \\\"Initech\\\"}) { organization { name } } }\"}", "json");
        // then
        assertRefused(response, HttpStatus.NOT_ACCEPTABLE, MediaType.APPLICATION_JSON, "The header 'Accept' is not a list of media types");
    }

    @Test
    void post_parametersExplicitlyNull_runsTheQuery() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = post(logto.userToken(demo.alice()), MediaType.APPLICATION_JSON_VALUE,
                "{\"query\": \"" + VIEWER + "\", \"operationName\": null, \"variables\": null, \"extensions\": null}", null);
        // then
        response.expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist().jsonPath("$.data.viewer.user.name").isEqualTo("Alice Adams");
    }

    @Test
    void post_notAGraphQlRequestWithoutToken_401First() {
        // given
        DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = webTestClient.post().uri("/graphql").contentType(MediaType.TEXT_PLAIN).bodyValue("{").exchange();
        // then
        response.expectStatus().isUnauthorized();
        assertThat(logto.apiCalls()).isZero();
    }

    private WebTestClient.ResponseSpec post(String token, @Nullable String contentType, String body, @Nullable String accept) {
        return webTestClient.post().uri("/graphql")
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    if (contentType != null) {
                        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
                    }
                    if (accept != null) {
                        headers.set(HttpHeaders.ACCEPT, accept);
                    }
                })
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)) // bytes: the client adds no Content-Type of its own
                .exchange();
    }

    /**
     * Asserts an answer refusing a request before anything ran: {@code status}, {@code mediaType}, one
     * {@code BAD_REQUEST} error with {@code message} and no Management API call.
     */
    public static void assertRefused(WebTestClient.ResponseSpec response, HttpStatus status, MediaType mediaType, String message) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(mediaType)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].message").isEqualTo(message)
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        assertThat(logto.apiCalls()).as("Management API calls").isZero();
    }
}
