package dev.orgbff;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator lives on the management port ({@code management.server.port}; random here, like the GraphQL port):
 * Prometheus scrapes it without a user token, and it serves nothing but the actuator (the application's routes,
 * which Spring makes visible to it, are refused). The GraphQL port answers only
 * the health, without details, where load balancers probe it.
 */
class ManagementPortTests extends GraphQlTestSupport {

    private static final String VIEWER = "{\"query\":\"{ viewer { user { name } } }\"}";

    @LocalManagementPort
    private int managementPort;

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
    }

    @Test
    void prometheus_afterAQuery_exposesGraphQlAndUpstreamCallMetricsWithoutToken() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.alice()).documentName("viewerOrganizations").execute().path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        // when
        String scrape = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // then
        assertThat(scrape).contains("graphql_request_seconds_count{",
                "logto_upstream_calls_total{method=\"GET\",outcome=\"200\",route=\"/api/users/{userId}/organizations\"}",
                "logto_upstream_calls_total{method=\"GET\",outcome=\"200\",route=\"/api/organization-roles\"}",
                "http_client_requests_seconds_count{", "uri=\"/api/users/{userId}/organizations\"");
        assertThat(scrape).as("the user's id stays out of the metrics").doesNotContain(demo.alice());
    }

    @Test
    void prometheus_onTheGraphQlPort_notServed() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when / then
        webTestClient.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        webTestClient.get().uri("/actuator/prometheus").headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void health_onTheGraphQlPort_answersStatusOnlyWithoutToken() {
        // when / then
        for (String path : new String[] {"/actuator/health", "/healthz"}) {
            webTestClient.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().json("{\"status\":\"UP\"}", true);
        }
    }

    @Test
    void health_onTheManagementPort_answersWithoutToken() {
        // when / then
        management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void graphQl_onTheManagementPort_refusedWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when / then
        management().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(VIEWER)
                .exchange().expectStatus().isUnauthorized();
        management().post().uri("/graphql").headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VIEWER)
                .exchange().expectStatus().isForbidden();
        assertThat(logto.apiCalls()).isZero();
    }
}
