package dev.orgbff.logto;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logto that hangs: reads retried within the deadline, writes sent once, the health check answering in its
 * own short time. Short timeouts keep the class fast. The defects are about waiting, so some tests bound the
 * time taken, each with a margin of seconds (the build machine is shared).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logto.timeout=2s", "logto.attempt-timeout=800ms", "logto.health-timeout=500ms"})
class LogtoTimeoutTests extends GraphQlTestSupport {

    private static final String USER_ORGANIZATIONS = "GET /api/users/{userId}/organizations";
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @Test
    void read_firstAttemptHangs_answeredByTheRetryInsteadOfFailing() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext(USER_ORGANIZATIONS, Fault.timeout());
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(2);
    }

    @Test
    void read_hangsOnEveryAttempt_retriedThenUpstreamUnavailableAtTheDeadline(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(USER_ORGANIZATIONS, Fault.timeout());
        logto.resetCalls();
        long start = System.nanoTime();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        assertError(response, "UPSTREAM_UNAVAILABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE);
        // three attempts of 800 ms with their backoff outlast the deadline, which ends the read
        assertThat(output.getAll()).contains(USER_ORGANIZATIONS + " unavailable: no answer within 2000 ms");
        assertThat(logto.calls(USER_ORGANIZATIONS)).isBetween(2, 3);
    }

    @Test
    void write_hangs_sentOnceAndGivenTheWholeDeadline() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail("POST /api/organizations", Fault.timeout());
        logto.resetCalls();
        long start = System.nanoTime();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
        // then
        assertError(response, "UPSTREAM_UNAVAILABLE");
        // Logto may still create it: a second POST could create a second organization
        assertThat(logto.calls("POST /api/organizations")).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE);
    }

    @Test
    void health_logtoHangs_downWithinHealthTimeoutNotAfterTheDeadline() {
        // given
        webTestClient.get().uri("/actuator/health").exchange().expectStatus().isOk(); // M2M token cached, endpoint warm
        logto.fail("GET /api/status", Fault.timeout());
        logto.resetCalls();
        long start = System.nanoTime();
        // when
        var response = webTestClient.get().uri("/actuator/health").exchange();
        // then
        response.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectBody().jsonPath("$.status").isEqualTo("DOWN");
        // 500 ms health timeout: the 2 s deadline or more means the check waited like a read
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE);
        assertThat(logto.calls("GET /api/status")).isLessThanOrEqualTo(1);
    }

    @Test
    void health_logtoUnavailable_downWithoutRetry() {
        // given
        webTestClient.get().uri("/actuator/health").exchange().expectStatus().isOk(); // M2M token cached, endpoint warm
        logto.fail("GET /api/status", Fault.status(503, "unavailable"));
        logto.resetCalls();
        // when
        var response = webTestClient.get().uri("/actuator/health").exchange();
        // then
        response.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectBody().jsonPath("$.status").isEqualTo("DOWN");
        assertThat(logto.calls("GET /api/status")).isEqualTo(1);
    }
}
