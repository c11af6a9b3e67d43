package dev.orgbff.graphiql;

/**
 * What the GraphiQL page reads from {@code <graphiql path>/config.json} before it starts (in a file, not an inline
 * script, which the Content-Security-Policy forbids). Nothing secret: a single-page app's id is public.
 *
 * @param graphqlPath the GraphQL endpoint's path, e.g. {@code /graphql}
 * @param logtoEndpoint the Logto tenant's base URL; the page signs in against {@code <logtoEndpoint>/oidc}
 * @param appId the Logto single-page app's id; empty when sign-in is not configured
 * @param apiResource this service's API resource indicator, which the page asks Logto's access token for
 */
record GraphiQlConfig(String graphqlPath, String logtoEndpoint, String appId, String apiResource) {
}
