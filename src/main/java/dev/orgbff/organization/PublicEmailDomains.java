package dev.orgbff.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The mail domains anyone can get an address at, which would let anyone join an organization just in time:
 * the list of the npm package free-email-domains ({@value #LIST}, about 14,000 free and disposable mail
 * domains; its source, version and licence in {@code jit/free-email-domains.NOTICE.md}), plus
 * {@code orgbff.jit.public-email-domains}, minus {@code orgbff.jit.allowed-public-email-domains}. Read once at
 * start-up. A domain matches exactly, as Logto's JIT matches the domain of an address: a subdomain of a listed
 * domain is another mail domain, which its provider does not hand out to the public (and which may be a
 * customer's own, e.g. at a dynamic-DNS provider on the list).
 */
@Component
class PublicEmailDomains {

    /** The package's {@code domains.json} as published: a JSON array of lower-case ASCII domains. */
    static final String LIST = "jit/free-email-domains.json";

    private final Set<String> domains;

    /**
     * Reads the list and applies the settings, their domains normalised like the input of {@code updateJitSettings}.
     *
     * @throws IllegalStateException when a configured domain is not a host name, naming the property
     */
    PublicEmailDomains(JitProperties properties) {
        Set<String> domains = new HashSet<>();
        for (String listed : read()) {
            String domain = JitService.hostName(listed);
            if (domain != null) { // anything else is no JIT domain anyway (INVALID_DOMAIN)
                domains.add(domain);
            }
        }
        domains.addAll(configured("orgbff.jit.public-email-domains", properties.publicEmailDomains()));
        domains.removeAll(configured("orgbff.jit.allowed-public-email-domains", properties.allowedPublicEmailDomains()));
        this.domains = Set.copyOf(domains);
    }

    /** Whether {@code domain}, a host name as {@link JitService} normalises it, is a public email domain. */
    boolean contains(String domain) {
        return domains.contains(domain);
    }

    private static String[] read() {
        try (InputStream list = new ClassPathResource(LIST).getInputStream()) {
            return JsonMapper.shared().readValue(list, String[].class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LIST, e);
        }
    }

    private static Set<String> configured(String property, List<String> values) {
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String domain = JitService.hostName(values.get(i));
            if (domain == null) {
                throw new IllegalStateException(property + "[" + i + "] must be a domain such as example.com, not '" + values.get(i) + "'");
            }
            domains.add(domain);
        }
        return domains;
    }
}
