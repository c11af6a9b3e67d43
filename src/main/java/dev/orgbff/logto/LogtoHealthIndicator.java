package dev.orgbff.logto;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code logto} health contributor: UP when Logto answers {@code GET /api/status} with this service's
 * M2M token, so it also catches revoked or wrong M2M credentials. Details are shown only to authorized
 * callers (Boot's default), and never contain upstream bodies or credentials.
 */
@Component("logto")
class LogtoHealthIndicator extends AbstractReactiveHealthIndicator {

    private final LogtoClient logto;

    LogtoHealthIndicator(LogtoClient logto) {
        super("Logto health check failed");
        this.logto = logto;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return logto.status().thenReturn(builder.up().build())
                .onErrorResume(error -> Mono.just(builder.down().withDetail("reason", error.getClass().getSimpleName()).build()));
    }
}
