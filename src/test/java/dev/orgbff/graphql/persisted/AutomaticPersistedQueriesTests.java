package dev.orgbff.graphql.persisted;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.parser.Parser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class AutomaticPersistedQueriesTests {

    private static final String MUTATION = "mutation Create { createOrganization(input: {name: \"x\"}) { organization { id } } }";

    /** A registry of a few short documents. */
    public static AutomaticPersistedQueries registry() {
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
}
