package dev.orgbff.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a Logto user access token meant for this service: its {@code aud} holds this BFF's API resource
 * indicator, or an organization URN {@code urn:logto:organization:<id>} (an organization token); and it
 * belongs to a user, not to a machine ({@code sub} differs from {@code client_id}).
 */
final class LogtoAudienceValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error WRONG_AUDIENCE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token is not meant for this API", null);
    private static final OAuth2Error NOT_A_USER = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token does not belong to a user", null);

    private final String apiResource;

    LogtoAudienceValidator(String apiResource) {
        this.apiResource = apiResource;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> audience = token.getAudience() == null ? List.of() : token.getAudience();
        boolean forThisApi = audience.stream()
                .anyMatch(aud -> aud.equals(apiResource) || aud.startsWith(Viewer.ORGANIZATION_AUDIENCE_PREFIX));
        if (!forThisApi) {
            return OAuth2TokenValidatorResult.failure(WRONG_AUDIENCE);
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank() || subject.equals(token.getClaimAsString("client_id"))) {
            return OAuth2TokenValidatorResult.failure(NOT_A_USER); // client_credentials tokens have sub = client_id
        }
        return OAuth2TokenValidatorResult.success();
    }
}
