package dev.orgbff.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.EventStream;

/**
 * {@code POST /webhooks/logto}: a Logto webhook delivery in, its {@link ChangeEvent}s out on the {@link EventStream}.
 * In this order, each refusal with a short JSON body {@code {"error": "…"}}, one log line (no stack trace, nothing of
 * the body or the keys) and no event:
 * <ol>
 * <li>exactly one {@code logto-signature-sha-256} header, else HTTP 401, before the body is read;
 * <li>the body, read up to {@code orgbff.graphql.max-request-size} (64 KB; Logto's are under 2 KB), chunked or not:
 *     over it, HTTP 413 from {@code RequestSizeLimit} while reading, nothing more held;
 * <li>the signature, the HMAC-SHA256 of the raw body under one of the signing keys ({@link WebhookSignature}), else
 *     HTTP 401, before anything parses the body;
 * <li>the body as a delivery ({@link LogtoDelivery}): not JSON, no event, or an event the service uses without the
 *     ids it needs, HTTP 400.
 * </ol>
 * Then HTTP 204 at once, its events published on another thread (Logto waits 10 s at most); a delivery of an event the
 * service does not use gets 204 too, and nothing is published. A delivery posted again (Logto retries) has the same
 * event ids, which {@link EventStream#publish} drops.
 */
final class LogtoWebhookEndpoint {

    /** Where Logto delivers: the hook's URL is {@code <this service's public URL>/webhooks/logto}. */
    static final String PATH = "/webhooks/logto";

    private static final Logger log = LoggerFactory.getLogger(LogtoWebhookEndpoint.class);

    private final WebhookSignature signature;
    private final JsonMapper json;
    private final EventStream events;
    private final Scheduler publisher;

    /** @param publisher where events are published once the delivery is answered */
    LogtoWebhookEndpoint(WebhookSignature signature, JsonMapper json, EventStream events, Scheduler publisher) {
        this.signature = signature;
        this.json = json;
        this.events = events;
        this.publisher = publisher;
    }

    /** Answers a delivery: 204, or 400, 401 or 413 with {@code {"error": "…"}}. */
    Mono<ServerResponse> deliver(ServerRequest request) {
        List<String> signatures = request.headers().header(WebhookSignature.HEADER);
        if (signatures.size() != 1) {
            return refused(request, HttpStatus.UNAUTHORIZED, signatures.isEmpty()
                    ? "The delivery has no logto-signature-sha-256 header"
                    : "The delivery has more than one logto-signature-sha-256 header");
        }
        // a body over orgbff.graphql.max-request-size fails here, and RequestSizeLimit answers it
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            if (!signature.verifies(body, signatures.get(0))) {
                return refused(request, HttpStatus.UNAUTHORIZED, "The delivery's logto-signature-sha-256 is not its signature by any signing key");
            }
            LogtoDelivery delivery;
            List<ChangeEvent> announced;
            try {
                JsonNode parsed = json.readTree(body);
                if (parsed == null || !parsed.isObject()) {
                    return refused(request, HttpStatus.BAD_REQUEST, "The delivery is not a JSON object");
                }
                delivery = new LogtoDelivery("logto:" + sha256(body), parsed);
                announced = delivery.events();
            } catch (JacksonException notJson) {
                return refused(request, HttpStatus.BAD_REQUEST, "The delivery is not JSON");
            } catch (MalformedDeliveryException malformed) {
                return refused(request, HttpStatus.BAD_REQUEST, malformed.getMessage());
            }
            log.debug("Webhook {}: {} events", delivery.knownEvent(), announced.size());
            return ServerResponse.noContent().build().doOnSuccess(answer -> {
                if (!announced.isEmpty()) {
                    publisher.schedule(() -> announced.forEach(events::publish));
                }
            });
        });
    }

    private static Mono<ServerResponse> refused(ServerRequest request, HttpStatus status, String problem) {
        log.info("{} for {} {}: {}", status.value(), request.method(), request.path(), problem);
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("error", problem));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException unexpected) {
            throw new IllegalStateException("Every Java runtime has SHA-256", unexpected);
        }
    }
}
