package dev.orgbff.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's signing keys: signs access tokens (ES384 with an EC P-384 key, like Logto's default key;
 * RS256 with an RSA key published once first used; EC keys that tests rotate in), serves them as a JWKS,
 * and checks Management API bearer tokens the way Logto's {@code koaAuth} does with jose, answering with
 * the same errors.
 */
final class TokenIssuer {

    /** Which key signs a token. */
    enum SigningKey { PUBLISHED_EC, PUBLISHED_RSA, UNKNOWN_EC, ROTATED_IN_EC }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String UNAUTHORIZED = "Unauthorized. Please check credentials and its scope.";

    private static final int VERIFIED_SIGNATURES = 10_000;

    private final String issuer;
    private final IdGenerator ids = new IdGenerator();
    private final Map<String, JWK> verifiedSignatures = new ConcurrentHashMap<>();
    private final ECKey ecKey;
    private volatile @Nullable RSAKey rsaKey;
    /** The RSA key taken out of the JWKS, as Logto does with a key rotated out; tokens may still be signed with it. */
    private volatile boolean rsaKeyWithdrawn;
    /** Keys rotated in: each published from its first token on, beside the others (never withdrawn). */
    private final List<ECKey> rotatedIn = new CopyOnWriteArrayList<>();

    TokenIssuer(String issuer) {
        this.issuer = issuer;
        this.ecKey = generateEc(ids.next(IdGenerator.STANDARD + 11));
    }

    String issuer() {
        return issuer;
    }

    /** The JWKS document {@code {"keys": [...]}} with the public keys only. */
    String jwks() {
        return new JWKSet(publishedKeys()).toString();
    }

    private List<JWK> publishedKeys() {
        List<JWK> keys = new ArrayList<>();
        keys.add(ecKey);
        RSAKey rsa = rsaKey;
        if (rsa != null && !rsaKeyWithdrawn) {
            keys.add(rsa);
        }
        keys.addAll(rotatedIn);
        return keys;
    }

    /** Publishes the RSA key in the JWKS ({@code withdrawn == false}, as after a reset) or withdraws it. */
    void rsaKeyWithdrawn(boolean withdrawn) {
        this.rsaKeyWithdrawn = withdrawn;
    }

    /**
     * Signs {@code claims} as a compact JWS.
     *
     * @param type the {@code typ} header ({@code at+jwt} for access tokens), or null for none
     */
    String sign(ObjectNode claims, @Nullable String type, SigningKey key) {
        try {
            JWK jwk = switch (key) {
                case PUBLISHED_EC -> ecKey;
                case PUBLISHED_RSA -> rsaKey();
                case UNKNOWN_EC -> generateEc(ids.next(IdGenerator.STANDARD + 11));
                case ROTATED_IN_EC -> rotateIn();
            };
            JWSAlgorithm algorithm = jwk instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES384;
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(jwk.getKeyID());
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            JWSSigner signer = jwk instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) jwk);
            JWSObject jws = new JWSObject(header.build(), new Payload(MAPPER.writeValueAsString(claims)));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private ECKey rotateIn() {
        ECKey key = generateEc(ids.next(IdGenerator.STANDARD + 11));
        rotatedIn.add(key);
        return key;
    }

    private synchronized RSAKey rsaKey() {
        RSAKey rsa = rsaKey;
        if (rsa == null) {
            try {
                rsa = new RSAKeyGenerator(2048).keyID(ids.next(IdGenerator.STANDARD + 11)).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot generate an RSA key", e);
            }
            rsaKey = rsa;
        }
        return rsa;
    }

    private static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_384).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES384)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC key", e);
        }
    }

    /**
     * Logto's {@code koaAuth} for the Management API: a {@code Bearer} token that verifies against the
     * JWKS, with {@code iss} = the issuer, {@code aud} containing {@code audience}, valid {@code nbf}/
     * {@code exp}, a {@code sub}, and scope {@code all}.
     *
     * @throws ApiError 401 {@code auth.authorization_header_missing}, {@code auth.authorization_token_type_not_supported},
     *                  {@code auth.unauthorized} (with jose's error as {@code data}) or {@code auth.jwt_sub_missing};
     *                  403 {@code auth.forbidden}
     */
    void authorize(@Nullable String authorization, String audience) {
        if (authorization == null || authorization.isEmpty()) {
            throw ApiError.of(401, "auth.authorization_header_missing", "Authorization header is missing.");
        }
        if (!authorization.startsWith("Bearer")) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.putArray("supportedTypes").add("Bearer");
            throw ApiError.withData(401, "auth.authorization_token_type_not_supported", "Authorization type is not supported.", data);
        }
        String token = authorization.length() > "Bearer ".length() ? authorization.substring("Bearer ".length()) : "";
        ObjectNode payload = verify(token, audience);
        JsonNode sub = payload.get("sub");
        if (sub == null || sub.isNull() || (sub.isString() && sub.stringValue().isEmpty())) {
            throw ApiError.of(401, "auth.jwt_sub_missing", "Missing `sub` in JWT.");
        }
        JsonNode scope = payload.get("scope");
        String scopes = scope != null && scope.isString() ? scope.stringValue() : "";
        if (!List.of(scopes.split(" ")).contains("all")) {
            throw ApiError.of(403, "auth.forbidden", "Forbidden. Please check your user roles and permissions.");
        }
    }

    /** The {@code aud} of a compact JWT (the first one of an array), or null when the token cannot be decoded. */
    @Nullable String idTokenAudience(String token) {
        String[] parts = token.split("\\.", -1);
        JsonNode claims = parts.length == 3 ? decodeJson(parts[1]) : null;
        if (claims == null || !claims.isObject()) {
            return null;
        }
        JsonNode aud = claims.path("aud");
        JsonNode first = aud.isArray() ? aud.path(0) : aud;
        return first.isString() ? first.stringValue() : null;
    }

    /**
     * oidc-provider's {@code IdToken.validate} for an {@code id_token_hint}: signed by a published key, issued by this
     * issuer, for {@code clientId}; its expiry is ignored.
     */
    boolean validIdTokenHint(String token, String clientId) {
        String[] parts = token.split("\\.", -1);
        JsonNode header = parts.length == 3 ? decodeJson(parts[0]) : null;
        JsonNode claims = parts.length == 3 ? decodeJson(parts[1]) : null;
        if (header == null || claims == null || !header.path("alg").isString()) {
            return false;
        }
        JWK key;
        try {
            key = selectKey(header.path("alg").stringValue(), header.path("kid").isString() ? header.path("kid").stringValue() : null);
        } catch (ApiError e) {
            return false;
        }
        return signatureValid(token, key) && issuer.equals(claims.path("iss").asString(""))
                && audienceMatches(claims.path("aud"), clientId);
    }

    /** jose's {@code jwtVerify} against the local JWKS, in jose's order of checks and with its error names. */
    private ObjectNode verify(String token, String audience) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw joseError("ERR_JWS_INVALID", "JWSInvalid");
        }
        JsonNode header = decodeJson(parts[0]);
        if (header == null || !header.isObject() || header.get("alg") == null || !header.get("alg").isString()) {
            throw joseError("ERR_JWS_INVALID", "JWSInvalid");
        }
        String alg = header.get("alg").stringValue();
        String kid = header.has("kid") && header.get("kid").isString() ? header.get("kid").stringValue() : null;
        JWK key = selectKey(alg, kid);
        if (verifiedSignatures.get(token) != key && !signatureValid(token, key)) {
            throw joseError("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "JWSSignatureVerificationFailed");
        }
        rememberVerified(token, key);
        JsonNode claims = decodeJson(parts[1]);
        if (claims == null || !claims.isObject()) {
            throw joseError("ERR_JWT_INVALID", "JWTInvalid");
        }
        ObjectNode payload = (ObjectNode) claims;
        checkClaims(payload, audience);
        return payload;
    }

    private JWK selectKey(String alg, @Nullable String kid) {
        String kty;
        if (alg.startsWith("ES")) {
            kty = "EC";
        } else if (alg.startsWith("RS") || alg.startsWith("PS")) {
            kty = "RSA";
        } else {
            throw joseError("ERR_JOSE_NOT_SUPPORTED", "JOSENotSupported");
        }
        for (JWK candidate : publishedKeys()) {
            boolean kidMatches = kid == null || kid.equals(candidate.getKeyID());
            boolean algMatches = candidate.getAlgorithm() == null || candidate.getAlgorithm().getName().equals(alg);
            if (candidate.getKeyType().getValue().equals(kty) && kidMatches && algMatches) {
                return candidate;
            }
        }
        throw joseError("ERR_JWKS_NO_MATCHING_KEY", "JWKSNoMatchingKey");
    }

    /**
     * Remembers a signature that verified, so a benchmark's thousands of calls with one M2M token do not each pay
     * for an ES384 verification (Logto's own cost is not what the emulator stands in for); bounded by dropping all.
     */
    private void rememberVerified(String token, JWK key) {
        if (verifiedSignatures.size() >= VERIFIED_SIGNATURES) {
            verifiedSignatures.clear();
        }
        verifiedSignatures.put(token, key);
    }

    private static boolean signatureValid(String token, JWK key) {
        try {
            JWSObject jws = JWSObject.parse(token);
            JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
            return jws.verify(verifier);
        } catch (java.text.ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }

    private void checkClaims(ObjectNode payload, String audience) {
        // jose checks presence first (iss before aud), then values, then the timestamps
        for (String claim : List.of("iss", "aud")) {
            if (!payload.has(claim)) {
                throw claimError(payload, claim, "missing", false);
            }
        }
        JsonNode iss = payload.get("iss");
        if (!iss.isString() || !iss.stringValue().equals(issuer)) {
            throw claimError(payload, "iss", "check_failed", false);
        }
        if (!audienceMatches(payload.get("aud"), audience)) {
            throw claimError(payload, "aud", "check_failed", false);
        }
        long now = Instant.now().getEpochSecond();
        JsonNode iat = payload.get("iat");
        if (iat != null && !iat.isNumber()) {
            throw claimError(payload, "iat", "invalid", false);
        }
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && (!nbf.isNumber() || nbf.doubleValue() > now)) {
            throw claimError(payload, "nbf", nbf.isNumber() ? "check_failed" : "invalid", false);
        }
        JsonNode exp = payload.get("exp");
        if (exp != null && (!exp.isNumber() || exp.doubleValue() <= now)) {
            throw claimError(payload, "exp", exp.isNumber() ? "check_failed" : "invalid", exp.isNumber());
        }
    }

    private static boolean audienceMatches(JsonNode aud, String audience) {
        if (aud.isString()) {
            return aud.stringValue().equals(audience);
        }
        if (aud.isArray()) {
            for (JsonNode item : aud) {
                if (item.isString() && item.stringValue().equals(audience)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ApiError claimError(ObjectNode payload, String claim, String reason, boolean expired) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("code", expired ? "ERR_JWT_EXPIRED" : "ERR_JWT_CLAIM_VALIDATION_FAILED");
        data.put("name", expired ? "JWTExpired" : "JWTClaimValidationFailed");
        data.put("claim", claim);
        data.put("reason", reason);
        data.set("payload", payload.deepCopy());
        return ApiError.withData(401, "auth.unauthorized", UNAUTHORIZED, data);
    }

    /** 401 {@code auth.unauthorized} whose {@code data} is jose's error serialised, e.g. {@code {code: "ERR_JWS_INVALID", name: "JWSInvalid"}}. */
    private static ApiError joseError(String code, String name) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("code", code);
        data.put("name", name);
        return ApiError.withData(401, "auth.unauthorized", UNAUTHORIZED, data);
    }

    private static @Nullable JsonNode decodeJson(String segment) {
        try {
            return MAPPER.readTree(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }

    /** Claims common to every access token Logto issues, in oidc-provider's JWT format. */
    ObjectNode accessTokenClaims(String subject, List<String> audience, @Nullable String clientId, @Nullable String scope,
            Instant issuedAt, Instant expiresAt) {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("jti", ids.next(IdGenerator.STANDARD + 22));
        claims.put("sub", subject);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        if (scope != null) {
            claims.put("scope", scope);
        }
        if (clientId != null) {
            claims.put("client_id", clientId);
        }
        claims.put("iss", issuer);
        if (audience.size() == 1) {
            claims.put("aud", audience.get(0));
        } else {
            ArrayNode audiences = claims.putArray("aud");
            audience.forEach(audiences::add);
        }
        return claims;
    }
}
