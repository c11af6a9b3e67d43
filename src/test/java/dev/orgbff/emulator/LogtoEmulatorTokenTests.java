package dev.orgbff.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tokens: what the emulator signs, what its JWKS verifies, and how {@code /api} and {@code /dev/token} treat them. */
class LogtoEmulatorTokenTests extends LogtoEmulatorTestBase {

    @Test
    void userToken_verifiedAgainstTheJwks_isAnEs384AccessTokenForTheApiResource() throws Exception {
        // given
        String alice = logto.createUser("alice", "alice@example.com", "Alice");
        JWKSet jwks = JWKSet.parse(client.getWithAuthorization("/oidc/jwks", null).body());

        // when
        SignedJWT token = SignedJWT.parse(logto.userToken(alice));

        // then
        assertThat(jwks.getKeys()).hasSize(1);
        ECKey key = (ECKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("the kid names the published key").isNotNull();
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(logto.issuer()).isEqualTo(logto.endpoint() + "/oidc");
        assertThat(claims.getAudience()).containsExactly(LogtoEmulator.DEFAULT_API_RESOURCE);
        assertThat(claims.getSubject()).isEqualTo(alice);
        assertThat(claims.getStringClaim("client_id")).isNotBlank();
        assertThat(claims.getStringClaim("scope")).isEmpty();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
    }

    @Test
    void token_signedWithUnknownKey_doesNotVerifyAgainstTheJwks() throws Exception {
        // given
        JWKSet jwks = JWKSet.parse(client.getWithAuthorization("/oidc/jwks", null).body());
        ECKey published = (ECKey) jwks.getKeys().get(0);

        // when
        SignedJWT token = SignedJWT.parse(logto.token("someone").signedWithUnknownKey().sign());

        // then
        assertThat(jwks.getKeyByKeyId(token.getHeader().getKeyID())).isNull();
        assertThat(token.verify(new ECDSAVerifier(published))).isFalse();
    }

    @Test
    void token_rs256_isSignedWithAnRsaKeyThatTheJwksThenPublishes() throws Exception {
        // an emulator of its own: the RSA key stays published for the emulator's lifetime
        try (LogtoEmulator own = LogtoEmulator.start(0)) {
            // given
            SignedJWT token = SignedJWT.parse(own.token("someone").rs256().sign());

            // when
            JWKSet jwks = JWKSet.parse(new ManagementApiClient(own).getWithAuthorization("/oidc/jwks", null).body());

            // then
            assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(jwks.getKeys()).hasSize(2);
            assertThat(token.verify(new RSASSAVerifier(jwks.getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey())))
                    .isTrue();
        }
    }

    @Test
    void token_builderOverrides_areWrittenAsClaimsAndHeader() throws Exception {
        // given
        Instant issued = Instant.parse("2030-01-01T00:00:00Z");

        // when
        SignedJWT token = SignedJWT.parse(logto.token("alice")
                .audience("urn:a", "urn:b").issuer("https://elsewhere.test/oidc").issuedAt(issued)
                .expiresAt(issued.plusSeconds(60)).notBefore(issued).scope("read write").organizationId("org1")
                .claim("custom", List.of(1, 2)).type(null).sign());

        // then
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(token.getHeader().getType()).isNull();
        assertThat(claims.getAudience()).containsExactly("urn:a", "urn:b");
        assertThat(claims.getIssuer()).isEqualTo("https://elsewhere.test/oidc");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(issued);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(issued);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(issued.plusSeconds(60));
        assertThat(claims.getStringClaim("scope")).isEqualTo("read write");
        assertThat(claims.getStringClaim("organization_id")).isEqualTo("org1");
        assertThat(claims.getClaim("custom")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void managementApi_userToken_isRejectedForItsAudience() {
        // given
        String token = logto.userToken(logto.createUser("alice", null, null));

        // when
        ManagementApiClient.Result result = client.getWithAuthorization("/api/organizations", "Bearer " + token);

        // then
        assertThat(result.status()).isEqualTo(401);
        JsonNode body = result.json();
        assertThat(body.get("code").stringValue()).isEqualTo("auth.unauthorized");
        assertThat(body.get("data").get("claim").stringValue()).isEqualTo("aud");
    }

    @Test
    void managementApi_expiredManagementToken_isRejectedAsExpired() {
        // given
        String token = logto.token(logto.m2mAppId()).audience(LogtoEmulator.MANAGEMENT_RESOURCE).scope("all")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();

        // when
        ManagementApiClient.Result result = client.getWithAuthorization("/api/organizations", "Bearer " + token);

        // then
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("data").get("code").stringValue()).isEqualTo("ERR_JWT_EXPIRED");
    }

    @Test
    void managementApi_builtTokenWithManagementAudienceAndScopeAll_isAccepted() {
        // given
        String token = logto.token(logto.m2mAppId()).audience(LogtoEmulator.MANAGEMENT_RESOURCE).scope("all").sign();

        // when
        ManagementApiClient.Result result = client.getWithAuthorization("/api/organizations", "Bearer " + token);

        // then
        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void managementApi_tokenSignedWithUnknownKey_isRejected() {
        // given
        String token = logto.token(logto.m2mAppId()).audience(LogtoEmulator.MANAGEMENT_RESOURCE).scope("all")
                .signedWithUnknownKey().sign();

        // when
        ManagementApiClient.Result result = client.getWithAuthorization("/api/organizations", "Bearer " + token);

        // then
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("data").get("code").stringValue()).isEqualTo("ERR_JWKS_NO_MATCHING_KEY");
    }

    @Test
    void tokenEndpoint_customAccessTokenTtl_setsExpiresInAndExp() throws Exception {
        // given
        logto.accessTokenTtl(Duration.ofMinutes(5));

        // when
        JsonNode body = client.requestToken().json();

        // then
        assertThat(body.get("expires_in").intValue()).isEqualTo(300);
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").stringValue()).getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void discovery_document_pointsAtTheEmulatorsOwnEndpoints() {
        // given
        String path = "/oidc/.well-known/openid-configuration";

        // when
        JsonNode discovery = client.getWithAuthorization(path, null).json();

        // then
        assertThat(discovery.get("issuer").stringValue()).isEqualTo(logto.issuer());
        assertThat(discovery.get("jwks_uri").stringValue()).isEqualTo(logto.endpoint() + "/oidc/jwks");
        assertThat(discovery.get("token_endpoint").stringValue()).isEqualTo(logto.endpoint() + "/oidc/token");
    }

    @Test
    void devToken_seededUsername_answersAUserTokenWithoutCountingTheCall() throws Exception {
        // given
        String alice = logto.createUser("alice", "alice@example.com", "Alice");
        logto.resetCalls();

        // when
        ManagementApiClient.Result result = client.getWithAuthorization("/dev/token?username=alice", null);

        // then
        assertThat(result.status()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").intValue()).isEqualTo(3600);
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").stringValue()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(alice);
        assertThat(claims.getAudience()).containsExactly(logto.apiResource());
        assertThat(logto.calls()).isEmpty();
    }

    @Test
    void devToken_unknownUsername_answers404WithCodeAndMessage() {
        // given
        String path = "/dev/token?username=nobody";

        // when
        ManagementApiClient.Result result = client.getWithAuthorization(path, null);

        // then
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().get("code").stringValue()).isNotBlank();
        assertThat(result.json().get("message").stringValue()).contains("nobody");
    }
}
