package dev.orgbff;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An operator who exposes one more actuator endpoint (here {@code env}, which holds the configuration) does not make
 * it public: on the management port only health and the metrics (Prometheus, metrics) are open without a token, and
 * a user's token opens nothing more.
 */
@TestPropertySource(properties = "management.endpoints.web.exposure.include=health,prometheus,metrics,env")
class ManagementPortExposureTests extends GraphQlTestSupport {

    @LocalManagementPort
    private int managementPort;

    @Test
    void env_exposedOnTheManagementPort_refusedWithOrWithoutAUserTokenWhileTheMetricsAreOpen() {
        // given
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        // when / then
        management.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/env").headers(headers -> headers.setBearerAuth(logto.userToken(DemoTenant.seed(logto).alice())))
                .exchange().expectStatus().isForbidden();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        management.get().uri("/actuator/metrics").exchange().expectStatus().isOk(); // the benchmark reads it
    }
}
