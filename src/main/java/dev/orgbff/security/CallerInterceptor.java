package dev.orgbff.security;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Reads who is calling once per request, before execution: the {@link Viewer} of the validated access
 * token (the security context is only reachable here, in the reactive pipeline), put into the GraphQL
 * context for {@link CallerInstrumentation}, which adds the request's DataLoaders.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

    /** The key of the request's viewer in the GraphQL context. */
    static final String VIEWER_KEY = "dev.orgbff.security.Viewer";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(authentication -> authentication.getPrincipal() instanceof Jwt)
                .map(authentication -> Viewer.of((Jwt) authentication.getPrincipal()))
                // the resource server admits no request to /graphql without a valid token
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("GraphQL request without an authenticated access token")))
                .flatMap(viewer -> {
                    request.configureExecutionInput((input, builder) -> builder
                            .graphQLContext(context -> context.put(VIEWER_KEY, viewer))
                            .build());
                    return chain.next(request);
                });
    }
}
