package dev.orgbff.graphql.persisted;

import java.util.Locale;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for documents sent by hash in each mode, without HTTP: what the automatic-persisted-queries and
 * trusted-documents tests do not reach (persisted queries switched off; what is looked up for the GET rules).
 */
class PersistedDocumentsTests {

    private static final String ME = "query Me { viewer { user { name } } }";

    @Test
    void resolve_persistedQueriesOff_hashRefusedAsNotSupported_textRuns() {
        // given
        PersistedDocuments off = new PersistedDocuments(null, null);
        // when
        PersistedDocuments.Resolution byHash = off.resolve(null, null, extensions(DocumentHash.of(ME).hex()));
        PersistedDocuments.Resolution byText = off.resolve(ME, null, Map.of());
        // then
        assertThat(byHash.refusal()).isNotNull();
        assertThat(byHash.refusal().getMessage()).isEqualTo("PersistedQueryNotSupported");
        assertThat(byHash.refusal().getErrorType().toString()).isEqualTo("PersistedQueryNotSupported");
        assertThat(byText.refusal()).isNull();
        assertThat(byText.document()).isEqualTo(ME);
    }

    @Test
    void persisted_afterAValidTextWithItsHash_theText() {
        // given
        AutomaticPersistedQueries registered = AutomaticPersistedQueriesTests.registry();
        PersistedDocuments documents = new PersistedDocuments(registered, null);
        String hash = DocumentHash.of(ME).hex();
        assertThat(documents.persisted(extensions(hash))).isNull();
        // when
        registered.getPersistedQueryDocumentAsync(hash, ExecutionInput.newExecutionInput(ME).build(),
                text -> new PreparsedDocumentEntry(Parser.parse(text)));
        // then
        assertThat(documents.persisted(extensions(hash))).isEqualTo(ME);
        assertThat(documents.persisted(extensions(hash.toUpperCase(Locale.ROOT)))).isEqualTo(ME);
        assertThat(documents.persisted(Map.of("persistedQuery", "not an object"))).isNull();
    }

    @Test
    void persisted_afterAnInvalidTextWithItsHash_nothingRegistered() {
        // given
        AutomaticPersistedQueries registered = AutomaticPersistedQueriesTests.registry();
        PersistedDocuments documents = new PersistedDocuments(registered, null);
        String invalid = "query Me { viewer { nope } }";
        String hash = DocumentHash.of(invalid).hex();
        // when
        registered.getPersistedQueryDocumentAsync(hash, ExecutionInput.newExecutionInput(invalid).build(),
                text -> new PreparsedDocumentEntry(GraphQLError.newError().message("Validation error").build()));
        // then
        assertThat(documents.persisted(extensions(hash))).isNull();
    }

    private static Map<String, Object> extensions(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }
}
