package dev.orgbff.webhook;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orgbff.webhooks.*}: Logto's webhooks.
 *
 * @param signingKeys The signing keys of the Logto webhooks that may deliver to POST /webhooks/logto
 *        (comma-separated): a delivery must be signed with one of them. Two during a key rotation. None: the endpoint
 *        does not exist and the event-fed caches are off.
 */
@ConfigurationProperties("orgbff.webhooks")
public record WebhookProperties(@DefaultValue List<String> signingKeys) {

    public WebhookProperties {
        signingKeys = signingKeys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
    }

    /** Whether webhooks are configured: at least one signing key. */
    public boolean enabled() {
        return !signingKeys.isEmpty();
    }
}
