package dev.orgbff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded run ({@link TestOrgBffApplication}) is live out of the box: the service's webhook is registered in the
 * emulator, signed with the key the service was given, and the demo M2M app's fixed credentials (those the banner's
 * second-instance command carries) hold the Management API.
 */
class EmbeddedRunWebhookTests {

    private static TestOrgBffApplication.Running embedded;

    @BeforeAll
    static void startTheEmbeddedRun() {
        embedded = TestOrgBffApplication.start("--server.port=0", "--management.server.port=0", "--orgbff.emulator.port=0");
    }

    @AfterAll
    static void stopTheEmbeddedRun() {
        embedded.close();
    }

    @Test
    void aManagementApiWrite_withTheDemoM2mApp_isDeliveredToTheServiceSignedWithItsKey() throws Exception {
        // given: a Management API token for the demo app's fixed credentials, as a second instance would get one
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(embedded.logto().endpoint() + "/oidc/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all&resource=https://default.logto.app/api"
                        + "&client_id=" + DemoTenant.M2M_APP_ID + "&client_secret=" + DemoTenant.M2M_APP_SECRET))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();

        // when: Acme changed through Logto's API, not through the service
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(
                        URI.create(embedded.logto().endpoint() + "/api/organizations/" + embedded.demo().acme()))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"Changed in the Console\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        embedded.logto().awaitDeliveries();

        // then
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(embedded.logto().deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.url()).isEqualTo("http://localhost:" + embedded.port() + "/webhooks/logto");
            assertThat(delivery.event()).isEqualTo("Organization.Data.Updated");
            assertThat(delivery.signedWith(DemoTenant.WEBHOOK_SIGNING_KEY)).isTrue();
        });
        assertThat(embedded.context().getEnvironment().getProperty("orgbff.webhooks.signing-keys")).isEqualTo(DemoTenant.WEBHOOK_SIGNING_KEY);
    }

    @Test
    void banner_printsTheSecondInstanceCommand_withTheDemoCredentialsAndOtherPorts() {
        // when
        String banner = embedded.banner();

        // then
        assertThat(banner).contains("http://localhost:" + embedded.port() + "/webhooks/logto")
                .contains("LOGTO_ENDPOINT=" + embedded.logto().endpoint() + " ")
                .contains("LOGTO_M2M_APP_ID=" + DemoTenant.M2M_APP_ID + " LOGTO_M2M_APP_SECRET=" + DemoTenant.M2M_APP_SECRET)
                .contains("ORGBFF_WEBHOOKS_SIGNING_KEYS=" + DemoTenant.WEBHOOK_SIGNING_KEY)
                .contains("SERVER_PORT=" + (embedded.port() + 10) + " ")
                .contains("mvn spring-boot:run");
    }
}
