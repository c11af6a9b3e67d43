package dev.orgbff.graphql.limits;

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
 * @param maxDepth Deepest field nesting of one operation, introspection included.
 * @param maxComplexity Most fields one operation may select, each counted once per selection (aliases count
 *     again), a mutation field counting orgbff.graphql.mutation-complexity.
 * @param mutationComplexity Weight of one mutation field in the complexity count: each runs several Logto writes.
 * @param upstreamCallComplexity Weight of one selection of a field marked @upstreamCall in the schema: each makes a
 *     Logto call of its own that no DataLoader shares.
 * @param maxRequestSize Largest HTTP request body (the GraphQL request: document, variables and extensions),
 *     answered with HTTP 413 above it. A value over 256KB also needs spring.http.codecs.max-in-memory-size
 *     raised, which limits Logto's answers too.
 * @param maxTokens Most grammar tokens the GraphQL parser reads of one document before refusing it (graphql-java's
 *     own default is 15000): parsing is most of what a hostile document costs.
 * @param introspection Whether __schema and __type are answered (GraphiQL's docs and autocompletion need them).
 *     Off by default, so that the schema is not handed to every token holder.
 */
@Validated
@ConfigurationProperties("orgbff.graphql")
public record QueryLimits(
        @Positive @DefaultValue("15") int maxDepth,
        @Positive @DefaultValue("400") int maxComplexity,
        @Positive @DefaultValue("100") int mutationComplexity,
        @Positive @DefaultValue("25") int upstreamCallComplexity,
        @NotNull @DefaultValue("64KB") DataSize maxRequestSize,
        @Positive @DefaultValue("5000") int maxTokens,
        @DefaultValue("false") boolean introspection) {
}
