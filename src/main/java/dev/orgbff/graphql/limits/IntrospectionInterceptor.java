package dev.orgbff.graphql.limits;

import graphql.introspection.Introspection;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Turns introspection off for every request unless {@code orgbff.graphql.introspection} is on: an operation
 * selecting {@code __schema} or {@code __type} then gets graphql-java's error "Introspection has been
 * disabled for this request" and no data ({@code __typename} still works). Set per request through the
 * GraphQL context rather than with Boot's {@code spring.graphql.schema.introspection.enabled}, which
 * switches graphql-java off for the whole JVM. Field suggestions ("Did you mean ...?") need no switch:
 * graphql-java 25 makes none.
 */
@Component
class IntrospectionInterceptor implements WebGraphQlInterceptor {

    private final boolean enabled;

    IntrospectionInterceptor(QueryLimits limits) {
        this.enabled = limits.introspection();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!enabled) {
            request.configureExecutionInput((input, builder) -> builder
                    .graphQLContext(context -> context.put(Introspection.INTROSPECTION_DISABLED, true))
                    .build());
        }
        return chain.next(request);
    }
}
