package dev.orgbff.graphql.persisted;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link PreparsedDocumentProvider} of graphql-java: parsed and validated documents, kept by their text in a
 * cache shared by all requests, bounded by the length of their texts ({@link TextBound}), so that a query clients send
 * again and again (they send the same few) is parsed and validated once. With automatic persisted queries on, requests
 * carrying {@code extensions.persistedQuery} go through graphql-java's {@link ApolloPersistedQuerySupport} and its
 * {@link AutomaticPersistedQueries} first, which resolve the hash to a text and parse it here: a document is parsed
 * once whether it arrives as text or by hash. Its size and hit rate are the {@code cache.*} metrics tagged
 * {@code cache=graphql.documents}.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

    /** The {@code cache} tag of its metrics. */
    static final String METRICS_NAME = "graphql.documents";

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final @Nullable ApolloPersistedQuerySupport persistedQueries;

    /**
     * @param bound the most characters of document text kept, all documents together. Bounded by text rather than
     *     by count because a parsed and validated document holds 20 to 60 times its text (measured: 290 KB for a
     *     14 KB document of 550 aliased fields, about 60 bytes a character for a long list argument, 27 for the
     *     shortest documents; a document that fails validation is kept with its errors), and any token holder can send
     *     distinct documents of up to {@code max-tokens}: 1,000 of those were 300 MB.
     */
    public DocumentCache(TextBound bound, @Nullable AutomaticPersistedQueries persistedQueries, MeterRegistry meters) {
        this.documents = bound.cache((String query, PreparsedDocumentEntry entry) -> query.length(), METRICS_NAME, meters);
        this.persistedQueries = persistedQueries == null ? null : new ApolloPersistedQuerySupport(persistedQueries);
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
