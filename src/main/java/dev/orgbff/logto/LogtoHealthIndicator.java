package dev.orgbff.logto;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code logto} health contributor: UP when Logto answers {@code GET /api/status}, sent like every
 * Management API call with this service's M2M token. So it is DOWN when Logto cannot be reached or, while
 * no token is cached, refuses the M2M credentials; a token lacking the {@code all} scope shows only in
 * Management API calls. The check is sent once and is DOWN after {@code logto.health-timeout} (default 2 s):
 * a probe must get its answer before it gives up itself, and retrying would only hide a flapping Logto.
 * {@code management.endpoint.health.cache.time-to-live} keeps probes from reaching Logto on every request;
 * details (never upstream bodies or credentials) are hidden by Boot's default.
 */
@Component("logto")
class LogtoHealthIndicator extends AbstractReactiveHealthIndicator {

    private final LogtoHttp managementApi;
    private final Duration timeout;

    LogtoHealthIndicator(LogtoHttp managementApi, LogtoProperties logto) {
        super("Logto health check failed");
        this.managementApi = managementApi;
        this.timeout = logto.healthTimeout();
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return managementApi.probe("/api/status", timeout)
                .thenReturn(builder.up().build())
                .onErrorResume(error -> Mono.just(builder.down().withDetail("reason", error.getClass().getSimpleName()).build()));
    }
}
