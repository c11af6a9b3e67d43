package dev.orgbff.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated documents, kept by their text in a bounded cache shared by all requests, so that a
 * query clients send again and again (they send the same few) is parsed and validated once. graphql-java
 * takes one {@link PreparsedDocumentProvider}: persisted queries can later resolve their hash to a text
 * and then come through here.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    /** @param maximumSize the most documents kept; the least recently used go first */
    DocumentCache(long maximumSize) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateFunction) {
        // validation depends on the document and the schema only, never on variables, so the text is the key
        return CompletableFuture.completedFuture(documents.get(executionInput.getQuery(), query -> parseAndValidateFunction.apply(executionInput)));
    }
}
