package dev.orgbff.graphql;

import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;

/**
 * The documents clients registered by Apollo's automatic persisted queries, by {@link DocumentHash}, in a bounded
 * cache shared by all requests (graphql-java's own {@code InMemoryPersistedQueryCache} grows without bound). It holds
 * texts only: their parsed and validated form lives in the {@link DocumentCache}, so a document is parsed once
 * whether it arrives as text or by hash.
 *
 * <p>{@link ApolloPersistedQuerySupport} asks it for each request carrying {@code extensions.persistedQuery}:
 * a hash alone that is not registered is {@code PersistedQueryNotFound}; a text whose SHA-256 is not the hash is
 * {@code PersistedQueryIdInvalid}, also when the hash is registered (so a text cannot run under another document's
 * hash); a text that parses and validates is registered under its hash.
 */
final class AutomaticPersistedQueries implements PersistedQueryCache {

    private final Cache<DocumentHash, String> documents;

    /** @param maximumSize the most hashes kept; the least recently used go first */
    AutomaticPersistedQueries(long maximumSize) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
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
