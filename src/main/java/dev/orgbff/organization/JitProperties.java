package dev.orgbff.organization;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Just-in-time provisioning rules ({@code orgbff.jit.*}).
 *
 * @param publicEmailDomains Mail domains anyone can get an address at, which would let anyone join an organization
 *     just in time. Refused as just-in-time email domains (PUBLIC_EMAIL_DOMAIN), compared lower-cased.
 */
@ConfigurationProperties("orgbff.jit")
public record JitProperties(
        @DefaultValue({"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
            "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "mail.com", "yandex.com",
            "zoho.com", "qq.com", "163.com"})
        List<String> publicEmailDomains) {
}
