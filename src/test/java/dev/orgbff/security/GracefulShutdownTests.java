package dev.orgbff.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.orgbff.GraphQlWebSocket;
import dev.orgbff.TestOrgBffApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling deploy's shutdown (SIGTERM closes the application context): readiness turns DOWN first, then the open
 * WebSocket connections are closed with 1001 (going away), so that clients reconnect to another instance.
 */
class GracefulShutdownTests {

    @Test
    void shutdown_readinessDownThenWebSocketsClosedWith1001() throws Exception {
        // given: a running instance, ready, with an authenticated WebSocket connection
        TestOrgBffApplication.Running running = TestOrgBffApplication.startOnFreePorts();
        List<String> events = new CopyOnWriteArrayList<>();
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(running.port(), null)) {
            String managementPort = running.context().getEnvironment().getRequiredProperty("local.management.port");
            WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                    .get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            socket.initAcknowledged(running.logto().userToken(running.demo().alice()));
            running.context().addApplicationListener((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
                if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
                    events.add("readiness DOWN");
                }
            });
            socket.session().closeStatus().subscribe(status -> events.add("closed with " + status.getCode()));
            // when
            running.context().close();
            // then
            assertThat(socket.closed().getCode()).isEqualTo(1001);
        } finally {
            running.close();
        }
        // (the management server's context announces its readiness too, later)
        assertThat(events).startsWith("readiness DOWN").containsSubsequence("readiness DOWN", "closed with 1001");
    }
}
