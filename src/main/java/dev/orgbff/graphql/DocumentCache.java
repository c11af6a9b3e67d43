package dev.orgbff.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link PreparsedDocumentProvider} of graphql-java: parsed and validated documents, kept by their text in a
 * bounded cache shared by all requests, so that a query clients send again and again (they send the same few) is
 * parsed and validated once. With automatic persisted queries on, requests carrying {@code extensions.persistedQuery}
 * go through graphql-java's {@link ApolloPersistedQuerySupport} and its {@link AutomaticPersistedQueries} first,
 * which resolve the hash to a text and parse it here: a document is parsed once whether it arrives as text or by
 * hash. Its size and hit rate are the {@code cache.*} metrics tagged {@code cache=graphql.documents}.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    /** The {@code cache} tag of its metrics. */
    static final String METRICS_NAME = "graphql.documents";

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final @Nullable ApolloPersistedQuerySupport persistedQueries;

    /**
     * @param maximumSize the most documents kept; the least recently used go first
     * @param persistedQueries the registered hashes, or {@code null} when clients may not register documents
     *     (automatic persisted queries off, or trusted documents only, resolved before execution)
     */
    DocumentCache(long maximumSize, @Nullable AutomaticPersistedQueries persistedQueries, MeterRegistry meters) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
        this.persistedQueries = persistedQueries == null ? null : new ApolloPersistedQuerySupport(persistedQueries);
        CaffeineCacheMetrics.monitor(meters, documents, METRICS_NAME);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateFunction) {
        // validation depends on the document and the schema only, never on variables, so the text is the key
        Function<ExecutionInput, PreparsedDocumentEntry> cached = input -> documents.get(input.getQuery(), query -> parseAndValidateFunction.apply(input));
        return persistedQueries == null
                ? CompletableFuture.completedFuture(cached.apply(executionInput))
                : persistedQueries.getDocumentAsync(executionInput, cached);
    }
}
