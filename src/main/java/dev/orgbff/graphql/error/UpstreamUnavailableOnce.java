package dev.orgbff.graphql.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Answers {@code UPSTREAM_UNAVAILABLE} once per request. graphql-java gives each field a Logto failure nulls an error
 * of its own: one template read that fails under the switcher would be an error for every organization's
 * {@code viewerRoles} and {@code viewerPermissions}, eight of them for four organizations, all saying the same. A
 * client needs to learn once that Logto is unavailable, and which fields that left null: the first such error stays,
 * with {@code extensions.paths} listing the path of every field it stands for (its own first), and the others go.
 * Other errors are left as they are.
 */
@Component
class UpstreamUnavailableOnce implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(UpstreamUnavailableOnce::once);
    }

    private static WebGraphQlResponse once(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().filter(UpstreamUnavailableOnce::unavailable).limit(2).count() < 2) {
            return response; // the usual answer, with no error or one: nothing to merge
        }
        List<GraphQLError> merged = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        int first = -1;
        for (GraphQLError error : errors) {
            if (!unavailable(error)) {
                merged.add(error);
                continue;
            }
            if (first < 0) {
                first = merged.size();
                merged.add(error);
            }
            if (error.getPath() != null) {
                paths.add(error.getPath());
            }
        }
        GraphQLError kept = merged.get(first);
        merged.set(first, GraphQLError.newError()
                .errorType(ServiceErrorType.UPSTREAM_UNAVAILABLE)
                .message(kept.getMessage())
                .locations(kept.getLocations() == null ? List.of() : kept.getLocations())
                .path(kept.getPath())
                .extensions(Map.of("paths", paths))
                .build());
        return response.transform(builder -> builder.errors(merged));
    }

    private static boolean unavailable(GraphQLError error) {
        return error.getErrorType() == ServiceErrorType.UPSTREAM_UNAVAILABLE;
    }
}
