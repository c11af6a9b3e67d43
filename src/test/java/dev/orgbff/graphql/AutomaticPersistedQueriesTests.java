package dev.orgbff.graphql;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.parser.Parser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutomaticPersistedQueriesTests {

    private static final String MUTATION = "mutation Create { createOrganization(input: {name: \"x\"}) { organization { id } } }";

    /** A registry of a few short documents. */
    static AutomaticPersistedQueries registry() {
        return new AutomaticPersistedQueries(new TextBound(10_000), new SimpleMeterRegistry());
    }

    @Test
    void hashAlone_registeredAfterTheChecksBeforeExecution_isNotFoundSoItsDocumentNeverRunsUnchecked() {
        // given: the hash registered by another request after this one's GET rule and mutation budget saw no text
        AutomaticPersistedQueries cache = registry();
        DocumentHash hash = DocumentHash.of(MUTATION);
        cache.getPersistedQueryDocumentAsync(hash.hex(), ExecutionInput.newExecutionInput(MUTATION).build(),
                text -> new PreparsedDocumentEntry(Parser.parse(text))).join();
        assertThat(cache.document(hash)).isEqualTo(MUTATION);
        // when / then
        assertThatThrownBy(() -> cache.getPersistedQueryDocumentAsync(hash.hex(),
                ExecutionInput.newExecutionInput(PersistedQuerySupport.PERSISTED_QUERY_MARKER).build(),
                text -> new PreparsedDocumentEntry(Parser.parse(text))))
                .isInstanceOf(PersistedQueryNotFound.class);
    }

    @Test
    void getByHashAlone_stillWithoutTextAtTheInterceptor_isNotGivenATextRegisteredMeanwhile() {
        // given: a GET whose hash was unknown when GraphQlHttpEndpoint checked it, registered since
        AutomaticPersistedQueries cache = registry();
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
