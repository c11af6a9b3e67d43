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
 * @param endpoint Base URL of the Logto tenant, such as https://abc123.logto.app or http://localhost:3001. The
 *     token issuer is this URL followed by /oidc, its signing keys are at /oidc/jwks. Required.
 * @param apiResource API resource indicator of this service in Logto, such as https://api.example.com: the
 *     audience a user access token must carry. Required.
 * @param management Machine-to-machine app used for the Management API.
 * @param timeout Deadline of one Logto call, retries included, after which it counts as unavailable. Also the
 *     limit of the single attempt of a POST or PATCH, which are never retried.
 * @param attemptTimeout Longest wait for one attempt of a read (GET) before it is abandoned and sent again within
 *     logto.timeout. A value at or above logto.timeout leaves one attempt.
 * @param healthTimeout Longest wait for the health check's GET /api/status, which is sent once, so that a hung
 *     Logto shows as DOWN before a probe gives up.
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
     * @param appId Id (OAuth client id) of the machine-to-machine app holding the "Logto Management API access"
     *     role. Required.
     * @param appSecret Secret of the machine-to-machine app. Never logged. Required.
     * @param resource Management API resource indicator: https://default.logto.app/api on Logto OSS,
     *     https://[tenant-id].logto.app/api on Logto Cloud.
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
