package dev.orgbff.graphql;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on one GraphQL operation ({@code orgbff.graphql.*}), so that a single request cannot fan out into
 * more Logto calls than Logto's Management API rate limit (about 200 requests per 10 s on Logto Cloud)
 * comfortably allows. An operation over a limit is refused before anything runs.
 *
 * @param maxDepth the deepest field nesting, introspection included
 * @param maxComplexity the most fields an operation may select, each counted once per selection (aliases
 *     count again), with a mutation field counting {@code mutationComplexity}
 * @param mutationComplexity the weight of one mutation field: each runs several Logto writes
 * @param upstreamCallComplexity the weight of one selection of a field marked {@code @upstreamCall} in the
 *     SDL: each makes a Logto call of its own that no DataLoader shares
 * @param maxRequestSize the largest HTTP request body (the GraphQL request: document, variables and
 *     extensions), answered with HTTP 413 above it. A value over 256 KB also needs
 *     {@code spring.http.codecs.max-in-memory-size} raised, which limits Logto's answers too
 * @param maxTokens the most grammar tokens graphql-java's parser reads of one document before refusing it
 *     (graphql-java's own default is 15,000): parsing is most of what a hostile document costs
 * @param introspection whether {@code __schema} and {@code __type} are answered (GraphiQL's docs and
 *     autocompletion need them); off by default, so that the schema is not handed to every token holder
 *     ({@link IntrospectionInterceptor})
 */
@Validated
@ConfigurationProperties("orgbff.graphql")
record QueryLimits(
        @Positive @DefaultValue("15") int maxDepth,
        @Positive @DefaultValue("400") int maxComplexity,
        @Positive @DefaultValue("100") int mutationComplexity,
        @Positive @DefaultValue("25") int upstreamCallComplexity,
        @NotNull @DefaultValue("64KB") DataSize maxRequestSize,
        @Positive @DefaultValue("5000") int maxTokens,
        @DefaultValue("false") boolean introspection) {
}
