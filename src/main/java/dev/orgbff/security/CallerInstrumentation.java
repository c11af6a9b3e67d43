package dev.orgbff.security;

import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Builds the request's {@link Caller} once, when execution starts: the {@link Viewer} that
 * {@link CallerInterceptor} read from the token, with the DataLoader registry execution really dispatches.
 * (Earlier registries are copied: Spring's observation instrumentation re-registers every loader in a new,
 * instrumented registry; loads on the old one would never be dispatched.)
 */
@Component
class CallerInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext executionContext,
            InstrumentationExecutionParameters parameters, @Nullable InstrumentationState state) {
        GraphQLContext context = executionContext.getGraphQLContext();
        Viewer viewer = context.get(CallerInterceptor.VIEWER_KEY);
        if (viewer != null) {
            context.put(Caller.CONTEXT_KEY, new Caller(viewer, executionContext.getDataLoaderRegistry()));
        }
        return executionContext;
    }
}
