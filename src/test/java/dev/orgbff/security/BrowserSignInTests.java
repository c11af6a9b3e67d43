package dev.orgbff.security;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.BrowserClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser app that signs in as Logto users do (authorization code with PKCE at the emulator, as GraphiQL's
 * Sign in button does) gets access tokens the service accepts.
 */
class BrowserSignInTests extends GraphQlTestSupport {

    private static final String REDIRECT_URI = "http://localhost:8080/graphiql";
    private static final String SCOPE = "openid offline_access profile email";

    @Test
    void viewer_accessTokenFromTheAuthorizationCodeFlow_answersTheSignedInUser() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String app = logto.singlePageApp("GraphiQL", List.of(REDIRECT_URI), List.of(REDIRECT_URI));
        BrowserClient.SignIn signIn = new BrowserClient(logto).signIn(app, REDIRECT_URI, "alice", SCOPE, logto.apiResource());
        // when
        var response = withToken(signIn.accessToken()).documentName("viewer").execute();
        // then
        response.path("viewer.user.id").entity(String.class).isEqualTo(demo.alice());
        response.path("viewer.user.username").entity(String.class).isEqualTo("alice");
        response.path("viewer.user.primaryEmail").entity(String.class).isEqualTo("alice@acme.test");
        assertThat(SignedJWT.parse(signIn.idToken()).getJWTClaimsSet().getStringClaim("name")).isEqualTo("Alice Adams");
    }

    @Test
    void viewer_accessTokenFromARefresh_isAcceptedToo() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String app = logto.singlePageApp("GraphiQL", List.of(REDIRECT_URI), List.of(REDIRECT_URI));
        BrowserClient browser = new BrowserClient(logto);
        BrowserClient.SignIn signIn = browser.signIn(app, REDIRECT_URI, "bob", SCOPE, logto.apiResource());
        var refreshed = browser.post("/oidc/token", Map.of("grant_type", "refresh_token", "client_id", app,
                "refresh_token", signIn.refreshToken(), "resource", logto.apiResource())).json();
        // when
        var response = withToken(refreshed.get("access_token").stringValue()).documentName("viewer").execute();
        // then
        response.path("viewer.user.id").entity(String.class).isEqualTo(demo.bob());
    }

    @Test
    void graphql_opaqueAccessTokenForUserinfo_isUnauthorized() {
        // given: a sign-in without the API resource gets an opaque token, good for userinfo only
        DemoTenant.seed(logto);
        String app = logto.singlePageApp("GraphiQL", List.of(REDIRECT_URI), List.of(REDIRECT_URI));
        BrowserClient.SignIn signIn = new BrowserClient(logto).signIn(app, REDIRECT_URI, "alice", SCOPE, null);
        // when
        var response = webTestClient.post().uri("/graphql").headers(headers -> headers.setBearerAuth(signIn.accessToken()))
                .bodyValue(Map.of("query", "{ viewer { user { id } } }")).exchange();
        // then
        response.expectStatus().isUnauthorized();
    }
}
