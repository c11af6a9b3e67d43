package dev.orgbff.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The GraphQL endpoint over HTTP: Spring's POST handler (Boot routes POST to this bean), plus GET as in the
 * GraphQL-over-HTTP spec and Apollo's persisted queries over GET, both through the same {@link WebGraphQlHandler},
 * so every interceptor applies to GET exactly as to POST. Every answer carries {@code Cache-Control: private,
 * no-store}: it is for one user and must not be kept by a shared cache, nor by the browser.
 *
 * <p>GET takes the parameters {@code query}, {@code operationName}, {@code variables} (a JSON object) and
 * {@code extensions} (a JSON object, e.g. {@code {"persistedQuery":{"version":1,"sha256Hash":"…"}}}, when
 * {@code query} is left out). It runs queries only: a mutation, sent as text or by a hash the service knows, is
 * refused with HTTP 405, {@code Allow: POST} and a GraphQL-shaped error ({@code METHOD_NOT_ALLOWED}) before anything
 * runs. Parameters that are not a GraphQL request get HTTP 400 ({@code BAD_REQUEST}). Each refusal is logged on one
 * line. The URL is limited by the server ({@code server.netty.max-initial-line-length}, 4 KB): a longer one gets
 * HTTP 414 before anything runs.
 */
final class GraphQlHttpEndpoint extends GraphQlHttpHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphQlHttpEndpoint.class);
    private static final String CACHE_CONTROL = "private, no-store";
    private static final List<String> PARAMETERS = List.of("query", "operationName", "variables", "extensions");

    /** Request attribute of a GraphQL request that came by GET, whose document the GET rule has already checked. */
    static final String GET_REQUEST = GraphQlHttpEndpoint.class.getName() + ".GET";

    private final WebGraphQlHandler graphQlHandler;
    private final PersistedDocuments persistedDocuments;
    private final JsonMapper json;
    private final ParserOptions parserOptions;

    GraphQlHttpEndpoint(WebGraphQlHandler graphQlHandler, PersistedDocuments persistedDocuments, JsonMapper json, ParserOptions parserOptions) {
        super(graphQlHandler);
        this.graphQlHandler = graphQlHandler;
        this.persistedDocuments = persistedDocuments;
        this.json = json;
        this.parserOptions = parserOptions;
    }

    @Override
    protected Mono<ServerResponse> prepareResponse(ServerRequest request, WebGraphQlResponse response) {
        response.getResponseHeaders().setCacheControl(CACHE_CONTROL);
        return super.prepareResponse(request, response);
    }

    /** Answers a GET request: the GraphQL response, or HTTP 400 or 405 with a GraphQL-shaped error. */
    Mono<ServerResponse> handleGet(ServerRequest request) {
        MultiValueMap<String, String> parameters = request.queryParams();
        for (String name : PARAMETERS) {
            List<String> values = parameters.get(name);
            if (values != null && values.size() > 1) {
                return badRequest(request, "The parameter '" + name + "' is given more than once");
            }
        }
        String query = parameters.getFirst("query");
        String operationName = parameters.getFirst("operationName");
        Map<String, Object> variables;
        Map<String, Object> extensions;
        try {
            variables = jsonObject(parameters, "variables");
            extensions = jsonObject(parameters, "extensions");
        } catch (IllegalArgumentException notJson) {
            return badRequest(request, notJson.getMessage());
        }
        boolean hashOnly = query == null || query.isBlank();
        if (hashOnly && extensions.get(PersistedDocuments.EXTENSION) == null) {
            return badRequest(request, "A GET request needs the parameter 'query', or 'extensions' with a persistedQuery");
        }
        String document = hashOnly ? persistedDocuments.persisted(extensions) : query;
        OperationDefinition.@Nullable Operation kind = document == null ? null : operationKind(document, operationName);
        if (kind != null && kind != OperationDefinition.Operation.QUERY) {
            String operation = kind.name().toLowerCase(Locale.ROOT);
            log.info("405 for GET {}: a {}, operationName {}; GET runs queries only", request.path(), operation,
                    PersistedDocuments.loggable(operationName));
            return error(HttpStatus.METHOD_NOT_ALLOWED, "GET runs queries only: send a " + operation + " with POST",
                    ServiceErrorType.METHOD_NOT_ALLOWED.name());
        }
        Map<String, Object> body = new HashMap<>();
        // The text checked above is the text that runs. A hash unknown here goes on as Spring's marker for a
        // request naming its document by hash only, marked so that no later lookup can find a document
        // registered meanwhile (it would run unchecked): the answer is PersistedQueryNotFound.
        body.put("query", document != null ? document : PersistedQuerySupport.PERSISTED_QUERY_MARKER);
        request.attributes().put(GET_REQUEST, Boolean.TRUE);
        body.put("operationName", operationName);
        body.put("variables", variables);
        body.put("extensions", extensions);
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), request.cookies(),
                request.remoteAddress().orElse(null), request.attributes(), body, request.exchange().getRequest().getId(),
                request.exchange().getLocaleContext().getLocale());
        return graphQlHandler.handleRequest(graphQlRequest).flatMap(response -> prepareResponse(request, response));
    }

    /** The JSON object in parameter {@code name}, empty when it is absent or {@code null}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonObject(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = json.readValue(value, Object.class);
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException("The parameter '" + name + "' must be a JSON object; it is not JSON");
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("The parameter '" + name + "' must be a JSON object");
        }
        return (Map<String, Object>) object;
    }

    /** The kind of the operation {@code document} runs, or {@code null} when execution is to report it (unparsable, not found). */
    private OperationDefinition.@Nullable Operation operationKind(String document, @Nullable String operationName) {
        if (!document.contains("mutation") && !document.contains("subscription")) {
            return OperationDefinition.Operation.QUERY; // no need to parse: only a query can run
        }
        Document parsed = SelectedOperation.parse(document, parserOptions);
        OperationDefinition operation = parsed == null ? null : SelectedOperation.of(parsed, operationName);
        return operation == null ? null : operation.getOperation();
    }

    private static Mono<ServerResponse> badRequest(ServerRequest request, String problem) {
        log.info("400 for GET {}: {}", request.path(), problem);
        return error(HttpStatus.BAD_REQUEST, problem, ErrorType.BAD_REQUEST.name());
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message, String classification) {
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            response.allow(HttpMethod.POST);
        }
        return response.bodyValue(Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", classification)))));
    }
}
