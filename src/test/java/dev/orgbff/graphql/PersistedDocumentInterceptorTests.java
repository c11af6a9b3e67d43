package dev.orgbff.graphql;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import dev.orgbff.graphql.persisted.AutomaticPersistedQueries;
import dev.orgbff.graphql.persisted.AutomaticPersistedQueriesTests;
import dev.orgbff.graphql.persisted.DocumentHash;
import dev.orgbff.graphql.persisted.PersistedDocuments;

import static org.assertj.core.api.Assertions.assertThat;

class PersistedDocumentInterceptorTests {

    private static final String MUTATION = "mutation Create { createOrganization(input: {name: \"x\"}) { organization { id } } }";

    @Test
    void getByHashAlone_stillWithoutTextAtTheInterceptor_isNotGivenATextRegisteredMeanwhile() {
        // given: a GET whose hash was unknown when GraphQlHttpEndpoint checked it, registered since
        AutomaticPersistedQueries cache = AutomaticPersistedQueriesTests.registry();
        DocumentHash hash = DocumentHash.of(MUTATION);
        cache.getPersistedQueryDocumentAsync(hash.hex(), ExecutionInput.newExecutionInput(MUTATION).build(),
                text -> new PreparsedDocumentEntry(Parser.parse(text))).join();
        PersistedDocumentInterceptor interceptor = new PersistedDocumentInterceptor(new PersistedDocuments(cache, null));
        Map<String, Object> attributes = new HashMap<>(Map.of(GraphQlHttpEndpoint.GET_REQUEST, true));
        Map<String, Object> body = new HashMap<>(Map.of("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER,
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash.hex()))));
        WebGraphQlRequest get = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), new LinkedMultiValueMap<>(),
                null, attributes, body, "1", Locale.ROOT);
        AtomicReference<String> forwarded = new AtomicReference<>();
        // when
        interceptor.intercept(get, request -> {
            forwarded.set(request.getDocument());
            return Mono.empty();
        }).block();
        // then
        assertThat(forwarded.get()).isEqualTo(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
    }
}
