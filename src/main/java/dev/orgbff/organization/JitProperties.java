package dev.orgbff.organization;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Just-in-time provisioning rules ({@code orgbff.jit.*}). The public email domains refused as JIT domains are the
 * shipped list ({@link PublicEmailDomains}) changed by these two settings.
 *
 * @param publicEmailDomains More mail domains anyone can get an address at, refused as just-in-time email domains
 *     (PUBLIC_EMAIL_DOMAIN) besides the shipped list.
 * @param allowedPublicEmailDomains Domains of the shipped list accepted as just-in-time email domains all the same,
 *     such as a mail provider's own organization.
 */
@ConfigurationProperties("orgbff.jit")
public record JitProperties(
        @DefaultValue List<String> publicEmailDomains,
        @DefaultValue List<String> allowedPublicEmailDomains) {
}
