package dev.orgbff.logto;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/** The Logto adapter as the service uses it: the M2M token, retries, timeouts and metrics, through HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class LogtoClientTests extends GraphQlTestSupport {

    private static final String USER_ORGANIZATIONS = "GET /api/users/{userId}/organizations";

    @Test
    void managementToken_manyRequests_fetchedOnceThenRefreshedAfterExpiry() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        clock.advance(Duration.ofHours(2)); // whatever token an earlier test left is now due for refresh
        logto.resetCalls();
        // when
        for (int i = 0; i < 5; i++) {
            as(demo.alice()).documentName("viewerOrganizations").execute().path("viewer.organizations.totalCount").hasValue();
        }
        int afterFiveRequests = logto.calls("POST /oidc/token");
        clock.advance(Duration.ofMinutes(59)); // within 60 s of the 3600 s expiry
        as(demo.alice()).documentName("viewerOrganizations").execute().path("viewer.organizations.totalCount").hasValue();
        // then
        assertThat(afterFiveRequests).isEqualTo(1);
        assertThat(logto.calls("POST /oidc/token")).isEqualTo(2);
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(6);
    }

    @Test
    void managementToken_concurrentRequestsWhileRefreshing_shareOneTokenRequest() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        clock.advance(Duration.ofHours(2));
        logto.latency(Duration.ofMillis(300)); // keeps the token request in flight while the others arrive
        logto.resetCalls();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            // when
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(callers.submit(() -> as(demo.alice()).documentName("viewerOrganizations").execute()
                        .path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1)));
            }
            for (Future<?> request : requests) {
                request.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        // then
        assertThat(logto.calls("POST /oidc/token")).isEqualTo(1);
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(8);
    }

    @Test
    void managementToken_rejectedByLogto_fetchedAgainAndRequestRetriedOnce() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.alice()).documentName("viewerOrganizations").execute().path("viewer").hasValue(); // a token is cached
        logto.failNext(USER_ORGANIZATIONS, Fault.status(401, "auth.unauthorized"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        assertThat(logto.calls("POST /oidc/token")).isEqualTo(1);
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void read_failsOnce_retriedAndAnswered(int status) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // a 429 is retried once its Retry-After has passed
        logto.failNext(USER_ORGANIZATIONS, status == 429 ? Fault.tooManyRequests(Duration.ofSeconds(1)) : Fault.status(status, "injected"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void read_logtoKeepsFailing_retriedTwiceThenUpstreamUnavailable(int status) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(USER_ORGANIZATIONS, Fault.status(status, "injected"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(errors.get(0).getMessage()).isEqualTo("Logto is unavailable; try again later");
        });
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(3);
    }

    @Test
    void read_logtoDoesNotAnswer_upstreamUnavailableAfterOneTimeout() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(USER_ORGANIZATIONS, Fault.timeout());
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        response.errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("UPSTREAM_UNAVAILABLE")));
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(1);
    }

    @Test
    void upstreamCalls_countedByMethodAndRouteTemplate() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        double organizationsBefore = count("GET", "/api/users/{userId}/organizations", "200");
        double templateBefore = count("GET", "/api/organization-roles", "200");
        double failedBefore = count("GET", "/api/users/{userId}/organizations", "503");
        logto.failNext(USER_ORGANIZATIONS, Fault.status(503, "unavailable"));
        // when
        as(demo.alice()).documentName("viewerOrganizations").execute().path("viewer.organizations.totalCount").hasValue();
        // then
        assertThat(count("GET", "/api/users/{userId}/organizations", "503")).isEqualTo(failedBefore + 1);
        assertThat(count("GET", "/api/users/{userId}/organizations", "200")).isEqualTo(organizationsBefore + 1);
        assertThat(count("GET", "/api/organization-roles", "200")).isEqualTo(templateBefore + 1);
    }

    @Test
    void logs_evenAtDebugLevel_neverContainSecretsOrTokens(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String userToken = logto.userToken(demo.alice());
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("dev.orgbff", LogLevel.DEBUG);
        try {
            clock.advance(Duration.ofHours(2)); // forces a token request
            logto.failNext(USER_ORGANIZATIONS, Fault.status(401, "auth.unauthorized"));
            logto.failNext("POST /api/organizations/{id}/users", Fault.status(500, "unexpected"));
            // when
            withToken(userToken).documentName("viewerOrganizations").execute().path("viewer").hasValue();
            withToken(userToken).documentName("createOrganization")
                    .variable("input", Map.of("name", "Initech")).execute().path("createOrganization").hasValue();
        } finally {
            logging.setLogLevel("dev.orgbff", null);
        }
        // then
        assertThat(output.getAll())
                .contains("Fetched a Management API token")
                .doesNotContain(logto.m2mAppSecret())
                .doesNotContain(userToken)
                .doesNotContain("eyJ");
    }

    private double count(String method, String route, String outcome) {
        Counter counter = meters.find("logto.upstream.calls").tag("method", method).tag("route", route).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
