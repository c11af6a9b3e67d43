package dev.orgbff.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook deliveries recorded from a real Logto 1.42 ({@code src/test/resources/logto/transcripts/webhooks-logto-1.42.json};
 * the folder's README says how), with the hook's signing key, which signed them.
 *
 * @param signingKey the recorded hook's signing key (a throwaway instance's)
 * @param hookId the recorded hook's id
 * @param deliveries every delivery, in the order Logto sent them
 */
public record WebhookRecording(String signingKey, String hookId, List<Delivery> deliveries) {

    /** Where the recording is on the test classpath. */
    public static final String RESOURCE = "/logto/transcripts/webhooks-logto-1.42.json";

    /**
     * One delivery, as it arrived.
     *
     * @param headers its HTTP headers, names in lower case
     * @param body its raw body, byte for byte (JSON)
     */
    public record Delivery(Map<String, String> headers, String body) {

        /** Its {@code logto-signature-sha-256} header. */
        public String signature() {
            return headers.get(WebhookSignature.HEADER);
        }
    }

    /** Reads the recording from the test classpath. */
    public static WebhookRecording load() {
        try (InputStream in = WebhookRecording.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(in, WebhookRecording.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
