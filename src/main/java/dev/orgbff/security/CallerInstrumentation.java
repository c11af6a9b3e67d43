package dev.orgbff.security;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.stereotype.Component;

/**
 * Builds the request's {@link Caller} once, when execution starts: the {@link Viewer} that
 * {@link CallerInterceptor} read from the token, with the DataLoader registry graphql-java dispatches, into which
 * the caller puts each DataLoader the request uses ({@link RequestLoader}). The caller knows whether the operation is
 * a mutation, whose reads are all live. Also turns off thread-local context propagation around data fetchers, which
 * nothing here needs.
 */
@Component
class CallerInstrumentation extends SimplePerformantInstrumentation {

    /**
     * Context propagation without thread-locals: data fetchers here take the caller from the GraphQL context, so
     * nothing needs capturing and restoring around each of them (which cost a tenth of a request's CPU). The
     * context accessors stay, so contexts can still be read.
     */
    private static final ContextSnapshotFactory NO_THREAD_LOCALS = ContextSnapshotFactory.builder()
            .contextRegistry(new ContextRegistry().loadContextAccessors())
            .build();

    /** When the request's execution is over, reads started ahead that no field took are cancelled. */
    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            @Nullable InstrumentationState state) {
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            Caller caller = parameters.getGraphQLContext().get(Caller.CONTEXT_KEY);
            if (caller != null) {
                caller.dropUnusedPrefetches();
            }
        });
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext executionContext,
            InstrumentationExecutionParameters parameters, @Nullable InstrumentationState state) {
        GraphQLContext context = executionContext.getGraphQLContext();
        Viewer viewer = context.get(CallerInterceptor.VIEWER_KEY);
        if (viewer != null) {
            // what data fetchers' Monos get from Spring for GraphQL, the request's observation (its trace) among it
            ContextView requestContext = ContextPropagationHelper.captureFrom(context).updateContext(Context.empty());
            boolean mutation = executionContext.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
            context.put(Caller.CONTEXT_KEY, new Caller(viewer, mutation, executionContext.getDataLoaderRegistry(), requestContext));
        }
        ContextPropagationHelper.saveInstance(NO_THREAD_LOCALS, context);
        return executionContext;
    }
}
