package dev.orgbff.graphql;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import io.micrometer.context.ContextSnapshot;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.orgbff.graphql.error.LogTrace;
import dev.orgbff.graphql.error.ServiceErrorType;
import dev.orgbff.graphql.limits.SelectedOperation;
import dev.orgbff.graphql.persisted.DocumentHash;
import dev.orgbff.graphql.persisted.PersistedDocuments;

/**
 * The GraphQL endpoint over HTTP, GET and POST as in the GraphQL-over-HTTP spec (and Apollo's persisted queries over
 * GET), both through the same {@link WebGraphQlHandler}, so every interceptor applies to GET exactly as to POST. Every
 * answer carries {@code Cache-Control: private, no-store}: it is for one user and must not be kept by a shared cache,
 * nor by the browser.
 *
 * <p>Both take the parameters {@code query}, {@code operationName}, {@code variables} (a JSON object) and
 * {@code extensions} (a JSON object, e.g. {@code {"persistedQuery":{"version":1,"sha256Hash":"…"}}}, when {@code query}
 * is left out), and {@code documentId} ({@code sha256:<hex>}, GraphQL-over-HTTP's persisted documents, which becomes that
 * {@code persistedQuery}): POST as a JSON object ({@code Content-Type: application/json}), GET as query parameters,
 * {@code variables} and {@code extensions} as JSON text. What is not such a request (a POST body that is empty, not
 * JSON or not a JSON object; a parameter of the wrong type; neither {@code query} nor a hash; a GET parameter given
 * twice) gets HTTP 400, a POST body of another media type HTTP 415, and an {@code Accept} header that is not a list of
 * media types HTTP 406, each with one GraphQL-shaped {@code BAD_REQUEST} error naming what is wrong, in the media type
 * the request accepts, before anything runs. A subscription sent by POST passes the same checks and interceptors and
 * is answered as server-sent events ({@link GraphQlSseHandler}'s answer), or with HTTP 406 when the request does not
 * accept {@code text/event-stream}; a query or mutation, and a subscription refused before it started (e.g. by
 * validation), is answered as JSON whatever it accepts (Spring's SSE handler would run a mutation, then answer with an
 * error). GET runs queries only: a mutation, sent as text or by a hash the service
 * knows, is refused with HTTP 405, {@code Allow: POST} and {@code METHOD_NOT_ALLOWED} before anything runs. Each
 * refusal is logged on one line. The URL is limited by the server ({@code server.netty.max-initial-line-length},
 * 4 KB): a longer one gets HTTP 414 before anything runs.
 */
final class GraphQlHttpEndpoint extends GraphQlHttpHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphQlHttpEndpoint.class);
    private static final String CACHE_CONTROL = "private, no-store";
    private static final List<String> PARAMETERS = List.of("query", "documentId", "operationName", "variables", "extensions");

    /** Request attribute of a GraphQL request that came by GET, whose document the GET rule has already checked. */
    static final String GET_REQUEST = GraphQlHttpEndpoint.class.getName() + ".GET";

    private final WebGraphQlHandler graphQlHandler;
    private final PersistedDocuments persistedDocuments;
    private final JsonMapper json;
    private final ParserOptions parserOptions;
    private final EventStreamAnswer events;

    /**
     * @param sseKeepAlive how often a comment goes out on an idle event stream ({@code spring.graphql.http.sse.keep-alive}),
     *     or {@code null} for never
     * @param sseTimeout how long an event stream waits for its first event ({@code spring.graphql.http.sse.timeout}),
     *     or {@code null} for ever
     */
    GraphQlHttpEndpoint(WebGraphQlHandler graphQlHandler, PersistedDocuments persistedDocuments, JsonMapper json, ParserOptions parserOptions,
            @Nullable Duration sseTimeout, @Nullable Duration sseKeepAlive) {
        super(graphQlHandler);
        this.graphQlHandler = graphQlHandler;
        this.events = new EventStreamAnswer(graphQlHandler, sseTimeout, sseKeepAlive);
        this.persistedDocuments = persistedDocuments;
        this.json = json;
        this.parserOptions = parserOptions;
    }

    @Override
    protected Mono<ServerResponse> prepareResponse(ServerRequest request, WebGraphQlResponse response) {
        response.getResponseHeaders().setCacheControl(CACHE_CONTROL);
        return super.prepareResponse(request, response);
    }

    /** Answers a POST request: the GraphQL response, or HTTP 400 or 415 with a GraphQL-shaped error. */
    @Override
    public Mono<ServerResponse> handleRequest(ServerRequest request) {
        if (!isJson(request)) {
            return refused(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be a JSON object, sent with Content-Type: application/json");
        }
        // a body over orgbff.graphql.max-request-size fails here, and RequestSizeLimit answers it
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            if (body.length == 0) {
                return refused(request, HttpStatus.BAD_REQUEST, "The request body is empty");
            }
            Object parsed;
            try {
                parsed = json.readValue(body, Object.class);
            } catch (StreamConstraintsException tooDeep) {
                // Jackson's limits (nesting depth above all) hold a hostile body that is still JSON
                return refused(request, HttpStatus.BAD_REQUEST, "The request body is JSON nested too deeply, or with too long a value");
            } catch (JacksonException notJson) {
                return refused(request, HttpStatus.BAD_REQUEST, "The request body is not JSON");
            }
            if (!(parsed instanceof Map<?, ?> parameters)) {
                return refused(request, HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
            }
            return handle(request, parameters);
        });
    }

    /** Answers a GET request: the GraphQL response, or HTTP 400 or 405 with a GraphQL-shaped error. */
    Mono<ServerResponse> handleGet(ServerRequest request) {
        MultiValueMap<String, String> parameters = request.queryParams();
        for (String name : PARAMETERS) {
            List<String> values = parameters.get(name);
            if (values != null && values.size() > 1) {
                return refused(request, HttpStatus.BAD_REQUEST, "The parameter '" + name + "' is given more than once");
            }
        }
        Map<String, @Nullable Object> values = new HashMap<>();
        try {
            values.put("query", parameters.getFirst("query"));
            values.put("documentId", parameters.getFirst("documentId"));
            values.put("operationName", parameters.getFirst("operationName"));
            values.put("variables", jsonParameter(parameters, "variables"));
            values.put("extensions", jsonParameter(parameters, "extensions"));
        } catch (BadRequest notJson) {
            return refused(request, HttpStatus.BAD_REQUEST, notJson.getMessage());
        }
        return handle(request, values);
    }

    /** Runs a request whose parameters were decoded from JSON (POST) or the URL (GET), once they are checked. */
    private Mono<ServerResponse> handle(ServerRequest request, Map<?, ?> parameters) {
        @Nullable String query;
        @Nullable String operationName;
        Map<String, Object> variables;
        Map<String, Object> extensions;
        try {
            query = string(parameters, "query");
            operationName = string(parameters, "operationName");
            variables = object(parameters, "variables");
            extensions = withDocumentId(object(parameters, "extensions"), string(parameters, "documentId"));
        } catch (BadRequest wrongType) {
            return refused(request, HttpStatus.BAD_REQUEST, wrongType.getMessage());
        }
        if (!isAcceptReadable(request)) {
            // Spring would answer 406 only once the request has run, a mutation too
            return refused(request, HttpStatus.NOT_ACCEPTABLE, "The header 'Accept' is not a list of media types");
        }
        boolean hashOnly = query == null || query.isBlank();
        if (hashOnly && extensions.get(PersistedDocuments.EXTENSION) == null) {
            return refused(request, HttpStatus.BAD_REQUEST,
                    "The request needs the parameter 'query', 'documentId' or 'extensions' with a persistedQuery");
        }
        boolean get = HttpMethod.GET.equals(request.method());
        String document = hashOnly ? null : query;
        if (get) {
            if (hashOnly) {
                document = persistedDocuments.persisted(extensions);
            }
            OperationDefinition.@Nullable Operation kind = document == null ? null : operationKind(document, operationName);
            if (kind != null && kind != OperationDefinition.Operation.QUERY) {
                String operation = kind.name().toLowerCase(Locale.ROOT);
                return logged(error(request, HttpStatus.METHOD_NOT_ALLOWED, "GET runs queries only: send a " + operation + " with POST",
                        ServiceErrorType.METHOD_NOT_ALLOWED), "405 for GET {}: a {}, operationName {}; GET runs queries only", request.path(),
                        operation, PersistedDocuments.loggable(operationName));
            }
            // The text checked above is the text that runs. A hash unknown here goes on as Spring's marker for a
            // request naming its document by hash only, marked so that no later lookup can find a document
            // registered meanwhile (it would run unchecked): the answer is PersistedQueryNotFound.
            request.attributes().put(GET_REQUEST, Boolean.TRUE);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document != null ? document : PersistedQuerySupport.PERSISTED_QUERY_MARKER);
        body.put("operationName", operationName);
        body.put("variables", variables);
        body.put("extensions", extensions);
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), request.cookies(),
                request.remoteAddress().orElse(null), request.attributes(), body, request.exchange().getRequest().getId(),
                request.exchange().getLocaleContext().getLocale());
        return graphQlHandler.handleRequest(graphQlRequest).flatMap(response -> response.getExecutionResult().getData() instanceof Publisher<?>
                ? subscription(request, response)
                : prepareResponse(request, response));
    }

    /**
     * Answers a subscription, which has run nothing yet (its events start when the answer is subscribed): as
     * server-sent events when the request accepts them, else HTTP 406 and nothing runs.
     */
    private Mono<ServerResponse> subscription(ServerRequest request, WebGraphQlResponse response) {
        boolean acceptsEvents;
        try {
            acceptsEvents = request.headers().accept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::isCompatibleWith);
        } catch (InvalidMediaTypeException malformed) {
            acceptsEvents = false; // refused before it ran
        }
        if (!acceptsEvents) {
            return refused(request, HttpStatus.NOT_ACCEPTABLE,
                    "A subscription is answered with server-sent events: send it with Accept: text/event-stream");
        }
        response.getResponseHeaders().setCacheControl(CACHE_CONTROL);
        return events.answer(request, response);
    }

    /**
     * The extensions of a request, with its {@code documentId} (GraphQL-over-HTTP's persisted documents) as Apollo's
     * {@code persistedQuery} of the same hash, so that every rule for a document sent by hash (the GET rule, the
     * mutation budget, trusted documents, registration, {@code PersistedQueryNotFound}) applies to it unchanged.
     *
     * @throws BadRequest when the {@code documentId} is not a SHA-256 one, or {@code persistedQuery} names another document
     */
    private static Map<String, Object> withDocumentId(Map<String, Object> extensions, @Nullable String documentId) {
        if (documentId == null) {
            return extensions;
        }
        DocumentHash hash = DocumentHash.parseDocumentId(documentId);
        if (hash == null) {
            throw new BadRequest("The parameter 'documentId' must be sha256: and the SHA-256 of the document's UTF-8 text, 64 hexadecimal digits");
        }
        if (extensions.get(PersistedDocuments.EXTENSION) != null) {
            DocumentHash persistedQuery = PersistedDocuments.hash(extensions);
            if (persistedQuery != null && !hash.equals(persistedQuery)) {
                throw new BadRequest("The parameters 'documentId' and 'extensions.persistedQuery' name different documents");
            }
            return extensions; // the same document, or a malformed persistedQuery: refused as it is without a documentId
        }
        Map<String, Object> withHash = new HashMap<>(extensions);
        withHash.put(PersistedDocuments.EXTENSION, Map.of("version", 1, "sha256Hash", hash.hex()));
        return withHash;
    }

    /** The JSON in GET parameter {@code name}, or {@code null} when it is absent or blank. */
    private @Nullable Object jsonParameter(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return json.readValue(value, Object.class);
        } catch (JacksonException notJson) {
            throw new BadRequest("The parameter '" + name + "' must be a JSON object; it is not JSON");
        }
    }

    /** The string parameter {@code name}, or {@code null} when it is absent or {@code null}. */
    private static @Nullable String string(Map<?, ?> parameters, String name) {
        Object value = parameters.get(name);
        if (value != null && !(value instanceof String)) {
            throw new BadRequest("The parameter '" + name + "' must be a string");
        }
        return (String) value;
    }

    /** The JSON object parameter {@code name}, empty when it is absent or {@code null}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> parameters, String name) {
        Object value = parameters.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw new BadRequest("The parameter '" + name + "' must be a JSON object");
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

    /** Whether the request's body is JSON, the one media type of a POST request (GraphQL-over-HTTP). */
    private static boolean isJson(ServerRequest request) {
        try {
            return request.headers().contentType().filter(MediaType.APPLICATION_JSON::equalsTypeAndSubtype).isPresent();
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** Whether the request's {@code Accept} header, if any, is a list of media types. */
    private static boolean isAcceptReadable(ServerRequest request) {
        try {
            request.headers().accept();
            return true;
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** Refuses a request that is not a GraphQL-over-HTTP request: one log line, one {@code BAD_REQUEST} error. */
    private static Mono<ServerResponse> refused(ServerRequest request, HttpStatus status, String problem) {
        return logged(error(request, status, problem, ErrorType.BAD_REQUEST), "{} for {} {}: {}", status.value(), request.method(),
                request.path(), problem);
    }

    /** {@code answer}, once one line about it is logged with the request's trace (the line holds none of the client's text). */
    private static Mono<ServerResponse> logged(Mono<ServerResponse> answer, String format, Object... arguments) {
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope trace = LogTrace.of(context)) {
                log.info(format, arguments);
            }
            return answer;
        });
    }

    /** An answer of one GraphQL error, in the media type normal answers to this request have. */
    private static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, String message, ErrorClassification classification) {
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .contentType(responseType(request));
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            response.allow(HttpMethod.POST);
        }
        return response.bodyValue(Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("classification", classification.toString())))));
    }

    /** The first of {@code application/graphql-response+json} and {@code application/json} the request accepts, as Spring chooses. */
    private static MediaType responseType(ServerRequest request) {
        try {
            for (MediaType accepted : request.headers().accept()) {
                if (accepted.equals(MediaTypes.APPLICATION_GRAPHQL_RESPONSE) || accepted.equals(MediaType.APPLICATION_JSON)) {
                    return accepted;
                }
            }
        } catch (InvalidMediaTypeException malformed) {
            // as when nothing is accepted
        }
        return MediaType.APPLICATION_JSON;
    }

    /** Spring's server-sent events answer to a subscription, for a request this endpoint has checked and run. */
    private static final class EventStreamAnswer extends GraphQlSseHandler {

        EventStreamAnswer(WebGraphQlHandler handler, @Nullable Duration timeout, @Nullable Duration keepAlive) {
            super(handler, timeout, keepAlive);
        }

        Mono<ServerResponse> answer(ServerRequest request, WebGraphQlResponse response) {
            return prepareResponse(request, response);
        }
    }

    /** A request's parameter that is not what GraphQL-over-HTTP says it is. */
    private static final class BadRequest extends RuntimeException {

        BadRequest(String problem) {
            super(problem, null, false, false); // an expected refusal: no stack trace
        }
    }
}
