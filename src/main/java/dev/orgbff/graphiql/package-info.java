/**
 * The GraphiQL page, served from the jar (built by {@code graphiql/build.mjs} into {@code web/graphiql/} on the
 * classpath): the page, its content-hashed assets and the configuration it reads, all under a
 * Content-Security-Policy that lets scripts come only from this service and connections go only to it and Logto.
 * On with {@code spring.graphql.graphiql.enabled}, at {@code spring.graphql.graphiql.path}.
 */
@NullMarked
package dev.orgbff.graphiql;

import org.jspecify.annotations.NullMarked;
