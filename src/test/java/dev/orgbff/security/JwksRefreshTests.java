package dev.orgbff.security;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens whose key the service does not hold: Logto's JWKS is fetched again at most once per
 * {@code orgbff.tokens.jwks-refresh-interval} (the test clock moves past it), and a JWKS that fails or
 * hangs costs such tokens a prompt 401, never the service of tokens with a held key.
 */
class JwksRefreshTests extends GraphQlTestSupport {

    private static final Map<String, String> QUERY = Map.of("query", "{ viewer { organizations { totalCount } } }");
    private static final String JWKS = "GET /oidc/jwks";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @Autowired
    private TokenProperties tokens;

    @Test
    void graphql_twoHundredForgedTokensWithUnknownKids_oneJwksFetchAndAll401() {
        // given
        List<String> forged = IntStream.range(0, 200).mapToObj(i -> forgedToken()).toList();
        letTheRefreshIntervalPass();
        logto.resetCalls();
        // when
        List<EntityExchangeResult<byte[]>> responses = Flux.fromIterable(forged)
                .flatMap(token -> Mono.fromCallable(() -> post(token).expectBody().returnResult())
                        .subscribeOn(Schedulers.boundedElastic()), 50)
                .collectList()
                .block();
        // then
        assertThat(logto.calls(JWKS)).isEqualTo(1);
        assertThat(logto.apiCalls()).isZero();
        assertThat(responses).hasSize(200).allSatisfy(response -> {
            assertThat(response.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith(INVALID_TOKEN)
                    .contains("not signed with one of Logto's signing keys");
        });
    }

    @Test
    void graphql_tokenSignedWithKeyRotatedIn_refusedWithinTheIntervalAndAcceptedAfterIt() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        letTheRefreshIntervalPass();
        post(forgedToken()).expectStatus().isUnauthorized(); // the one JWKS fetch of this interval
        String rotated = logto.token(demo.alice()).signedWithRotatedInKey().sign();
        logto.resetCalls();
        // when
        var withinTheInterval = post(rotated);
        clock.advance(tokens.jwksRefreshInterval());
        var afterTheInterval = post(rotated);
        // then
        withinTheInterval.expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, header -> assertThat(header).startsWith(INVALID_TOKEN));
        afterTheInterval.expectStatus().isOk().expectBody().jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
        assertThat(logto.calls(JWKS)).isEqualTo(1);
    }

    @Test
    void graphql_keyLogtoWithdraws_refusedOnceTheHeldKeysReachTheVerifiedCacheMaxAge() {
        // given: the service holds Logto's RSA key, which Logto then rotates out
        DemoTenant demo = DemoTenant.seed(logto);
        letTheRefreshIntervalPass();
        post(logto.token(demo.alice()).rs256().sign()).expectStatus().isOk();
        logto.withdrawRsaKey();
        var beforeTheMaxAge = post(logto.token(demo.bob()).rs256().sign());
        clock.advance(tokens.verifiedCacheMaxAge());
        logto.resetCalls();
        // when: tokens that were never verified before, so no remembered verification answers for them
        var withdrawnKey = post(logto.token(demo.dave()).rs256().sign());
        var publishedKey = post(logto.userToken(demo.erin()));
        // then
        beforeTheMaxAge.expectStatus().isOk();
        withdrawnKey.expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, header -> assertThat(header).startsWith(INVALID_TOKEN)
                        .contains("not signed with one of Logto's signing keys"));
        publishedKey.expectStatus().isOk();
        assertThat(logto.calls(JWKS)).isEqualTo(1);
        // the RSA key published again (reset() does it too); the service fetches it when an RS256 token next comes
        letTheRefreshIntervalPass();
    }

    /** The JWKS answering 503, and hanging: the first waits for the JWKS timeout (here logto.timeout, 2 s), the second not at all. */
    static List<Fault> jwksFailures() {
        return List.of(Fault.status(503, "unavailable"), Fault.timeout());
    }

    @ParameterizedTest
    @MethodSource("jwksFailures")
    void graphql_jwksUnavailable_unknownKidGets401PromptlyWithReasonAndHeldKeyIsServed(Fault failure) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        post(logto.userToken(demo.bob())).expectStatus().isOk(); // the service holds Logto's key
        String neverSeen = logto.userToken(demo.alice());
        letTheRefreshIntervalPass();
        logto.fail(JWKS, failure);
        logto.resetCalls();
        // when
        var unknownKid = post(forgedToken());
        var unknownKidAgain = post(forgedToken());
        var heldKey = post(neverSeen);
        // then
        for (var response : List.of(unknownKid, unknownKidAgain)) {
            response.expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, header -> assertThat(header).startsWith(INVALID_TOKEN)
                            .contains("signing keys (JWKS) could not be fetched"));
        }
        heldKey.expectStatus().isOk().expectBody().jsonPath("$.data.viewer.organizations.totalCount").isEqualTo(1);
        assertThat(logto.calls(JWKS)).isEqualTo(1);
    }

    private void letTheRefreshIntervalPass() {
        post(forgedToken()).expectStatus().isUnauthorized();
        clock.advance(tokens.jwksRefreshInterval());
    }

    /** A well-formed token for the right audience, signed with a fresh key under a made-up {@code kid}. */
    private static String forgedToken() {
        return logto.token("user00000001").signedWithUnknownKey().sign();
    }

    private WebTestClient.ResponseSpec post(String token) {
        // the testers' 30 s: 200 requests at once on a loaded machine are slow, not wrong (a request that got no answer
        // at all was Reactor Netty's kept-alive connection that stopped reading: see PipelinedRequestsTests)
        return webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(token)).bodyValue(QUERY).exchange();
    }
}
