package dev.orgbff.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code orgbff.webhooks.signing-keys} (the default) there is no webhook endpoint: a delivery gets 404. */
class LogtoWebhookDisabledTests extends GraphQlTestSupport {

    @Autowired
    private ApplicationContext context;

    @Test
    void delivery_noSigningKeyConfigured_404AsForAPathNothingServes() {
        // given: a delivery Logto really sent, with its signature
        WebhookRecording.Delivery delivery = WebhookRecording.load().deliveries().get(0);
        DemoTenant demo = DemoTenant.seed(logto);
        // when / then: with or without a user token
        webTestClient.post().uri("/webhooks/logto").header(WebhookSignature.HEADER, delivery.signature())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isNotFound();
        webTestClient.post().uri("/webhooks/logto").header(WebhookSignature.HEADER, delivery.signature())
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isNotFound();
        assertThat(context.getBeansOfType(WebhookConfiguration.class)).isEmpty();
    }
}
