package dev.orgbff.ratelimit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

import dev.orgbff.graphql.error.RateLimitedException;
import dev.orgbff.graphql.limits.SelectedOperation;
import dev.orgbff.security.Viewer;

/**
 * Takes one token per mutation field of a request from its caller's {@link Budget#mutations mutation budget},
 * all at once and before anything runs: over the budget, the request answers only the top-level error
 * {@code RATE_LIMITED} (with {@code extensions.retryAfterSeconds}) and nothing is written. Queries cost nothing;
 * only documents that mention {@code mutation} are parsed here (a document that does not parse is left to
 * execution, which reports it).
 */
final class MutationBudgetInterceptor implements WebGraphQlInterceptor, Ordered {

    private final UserRateLimits limits;
    private final Budget budget;
    private final ParserOptions parserOptions;

    /** @param parserOptions execution's parser limits, so that a hostile document costs no more to parse here */
    MutationBudgetInterceptor(UserRateLimits limits, Budget budget, ParserOptions parserOptions) {
        this.limits = limits;
        this.budget = budget;
        this.parserOptions = parserOptions;
    }

    @Override
    public int getOrder() {
        // before the caller is set up, so a refused request costs nothing more; after a document sent by hash is resolved
        // to its text (the graphql package's persisted-document interceptor, the first), so its mutations are counted
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        int mutations = mutationFields(request.getDocument(), request.getOperationName(), parserOptions);
        if (mutations == 0) {
            return chain.next(request);
        }
        // a WebSocket connection has no security context: its user is the one its connection_init authenticated
        Mono<String> user = request instanceof WebSocketGraphQlRequest webSocketRequest
                ? Mono.justOrEmpty(Viewer.ofConnection(webSocketRequest.getSessionInfo())).map(Viewer::userId)
                : ReactiveSecurityContextHolder.getContext().mapNotNull(SecurityContext::getAuthentication).map(authentication -> authentication.getName());
        return user
                .flatMap(userId -> limits.take(userId, budget, mutations).thenReturn(true))
                .defaultIfEmpty(true)
                .flatMap(allowed -> chain.next(request))
                .onErrorResume(RateLimitedException.class, refused -> Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                        request.toExecutionInput(), ExecutionResult.newExecutionResult().addError(refused.toGraphQlError()).build()))));
    }

    /** The fields the request's mutation operation selects at its top level, fragments included; 0 for a query. */
    static int mutationFields(String document, @Nullable String operationName, ParserOptions parserOptions) {
        if (!document.contains("mutation")) {
            return 0;
        }
        Document parsed = SelectedOperation.parse(document, parserOptions);
        OperationDefinition operation = parsed == null ? null : SelectedOperation.of(parsed, operationName);
        if (operation == null || operation.getOperation() != OperationDefinition.Operation.MUTATION) {
            return 0;
        }
        Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first));
        return count(operation.getSelectionSet(), fragments, new HashSet<>());
    }

    private static int count(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> spread) {
        if (selections == null) {
            return 0;
        }
        int fields = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field) {
                fields++;
            } else if (selection instanceof InlineFragment inline) {
                fields += count(inline.getSelectionSet(), fragments, spread);
            } else if (selection instanceof FragmentSpread fragmentSpread && spread.add(fragmentSpread.getName())) {
                FragmentDefinition fragment = fragments.get(fragmentSpread.getName());
                fields += count(Objects.isNull(fragment) ? null : fragment.getSelectionSet(), fragments, spread);
            }
        }
        return fields;
    }
}
