package dev.orgbff.webhook;

import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.orgbff.events.EventStream;

/**
 * The route {@code POST /webhooks/logto} ({@link LogtoWebhookEndpoint}), only when {@code orgbff.webhooks.signing-keys}
 * holds a key: without one there is no such route (HTTP 404, as for any path nothing serves). The path needs no user
 * token ({@code SecurityConfiguration}); the management port refuses it like every application route.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WebhookConfiguration.SigningKeysConfigured.class)
class WebhookConfiguration {

    @Bean
    RouterFunction<ServerResponse> logtoWebhookRoute(WebhookProperties webhooks, JsonMapper json, EventStream events) {
        // events are published off the request, once it is answered: a delivery's answer never waits for the caches
        // or subscribers they reach
        LogtoWebhookEndpoint endpoint = new LogtoWebhookEndpoint(new WebhookSignature(webhooks.signingKeys()), json, events,
                Schedulers.boundedElastic());
        return RouterFunctions.route().POST(LogtoWebhookEndpoint.PATH, endpoint::deliver).build();
    }

    /** Whether {@code orgbff.webhooks.signing-keys} holds a key ({@link WebhookProperties#enabled()}). */
    static final class SigningKeysConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("orgbff.webhooks", WebhookProperties.class)
                    .map(WebhookProperties::enabled).orElse(false);
        }
    }
}
