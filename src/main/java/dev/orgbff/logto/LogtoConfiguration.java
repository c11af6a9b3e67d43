package dev.orgbff.logto;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the Logto adapter: two WebClients from Boot's shared {@link WebClient.Builder} (one for the token
 * endpoint with HTTP Basic client authentication, one for the Management API with the M2M token), both
 * counted by {@link UpstreamCallMetrics}, and the typed Management API clients by Logto resource:
 * {@link OrganizationsApi}, {@link UsersApi}, {@link InvitationsApi}, {@link TemplateApi}.
 */
@Configuration(proxyBeanMethods = false)
class LogtoConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Boot's WebClient observations use it: Logto calls are named and traced by route template, never by full URL. */
    @Bean
    LogtoObservationConvention logtoObservationConvention() {
        return new LogtoObservationConvention();
    }

    @Bean
    UpstreamCallMetrics upstreamCallMetrics(MeterRegistry registry) {
        return new UpstreamCallMetrics(registry);
    }

    @Bean
    ManagementTokenProvider managementTokenProvider(WebClient.Builder builder, LogtoProperties logto,
            UpstreamCallMetrics metrics, Clock clock) {
        WebClient tokenEndpoint = builder.clone()
                .baseUrl(logto.baseUrl())
                .defaultHeaders(headers -> headers.setBasicAuth(logto.management().appId(), logto.management().appSecret()))
                .filter(metrics)
                .build();
        return new ManagementTokenProvider(new LogtoHttp(tokenEndpoint, logto.attemptTimeout(), logto.timeout()), logto.management(), clock);
    }

    @Bean
    LogtoHttp managementApi(WebClient.Builder builder, LogtoProperties logto, UpstreamCallMetrics metrics,
            ManagementTokenProvider tokens) {
        // the token filter comes first so that its one retry after a 401 is counted by the metrics filter too
        WebClient managementApi = builder.clone().baseUrl(logto.baseUrl()).filter(tokens).filter(metrics).build();
        return new LogtoHttp(managementApi, logto.attemptTimeout(), logto.timeout());
    }

    @Bean
    OrganizationsApi organizationsApi(LogtoHttp managementApi) {
        return new OrganizationsApi(managementApi);
    }

    @Bean
    UsersApi usersApi(LogtoHttp managementApi) {
        return new UsersApi(managementApi);
    }

    @Bean
    InvitationsApi invitationsApi(LogtoHttp managementApi) {
        return new InvitationsApi(managementApi);
    }

    @Bean
    TemplateApi templateApi(LogtoHttp managementApi) {
        return new TemplateApi(managementApi);
    }
}
