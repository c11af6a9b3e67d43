package dev.orgbff.graphql.persisted;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How clients may send a document by its SHA-256 instead of its text ({@code orgbff.graphql.*}, next to the
 * limits of {@link dev.orgbff.graphql.limits.QueryLimits}).
 *
 * @param persistedQueries Apollo's automatic persisted queries: a client sends the hash alone, and the text once
 *     when the service does not know the hash yet.
 * @param trustedDocuments Manifests of trusted documents: Spring resource locations (classpath: or file:), each a
 *     JSON object mapping a document's SHA-256 (64 lower-case hexadecimal digits) to its text. When any is set, only
 *     those documents run, by hash or by text, and nothing is registered. Empty by default.
 */
@Validated
@ConfigurationProperties("orgbff.graphql")
public record PersistedQueryProperties(
        @Valid @NotNull @DefaultValue PersistedQueries persistedQueries,
        @NotNull @DefaultValue List<String> trustedDocuments) {

    /**
     * @param enabled Whether documents sent with extensions.persistedQuery are registered and then run by hash. Off,
     *     such requests get PersistedQueryNotSupported and Apollo's clients send the text.
     * @param maxCharacters Most characters of registered documents kept per instance, their texts and hashes
     *     together (a million take at most 3.5 MB of heap): the least recently used go first, and a client whose hash
     *     was dropped sends its text again.
     */
    public record PersistedQueries(
            @DefaultValue("true") boolean enabled,
            @Positive @DefaultValue("1000000") long maxCharacters) {
    }

    /** Whether a trusted-documents manifest is configured, which turns registration off. */
    public boolean trustedOnly() {
        return !trustedDocuments.isEmpty();
    }
}
