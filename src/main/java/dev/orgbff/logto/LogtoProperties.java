package dev.orgbff.logto;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Logto tenant is and how this service authenticates to it ({@code logto.*}). Validated at
 * startup: a missing or malformed value stops the application with a message naming the property.
 *
 * @param endpoint the tenant's base URL, e.g. {@code https://abc123.logto.app} or {@code http://localhost:3001}
 * @param apiResource this BFF's API resource indicator in Logto: the audience a user access token must carry
 * @param management the machine-to-machine app used for the Management API
 * @param timeout the deadline of one Logto call, retries included, before it counts as unavailable (default 10 s);
 *     also the single attempt's limit for POST and PATCH, which are never retried
 * @param attemptTimeout the longest wait for one attempt of a read (GET) before it is abandoned and sent again
 *     within {@code timeout} (default 3 s); a value at or above {@code timeout} leaves one attempt
 * @param healthTimeout the longest wait for the health check's {@code GET /api/status}, which is never retried
 *     (default 2 s), so that a hung Logto shows as DOWN well before a probe gives up
 */
@Validated
@ConfigurationProperties("logto")
public record LogtoProperties(
        @NotNull
        @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
                message = "must be an http(s) URL such as https://abc123.logto.app")
        String endpoint,
        @NotBlank String apiResource,
        @Valid @DefaultValue Management management,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("3s") Duration attemptTimeout,
        @NotNull @DefaultValue("2s") Duration healthTimeout) {

    /**
     * The M2M app that holds the "Logto Management API access" role ({@code logto.management.*}).
     *
     * @param appId the app id (the OAuth client id)
     * @param appSecret the app secret; never logged
     * @param resource the Management API indicator: {@code https://default.logto.app/api} on OSS,
     *     {@code https://<tenant-id>.logto.app/api} on Logto Cloud
     */
    public record Management(
            @NotBlank String appId,
            @NotBlank String appSecret,
            @NotBlank @DefaultValue("https://default.logto.app/api") String resource) {

        @Override
        public String toString() {
            return "Management[appId=" + appId + ", appSecret=<hidden>, resource=" + resource + "]";
        }
    }

    /** The endpoint without a trailing slash, the base of every Logto URL. */
    public String baseUrl() {
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /** The OIDC issuer every Logto token carries in {@code iss}: {@code <endpoint>/oidc}. */
    public String issuer() {
        return baseUrl() + "/oidc";
    }

    /** Where Logto publishes its signing keys: {@code <endpoint>/oidc/jwks}. */
    public String jwksUri() {
        return issuer() + "/jwks";
    }
}
