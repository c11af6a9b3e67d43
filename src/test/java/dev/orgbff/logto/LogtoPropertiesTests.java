package dev.orgbff.logto;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LogtoPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class);

    @Test
    void startup_allRequiredProperties_bindsWithDefaults() {
        // when / then
        runner.withPropertyValues("logto.endpoint=https://abc123.logto.app/", "logto.api-resource=https://api.example.com",
                        "logto.management.app-id=m2m", "logto.management.app-secret=s3cr3t-value")
                .run(context -> {
                    LogtoProperties logto = context.getBean(LogtoProperties.class);
                    assertThat(logto.issuer()).isEqualTo("https://abc123.logto.app/oidc");
                    assertThat(logto.jwksUri()).isEqualTo("https://abc123.logto.app/oidc/jwks");
                    assertThat(logto.management().resource()).isEqualTo("https://default.logto.app/api");
                    assertThat(logto.timeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(logto.attemptTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(logto.healthTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(logto.toString()).doesNotContain("s3cr3t-value");
                });
    }

    @Test
    void startup_missingProperties_failsNamingEachOne() {
        // when / then
        runner.withPropertyValues("logto.endpoint=https://abc123.logto.app")
                .run(context -> assertThat(context).getFailure().rootCause().message()
                        .contains("apiResource", "appId", "appSecret")
                        .doesNotContain("endpoint"));
    }

    @Test
    void startup_malformedEndpoint_failsNamingIt() {
        // when / then
        runner.withPropertyValues("logto.endpoint=abc123.logto.app", "logto.api-resource=https://api.example.com",
                        "logto.management.app-id=m2m", "logto.management.app-secret=secret")
                .run(context -> assertThat(context).getFailure().rootCause().message()
                        .contains("endpoint", "must be an http(s) URL"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LogtoProperties.class)
    static class Properties {
    }
}
