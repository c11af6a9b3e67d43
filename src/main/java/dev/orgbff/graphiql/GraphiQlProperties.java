package dev.orgbff.graphiql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the GraphiQL page signs people in ({@code orgbff.graphiql.*}). The page itself is switched on with
 * {@code spring.graphql.graphiql.enabled} (off by default) and served at {@code spring.graphql.graphiql.path}.
 *
 * @param appId Id of the Logto single-page app the GraphiQL page signs in with (authorization code flow with PKCE,
 *     redirect URI [this service]/graphiql). Blank hides the Sign in button, and the page says to paste a token into
 *     the Headers tab instead.
 */
@ConfigurationProperties("orgbff.graphiql")
public record GraphiQlProperties(@DefaultValue("") String appId) {
}
