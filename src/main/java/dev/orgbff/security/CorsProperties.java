package dev.orgbff.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which browser apps on other origins may call the GraphQL endpoint ({@code orgbff.cors.*}): CORS for GET and POST
 * with the headers {@code Authorization} and {@code Content-Type}, no cookies. Preflight requests ({@code OPTIONS},
 * which carry no token) are answered before authentication. Neither GraphiQL (served from the service's own origin)
 * nor the actuator endpoints get CORS headers.
 *
 * @param allowedOrigins Origins of the browser apps allowed to call the GraphQL endpoint, each scheme://host[:port] as a
 *     browser sends it in Origin, such as https://app.example.com. Empty by default: no CORS headers, so browsers
 *     refuse cross-origin calls.
 * @param maxAge How long a browser may reuse a preflight answer (browsers cap it: Chrome at 2 hours).
 */
@Validated
@ConfigurationProperties("orgbff.cors")
record CorsProperties(
        @NotNull @DefaultValue List<String> allowedOrigins,
        @NotNull @DefaultValue("1h") Duration maxAge) {

    /** Whether any origin is allowed, and so whether CORS is answered at all. */
    boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    /** The CORS rules of the GraphQL endpoint at {@code graphQlPath}, and of no other path. */
    CorsConfigurationSource source(String graphQlPath) {
        CorsConfiguration graphQl = new CorsConfiguration();
        graphQl.setAllowedOrigins(allowedOrigins);
        graphQl.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
        graphQl.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        graphQl.setAllowCredentials(false); // the token travels in Authorization; no cookie is ever read
        graphQl.setMaxAge(maxAge);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(graphQlPath, graphQl);
        return source;
    }
}
