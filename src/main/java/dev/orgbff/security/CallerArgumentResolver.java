package dev.orgbff.security;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * Lets {@code @QueryMapping}, {@code @MutationMapping} and {@code @SchemaMapping} methods declare a
 * {@link Caller} parameter. ({@code @BatchMapping} methods use {@code @ContextValue(Caller.CONTEXT_KEY)}:
 * Spring gives them no custom argument resolvers.)
 */
@Component
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        Caller caller = environment.getGraphQlContext().get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new IllegalStateException("No Caller in the GraphQL context: CallerInstrumentation did not run");
        }
        return caller;
    }
}
