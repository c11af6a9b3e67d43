package dev.orgbff.graphql;

import java.util.HashMap;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

import dev.orgbff.graphql.persisted.PersistedDocuments;

/**
 * Applies {@link PersistedDocuments} to every GraphQL request, first of all interceptors: a refused request is
 * answered with its one error and nothing runs; a request that carries only a hash continues with the text persisted
 * under it, so that every later interceptor (the mutation budget counts mutation fields in the text) and the GET
 * rules see the operation it runs, exactly as if the client had sent the text. A GET request arrives with its text
 * already (GraphQlHttpEndpoint looks it up to refuse mutations); one still without it named a hash unknown then, and
 * is not looked up again.
 */
final class PersistedDocumentInterceptor implements WebGraphQlInterceptor, Ordered {

    private final PersistedDocuments documents;

    PersistedDocumentInterceptor(PersistedDocuments documents) {
        this.documents = documents;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // a replaced request would lose what interceptors before it configured
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String sent = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument()) ? null : request.getDocument();
        PersistedDocuments.Resolution resolution = documents.resolve(sent, request.getOperationName(), request.getExtensions());
        if (resolution.refusal() != null) {
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                    ExecutionResult.newExecutionResult().addError(resolution.refusal()).build())));
        }
        if (sent == null && resolution.document() != null && !request.getAttributes().containsKey(GraphQlHttpEndpoint.GET_REQUEST)) {
            return chain.next(withDocument(request, resolution.document()));
        }
        return chain.next(request);
    }

    /** The same request (id, headers, attributes, variables, extensions) with the document's text. */
    private static WebGraphQlRequest withDocument(WebGraphQlRequest request, String document) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("operationName", request.getOperationName());
        body.put("variables", request.getVariables());
        body.put("extensions", request.getExtensions());
        return new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(), request.getRemoteAddress(),
                request.getAttributes(), body, request.getId(), request.getLocale());
    }
}
