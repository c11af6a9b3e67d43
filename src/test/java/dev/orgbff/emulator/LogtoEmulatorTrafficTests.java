package dev.orgbff.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The test-only traffic controls others rely on: call counting, faults, latency and reset. */
class LogtoEmulatorTrafficTests extends LogtoEmulatorTestBase {

    @Test
    void calls_requestsWithPathParameters_countedUnderTheirRouteTemplate() {
        // given
        String acme = logto.createOrganization("Acme", null);
        String alice = logto.createUser("alice", "alice@example.com", "Alice");
        logto.addMember(acme, alice);
        client.requestToken();
        logto.resetCalls();

        // when
        client.get("/api/users/" + alice + "/organizations");
        client.get("/api/users/" + alice + "/organizations");
        client.post("/api/organizations/" + acme + "/users/" + alice + "/roles", "{}");
        client.get("/api/no-such-route");

        // then
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(2);
        assertThat(logto.calls("POST /api/organizations/{id}/users/{userId}/roles")).isEqualTo(1);
        assertThat(logto.calls("POST /oidc/token")).isEqualTo(1);
        assertThat(logto.calls("GET /api/no-such-route")).isEqualTo(1);
        assertThat(logto.calls()).containsOnlyKeys("GET /api/users/{userId}/organizations",
                "POST /api/organizations/{id}/users/{userId}/roles", "POST /oidc/token", "GET /api/no-such-route");
    }

    @Test
    void apiCalls_mixedTraffic_countsOnlyManagementApiCalls() {
        // given
        logto.createUser("alice", null, null);

        // when
        client.get("/api/organizations");
        client.get("/api/users");
        client.getWithAuthorization("/oidc/jwks", null);
        client.getWithAuthorization("/dev/token?username=alice", null);

        // then
        assertThat(logto.apiCalls()).isEqualTo(2);
        assertThat(logto.calls("POST /oidc/token")).isEqualTo(1);
        assertThat(logto.calls("GET /oidc/jwks")).isEqualTo(1);
        assertThat(logto.calls().keySet()).noneMatch(key -> key.contains("/dev/"));
    }

    @Test
    void resetCalls_afterCalls_countsFromZero() {
        // given
        client.get("/api/organizations");

        // when
        logto.resetCalls();

        // then
        assertThat(logto.calls()).isEmpty();
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void failNext_onAWriteRoute_answersTheFaultOnceWithoutWriting() {
        // given
        String acme = logto.createOrganization("Acme", null);
        String alice = logto.createUser("alice", null, null);
        logto.failNext("POST /api/organizations/{id}/users", Fault.status(503, "upstream.unavailable"));
        String body = "{\"userIds\": [\"" + alice + "\"]}";

        // when
        ManagementApiClient.Result failed = client.post("/api/organizations/" + acme + "/users", body);
        Set<String> membersAfterFault = logto.memberIds(acme);
        ManagementApiClient.Result retried = client.post("/api/organizations/" + acme + "/users", body);

        // then
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("code").stringValue()).isEqualTo("upstream.unavailable");
        assertThat(failed.json().has("message")).isTrue();
        assertThat(membersAfterFault).isEmpty();
        assertThat(retried.status()).isEqualTo(201);
        assertThat(logto.memberIds(acme)).containsExactly(alice);
        assertThat(logto.calls("POST /api/organizations/{id}/users")).isEqualTo(2);
    }

    @Test
    void fail_untilClearFaults_answersEveryCallWithTheFault() {
        // given
        logto.createOrganization("Acme", null);
        logto.fail("GET /api/organizations", Fault.status(500, "internal"));

        // when
        int first = client.get("/api/organizations").status();
        int second = client.get("/api/organizations").status();
        logto.clearFaults();
        ManagementApiClient.Result afterClear = client.get("/api/organizations");

        // then
        assertThat(first).isEqualTo(500);
        assertThat(second).isEqualTo(500);
        assertThat(afterClear.status()).isEqualTo(200);
        assertThat(afterClear.json()).hasSize(1);
    }

    @Test
    void failNext_tooManyRequests_answers429WithRetryAfterInWholeSeconds() {
        // given
        logto.failNext("GET /api/organizations", Fault.tooManyRequests(Duration.ofMillis(1500)));

        // when
        ManagementApiClient.Result result = client.get("/api/organizations");

        // then
        assertThat(result.status()).isEqualTo(429);
        assertThat(result.header("Retry-After")).isEqualTo("2");
        assertThat(result.json().get("code").stringValue()).isEqualTo("request.rate_limited");
    }

    @Test
    void failNext_onTheTokenEndpoint_answersTheFaultBeforeAuthenticating() {
        // given
        logto.failNext("POST /oidc/token", Fault.status(502, "bad_gateway"));

        // when
        int faulted = client.requestToken().status();
        int next = client.requestToken().status();

        // then
        assertThat(faulted).isEqualTo(502);
        assertThat(next).isEqualTo(200);
    }

    @Test
    void failNext_timeout_holdsTheRequestUntilTheClientGivesUp() {
        // given
        client.get("/api/organizations");
        logto.failNext("GET /api/organizations", Fault.timeout());

        // when / then
        assertThatThrownBy(() -> client.get("/api/organizations", Duration.ofMillis(300)))
                .hasRootCauseInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/api/organizations").status()).isEqualTo(200);
    }

    @Test
    void failNext_afterSkippingCalls_faultsOnlyTheCallAfterThem() {
        // given
        client.requestToken();
        logto.failNext("GET /api/organizations", 2, Fault.status(500, "injected"));

        // when
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(client.get("/api/organizations").status());
        }

        // then
        assertThat(statuses).containsExactly(200, 200, 500, 200);
    }

    @Test
    void failNext_lostAnswer_writeTakesEffectButTheClientGetsNoAnswer() {
        // given
        client.requestToken();
        logto.failNext("POST /api/organizations", Fault.lostAnswer());

        // when / then
        assertThatThrownBy(() -> client.post("/api/organizations", "{\"name\":\"Acme\"}", Duration.ofMillis(300)))
                .hasRootCauseInstanceOf(HttpTimeoutException.class);
        assertThat(logto.organizationIds()).hasSize(1);
        assertThat(client.post("/api/organizations", "{\"name\":\"Globex\"}").status()).isEqualTo(201);
    }

    @Test
    void latency_perCall_delaysEachManagementApiAnswer() {
        // given
        logto.latency(Duration.ofMillis(300));

        // when
        long started = System.nanoTime();
        int status = client.get("/api/organizations").status();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(status).isEqualTo(200);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void latency_concurrentCalls_areDelayedInParallelNotInSeries() throws Exception {
        // given
        client.get("/api/organizations");
        logto.latency(Duration.ofMillis(500));
        ExecutorService pool = Executors.newFixedThreadPool(16);

        // when
        long started = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(pool.submit(() -> client.get("/api/organizations").status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();

        // then
        assertThat(statuses).containsOnly(200);
        assertThat(elapsed).isLessThan(Duration.ofMillis(16 * 500 / 4));
    }

    @Test
    void reset_afterSeedingFaultsAndLatency_dropsThemButKeepsIssuedTokensValid() {
        // given
        String acme = logto.createOrganization("Acme", null);
        logto.createUser("alice", null, null);
        client.get("/api/organizations");
        logto.fail("GET /api/users", Fault.status(500, "internal"));
        logto.latency(Duration.ofSeconds(5));

        // when
        logto.reset();
        ManagementApiClient.Result organizations = client.get("/api/organizations");
        ManagementApiClient.Result users = client.get("/api/users");

        // then
        assertThat(organizations.status()).as("the token issued before reset still works").isEqualTo(200);
        assertThat(organizations.json()).isEmpty();
        assertThat(users.status()).isEqualTo(200);
        assertThat(logto.organizationExists(acme)).isFalse();
        assertThat(logto.userIdByUsername("alice")).isNull();
        assertThat(logto.calls()).containsOnlyKeys("GET /api/organizations", "GET /api/users");
    }

    @RepeatedTest(5)
    void reset_requestSentJustBefore_notCountedAfterIt() throws IOException {
        // given: a request whose sender goes away at once, as a call the service cancels (one branch of a failed zip)
        try (Socket socket = new Socket("127.0.0.1", logto.port())) {
            socket.getOutputStream().write("GET /api/organizations HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // when
            logto.reset();
        }
        // then: it stays so (the request, once read, would be counted within milliseconds)
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> logto.calls().isEmpty());
    }
}
