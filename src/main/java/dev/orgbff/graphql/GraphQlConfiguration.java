package dev.orgbff.graphql;

import java.util.List;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.Scalars;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.parser.ParserOptions;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.SubrangeMethodArgumentResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.server.WebGraphQlInterceptor;

import dev.orgbff.graphql.input.EmailAddress;
import dev.orgbff.graphql.input.InputErrorInstrumentation;
import dev.orgbff.graphql.limits.DocumentLimits;
import dev.orgbff.graphql.limits.QueryLimits;
import dev.orgbff.graphql.limits.RequestSizeLimit;
import dev.orgbff.graphql.relay.OffsetCursorStrategy;
import dev.orgbff.graphql.scalar.EpochMillisCoercing;
import dev.orgbff.graphql.scalar.IdCoercing;

/**
 * The schema's scalars (extended-scalars {@code DateTime}, {@code JSON}, and {@code EmailAddress} with
 * Logto's own email pattern, and an {@code ID} that takes only strings and whole numbers), the offset cursors
 * behind {@code Subrange<Integer>} controller arguments, the limits set by {@link QueryLimits} (request size, parser
 * tokens, depth, complexity; documents are cached by {@link PersistedDocumentConfiguration}), client-safe
 * messages for input errors, and request-level (not field-level) observations.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    /** The SDL directive on fields whose every selection makes a Logto call of its own. */
    private static final String UPSTREAM_CALL = "upstreamCall";

    /**
     * The scalars carry no description of their own: graphql-java prefers a wired scalar's description to the SDL's,
     * and the SDL's (written for client developers) is what introspection and {@code target/schema.graphqls} show.
     */
    @Bean
    RuntimeWiringConfigurer scalars() {
        GraphQLScalarType dateTime = ExtendedScalars.DateTime.transform(builder -> builder.description(null)
                .coercing(new EpochMillisCoercing(ExtendedScalars.DateTime.getCoercing())));
        GraphQLScalarType json = ExtendedScalars.Json.transform(builder -> builder.description(null));
        GraphQLScalarType emailAddress = ExtendedScalars.newRegexScalar("EmailAddress")
                .addPattern(EmailAddress.PATTERN)
                .build();
        GraphQLScalarType id = Scalars.GraphQLID.transform(builder -> builder.coercing(new IdCoercing(Scalars.GraphQLID.getCoercing())));
        return wiring -> wiring.scalar(dateTime).scalar(json).scalar(emailAddress)
                // ID is built in: strict mode (which refuses anything defined twice) is lifted for this one replacement only
                .strictMode(false).scalar(id).strictMode(true);
    }

    /** HTTP 413 for a request body over {@code max-request-size}, before anything parses it. */
    @Bean
    RequestSizeLimit requestSizeLimit(QueryLimits limits) {
        return new RequestSizeLimit(limits.maxRequestSize());
    }

    /**
     * graphql-java's parser refuses a document after {@code max-tokens} grammar tokens with an
     * {@code InvalidSyntax} error. Parsing is most of the CPU a document full of directives costs (tens of
     * milliseconds at graphql-java's default of 15,000 tokens); the canonical operations have under 100 tokens
     * and GraphiQL's introspection query under 200.
     */
    @Bean
    ParserOptions operationParserOptions(QueryLimits limits) {
        return ParserOptions.getDefaultOperationParserOptions().transform(builder -> builder.maxTokens(limits.maxTokens()));
    }

    /** graphql-java's settings of each request, which it reads from the request's context: the parser's limits, the result's objects. */
    @Bean
    WebGraphQlInterceptor requestSettings(ParserOptions options) {
        ResultObjects resultObjects = new ResultObjects();
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(ParserOptions.class, options);
                GraphQL.unusualConfiguration(input.getGraphQLContext()).responseMapFactory().setFactory(resultObjects);
                return input;
            });
            return chain.next(request);
        };
    }

    /** Every instrumentation bean, chained for the request only ({@link RequestLevelInstrumentation}). */
    @Bean
    GraphQlSourceBuilderCustomizer requestLevelInstrumentation(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(
                new RequestLevelInstrumentation(instrumentations.orderedStream().toList())));
    }

    /**
     * The depth and complexity limits, checked once per document ({@link DocumentLimits}). Each selected field weighs 1,
     * a mutation field {@code mutation-complexity} and a field marked {@code @upstreamCall} in the SDL (each of its
     * selections makes its own Logto call) {@code upstream-call-complexity}, so aliases cannot fan one request out into
     * many Logto calls.
     */
    @Bean
    DocumentLimits documentLimits(QueryLimits limits) {
        return new DocumentLimits(limits.maxDepth(), limits.maxComplexity(), (field, childComplexity) -> {
            if ("Mutation".equals(field.getParentType().getName())) {
                return limits.mutationComplexity() + childComplexity;
            }
            return (field.getFieldDefinition().hasAppliedDirective(UPSTREAM_CALL) ? limits.upstreamCallComplexity() : 1) + childComplexity;
        });
    }

    /** Messages of validation and variable errors that name the schema's types and fields, not Java classes. */
    @Bean
    InputErrorInstrumentation inputErrorInstrumentation() {
        return new InputErrorInstrumentation();
    }

    /**
     * Observes each GraphQL request ({@code graphql.request}) and DataLoader batch, not each data fetcher: a switcher
     * runs some 150 fetchers, and observing every one cost more CPU than running them. The request's errors reach its
     * trace as events naming their classification and path only: a message may quote what the client sent (graphql-java's
     * own messages for a bad variable do, e.g. an enum value that is an email address), and the observation sees them
     * before {@link InputErrorInstrumentation} rewrites them.
     */
    @Bean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry) {
        return new GraphQlObservationInstrumentation(registry) {
            @Override
            public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                    InstrumentationState state) {
                return dataFetcher;
            }

            @Override
            public @Nullable InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                    InstrumentationState state) {
                InstrumentationContext<ExecutionResult> observed = super.beginExecution(parameters, state);
                return observed == null ? null : new InstrumentationContext<>() {
                    @Override
                    public void onDispatched() {
                        observed.onDispatched();
                    }

                    @Override
                    public void onCompleted(@Nullable ExecutionResult result, @Nullable Throwable failure) {
                        observed.onCompleted(result == null ? null : withoutMessages(result), failure);
                    }
                };
            }
        };
    }

    /** The result with each error's message replaced by its classification and path. */
    private static ExecutionResult withoutMessages(ExecutionResult result) {
        if (result.getErrors().isEmpty()) {
            return result;
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(error -> GraphqlErrorBuilder.newError()
                        .errorType(error.getErrorType())
                        .message(error.getErrorType() + (error.getPath() == null ? "" : " at " + ResultPath.fromList(error.getPath())))
                        .build())
                .toList();
        return result.transform(builder -> builder.errors(errors));
    }

    @Bean
    OffsetCursorStrategy offsetCursorStrategy() {
        return new OffsetCursorStrategy();
    }

    @Bean
    SubrangeMethodArgumentResolver<Integer> subrangeMethodArgumentResolver(OffsetCursorStrategy cursors) {
        return new SubrangeMethodArgumentResolver<>(cursors);
    }
}
