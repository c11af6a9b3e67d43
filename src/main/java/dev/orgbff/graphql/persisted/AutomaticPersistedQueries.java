package dev.orgbff.graphql.persisted;

import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The documents clients registered by Apollo's automatic persisted queries, by {@link DocumentHash}, in a cache shared
 * by all requests and bounded by the characters of its hashes and texts ({@link TextBound}; graphql-java's own
 * {@code InMemoryPersistedQueryCache} grows without bound). It holds texts only: their parsed and validated form lives
 * in the {@link DocumentCache}, so a document is parsed once whether it arrives as text or by hash. Its size and hit
 * rate are the {@code cache.*} metrics tagged {@code cache=graphql.persisted-queries}.
 *
 * <p>{@link ApolloPersistedQuerySupport} asks it for each request carrying {@code extensions.persistedQuery}:
 * a hash alone that is not registered is {@code PersistedQueryNotFound}; a text whose SHA-256 is not the hash is
 * {@code PersistedQueryIdInvalid}, also when the hash is registered (so a text cannot run under another document's
 * hash); a text that parses and validates is registered under its hash.
 */
public final class AutomaticPersistedQueries implements PersistedQueryCache {

    /** The {@code cache} tag of its metrics. */
    static final String METRICS_NAME = "graphql.persisted-queries";

    private final Cache<DocumentHash, String> documents;

    /**
     * @param bound the most characters of hashes and texts kept, all registered documents together: a text takes
     *     1 or 2 bytes of heap a character (Latin-1 or not) and an entry about 250 bytes besides, hence the 64
     *     characters of its hash counted too (so at most 3.5 bytes a character, for the shortest documents)
     */
    public AutomaticPersistedQueries(TextBound bound, MeterRegistry meters) {
        this.documents = bound.cache((DocumentHash hash, String text) -> hash.hex().length() + text.length(), METRICS_NAME, meters);
    }

    /** The text registered under {@code hash}, or {@code null}. */
    @Nullable String document(DocumentHash hash) {
        return documents.getIfPresent(hash);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object persistedQueryId, ExecutionInput executionInput,
            PersistedQueryCacheMiss onCacheMiss) {
        DocumentHash hash = DocumentHash.parse(persistedQueryId);
        String sent = sentText(executionInput.getQuery());
        if (hash == null || sent == null) {
            // A hash known before the request was replaced by its text (PersistedDocumentInterceptor), so the GET rule
            // and the mutation budget saw the text that runs. A hash registered since then must not be looked up
            // here: its document would run unchecked.
            throw new PersistedQueryNotFound(persistedQueryId);
        }
        // checks the text against the hash (PersistedQueryIdInvalid), then parses and validates it through the DocumentCache
        PreparsedDocumentEntry entry = onCacheMiss.apply(sent);
        if (!entry.hasErrors()) {
            documents.put(hash, sent);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** The text a request carries, or {@code null} for a request with the hash alone. */
    private static @Nullable String sentText(@Nullable String query) {
        return query == null || query.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query) ? null : query;
    }
}
