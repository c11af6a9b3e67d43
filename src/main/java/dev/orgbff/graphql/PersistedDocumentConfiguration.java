package dev.orgbff.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import graphql.parser.ParserOptions;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.orgbff.graphql.persisted.AutomaticPersistedQueries;
import dev.orgbff.graphql.persisted.DocumentCache;
import dev.orgbff.graphql.persisted.PersistedDocuments;
import dev.orgbff.graphql.persisted.PersistedQueryProperties;
import dev.orgbff.graphql.persisted.TextBound;
import dev.orgbff.graphql.persisted.TrustedDocuments;

/**
 * How documents reach graphql-java: the {@link DocumentCache} of parsed documents, documents sent by hash
 * ({@link PersistedDocuments}: automatic persisted queries or trusted documents, {@link PersistedQueryProperties}),
 * and the endpoint over GET as well as POST ({@link GraphQlHttpEndpoint}).
 */
@Configuration(proxyBeanMethods = false)
class PersistedDocumentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersistedDocumentConfiguration.class);

    /**
     * The most characters of document text kept parsed and validated, about 60 MB of heap at worst (see
     * {@link DocumentCache}); the canonical operations and GraphiQL's need a dozen documents of 0.5 to 3 KB, and an
     * app with 300 operations of 3 KB still fits.
     */
    private static final TextBound PARSED_DOCUMENT_TEXT = new TextBound(1_000_000);

    @Bean
    PersistedDocuments persistedDocuments(PersistedQueryProperties properties, ResourceLoader resources, JsonMapper json, MeterRegistry meters) {
        if (properties.trustedOnly()) {
            TrustedDocuments trusted = TrustedDocuments.read(properties.trustedDocuments(), resources, json);
            log.info("Trusted documents only: {} documents from {}; any other document is refused", trusted.size(), properties.trustedDocuments());
            return new PersistedDocuments(null, trusted);
        }
        PersistedQueryProperties.PersistedQueries persistedQueries = properties.persistedQueries();
        return new PersistedDocuments(persistedQueries.enabled()
                ? new AutomaticPersistedQueries(new TextBound(persistedQueries.maxCharacters()), meters)
                : null, null);
    }

    @Bean
    PersistedDocumentInterceptor persistedDocumentInterceptor(PersistedDocuments documents) {
        return new PersistedDocumentInterceptor(documents);
    }

    /** Each distinct document is parsed and validated once (up to a million characters of them kept), whether sent as text or by hash. */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache(PersistedDocuments documents, MeterRegistry meters) {
        DocumentCache cache = new DocumentCache(PARSED_DOCUMENT_TEXT, documents.registered(), meters);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /** Replaces Boot's POST handler (which it then routes to this one) to add GET, the caching headers and GraphQL-shaped refusals. */
    @Bean
    GraphQlHttpEndpoint graphQlHttpEndpoint(WebGraphQlHandler handler, PersistedDocuments documents, JsonMapper json, ParserOptions parserOptions,
            GraphQlProperties graphQl) {
        GraphQlProperties.Sse sse = graphQl.getHttp().getSse();
        return new GraphQlHttpEndpoint(handler, documents, json, parserOptions, sse.getTimeout(), sse.getKeepAlive());
    }

    /**
     * GET and POST on the GraphQL path, ahead of Boot's routes, which answer GET with 405 and a POST body that is not
     * JSON with an empty 415. Every POST comes here, also one accepting only server-sent events: the endpoint answers a
     * subscription with them after its checks, which Boot's SSE route skips (it would also run a mutation, then answer
     * with an error instead of its result).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlRoutes(GraphQlHttpEndpoint endpoint, GraphQlProperties graphQl) {
        String path = graphQl.getHttp().getPath();
        return RouterFunctions.route()
                .GET(path, endpoint::handleGet)
                .POST(path, endpoint::handleRequest)
                .build();
    }
}
