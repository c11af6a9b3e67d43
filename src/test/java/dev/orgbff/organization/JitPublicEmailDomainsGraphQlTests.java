package dev.orgbff.organization;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static dev.orgbff.organization.JitGraphQlTests.input;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped list of public email domains changed by the settings: one domain added, two of the list allowed, spelt loosely. */
@TestPropertySource(properties = {"orgbff.jit.public-email-domains=Public.Example.TEST.",
    "orgbff.jit.allowed-public-email-domains=GMX.net.,mail.com"})
class JitPublicEmailDomainsGraphQlTests extends GraphQlTestSupport {

    @Test
    void updateJitSettings_allowedListedDomainsAndACompanyDomain_stored() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("gmx.net", "Mail.com", "acme.test"), null))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("gmx.net", "mail.com", "acme.test");
    }

    @Test
    void updateJitSettings_addedDomainAndListedOnes_publicEmailDomainEachWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("public.example.test", "gmail.com", "gmx.de"), null))
                .execute();
        // then
        assertThat(response.path("updateJitSettings.userErrors").entityList(Map.class).get())
                .extracting(error -> error.get("code") + " " + error.get("field"))
                .containsExactly("PUBLIC_EMAIL_DOMAIN [input, emailDomains, 0]", "PUBLIC_EMAIL_DOMAIN [input, emailDomains, 1]",
                        "PUBLIC_EMAIL_DOMAIN [input, emailDomains, 2]");
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.jitEmailDomains(demo.acme())).isEmpty();
    }
}
