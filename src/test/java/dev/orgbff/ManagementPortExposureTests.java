package dev.orgbff;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An operator who exposes one more actuator endpoint (here {@code env}, which holds the configuration) does not make
 * it public: on the management port only health and Prometheus are open without a token.
 */
@TestPropertySource(properties = "management.endpoints.web.exposure.include=health,prometheus,env")
class ManagementPortExposureTests extends GraphQlTestSupport {

    @LocalManagementPort
    private int managementPort;

    @Test
    void env_exposedOnTheManagementPort_refusedWithoutToken() {
        // given
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        // when / then
        management.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
