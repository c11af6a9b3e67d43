package dev.orgbff.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one access token for tests of token validation, starting from what
 * {@link LogtoEmulator#userToken(String)} would mint: ES384 with the published key, header
 * {@code typ: at+jwt} + {@code kid}, and claims {@code iss}, {@code aud}, {@code sub}, {@code client_id},
 * {@code scope: ""}, {@code jti}, {@code iat} = now, {@code exp} = now + 3600 s. Every setter returns
 * this builder; {@link #sign()} produces the compact JWT. Not thread-safe; build one token per builder.
 */
public final class TokenBuilder {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final TokenIssuer issuer;
    private final String subject;
    private List<String> audience;
    private String issuerClaim;
    private @Nullable String clientId;
    private @Nullable String scope = "";
    private Instant issuedAt;
    private Instant expiresAt;
    private @Nullable Instant notBefore;
    private final Map<String, @Nullable Object> extraClaims = new LinkedHashMap<>();
    private @Nullable String type = "at+jwt";
    private TokenIssuer.SigningKey key = TokenIssuer.SigningKey.PUBLISHED_EC;

    TokenBuilder(TokenIssuer issuer, String subject, String audience, @Nullable String clientId) {
        this.issuer = issuer;
        this.subject = subject;
        this.audience = List.of(audience);
        this.issuerClaim = issuer.issuer();
        this.clientId = clientId;
        this.issuedAt = Instant.now();
        this.expiresAt = issuedAt.plus(Duration.ofHours(1));
    }

    /** Sets {@code aud}: one value is written as a string, several as an array. */
    public TokenBuilder audience(String... audiences) {
        this.audience = List.of(audiences);
        return this;
    }

    /** Sets {@code iss} (default: {@link LogtoEmulator#issuer()}). */
    public TokenBuilder issuer(String iss) {
        this.issuerClaim = iss;
        return this;
    }

    /** Sets {@code iat}, written in epoch seconds. */
    public TokenBuilder issuedAt(Instant iat) {
        this.issuedAt = iat;
        return this;
    }

    /** Sets {@code exp}, written in epoch seconds. */
    public TokenBuilder expiresAt(Instant exp) {
        this.expiresAt = exp;
        return this;
    }

    /** Adds {@code nbf}, written in epoch seconds (absent by default, as in Logto's tokens). */
    public TokenBuilder notBefore(Instant nbf) {
        this.notBefore = nbf;
        return this;
    }

    /** Sets {@code scope}, space-separated (default {@code ""}); null leaves the claim out. */
    public TokenBuilder scope(@Nullable String spaceSeparated) {
        this.scope = spaceSeparated;
        return this;
    }

    /** Sets {@code client_id}; null leaves the claim out. */
    public TokenBuilder clientId(@Nullable String id) {
        this.clientId = id;
        return this;
    }

    /** Adds {@code organization_id}, as Logto does on organization-level API resource tokens (CONTRACT.md §9). */
    public TokenBuilder organizationId(String organizationId) {
        return claim("organization_id", organizationId);
    }

    /** Adds or replaces any claim (strings, numbers, booleans, lists, maps); null removes a claim set earlier. */
    public TokenBuilder claim(String name, @Nullable Object value) {
        extraClaims.put(name, value);
        return this;
    }

    /** Sets the {@code typ} header (default {@code at+jwt}); null leaves it out. */
    public TokenBuilder type(@Nullable String typHeader) {
        this.type = typHeader;
        return this;
    }

    /** Signs with a fresh P-384 key that is not in the JWKS (its {@code kid} is unknown too), so the token must not verify. */
    public TokenBuilder signedWithUnknownKey() {
        this.key = TokenIssuer.SigningKey.UNKNOWN_EC;
        return this;
    }

    /**
     * Signs with a fresh P-384 key (ES384, a new {@code kid}) that {@code /oidc/jwks} publishes from now on,
     * beside the other keys, as Logto does when a key is rotated in; a client that cached the JWKS before
     * has to fetch it again. Each call rotates in another key.
     */
    public TokenBuilder signedWithRotatedInKey() {
        this.key = TokenIssuer.SigningKey.ROTATED_IN_EC;
        return this;
    }

    /**
     * Signs with RS256 and the emulator's RSA key. That key is generated on first use and published in
     * {@code /oidc/jwks} from then on (real Logto publishes one EC key only); a client that cached the
     * JWKS before has to fetch it again.
     */
    public TokenBuilder rs256() {
        this.key = TokenIssuer.SigningKey.PUBLISHED_RSA;
        return this;
    }

    /** The signed token in compact JWS form ({@code header.payload.signature}). */
    public String sign() {
        ObjectNode claims = issuer.accessTokenClaims(subject, audience, clientId, scope, issuedAt, expiresAt);
        claims.put("iss", issuerClaim);
        if (notBefore != null) {
            claims.put("nbf", notBefore.getEpochSecond());
        }
        extraClaims.forEach((name, value) -> {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.set(name, MAPPER.valueToTree(value));
            }
        });
        return issuer.sign(claims, type, key);
    }
}
