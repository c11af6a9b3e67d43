package dev.orgbff.organization;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PublicEmailDomainsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class)
            .withBean(PublicEmailDomains.class);

    @Test
    void startup_configuredDomainThatIsNoHostName_failsNamingTheProperty() {
        // when / then
        runner.withPropertyValues("orgbff.jit.allowed-public-email-domains=gmx.net,https://mail.com/")
                .run(context -> assertThat(context).getFailure().rootCause().message()
                        .contains("orgbff.jit.allowed-public-email-domains[1]", "https://mail.com/"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JitProperties.class)
    static class Properties {
    }
}
