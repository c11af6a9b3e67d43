package dev.orgbff.graphql.persisted;

import java.util.Map;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.graphql.error.ServiceErrorType;

/**
 * The rules for documents sent by hash ({@code extensions.persistedQuery = {"version": 1, "sha256Hash": "…"}}, the
 * protocol of Apollo's automatic persisted queries, which {@link dev.orgbff.graphql.GraphQlHttpEndpoint} also makes
 * of GraphQL-over-HTTP's {@code documentId}), checked before anything runs, in one of three modes:
 * <ul>
 * <li><b>automatic persisted queries</b> (the default): a hash the service knows runs its registered text; an
 * unknown one is left to graphql-java, which answers {@code PersistedQueryNotFound} so that the client sends the
 * text with the hash, which registers it ({@link AutomaticPersistedQueries});
 * <li><b>trusted documents</b> ({@code orgbff.graphql.trusted-documents}): only the documents of the manifests run,
 * sent by hash or as text; anything else is refused with {@code PERSISTED_QUERY_NOT_TRUSTED} and one log line, and
 * nothing is registered ({@link TrustedDocuments});
 * <li><b>off</b> ({@code orgbff.graphql.persisted-queries.enabled=false}): a request with a hash gets
 * {@code PersistedQueryNotSupported}, on which Apollo's clients fall back to sending the text.
 * </ul>
 * A malformed {@code extensions.persistedQuery} (not an object, a version other than 1, a hash that is not 64
 * hexadecimal digits) is {@code BAD_REQUEST} in every mode.
 */
public final class PersistedDocuments {

    private static final Logger log = LoggerFactory.getLogger(PersistedDocuments.class);

    /** The extension that names a document by its hash. */
    public static final String EXTENSION = "persistedQuery";
    private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");
    private static final String NOT_TRUSTED = "This service runs only trusted documents, and this document is not one of them";

    private final @Nullable AutomaticPersistedQueries automatic;
    private final @Nullable TrustedDocuments trusted;

    /**
     * @param automatic the registered documents, or {@code null} when clients may not register any
     * @param trusted the only documents allowed, or {@code null} outside trusted-documents mode
     */
    public PersistedDocuments(@Nullable AutomaticPersistedQueries automatic, @Nullable TrustedDocuments trusted) {
        this.automatic = trusted == null ? automatic : null;
        this.trusted = trusted;
    }

    /** The documents clients register by automatic persisted queries, or {@code null} when they may not register any. */
    public @Nullable AutomaticPersistedQueries registered() {
        return automatic;
    }

    /**
     * What a request runs.
     *
     * @param sent the document's text, or {@code null} when the request carries only a hash
     * @param operationName the operation the request names, for the log line of a refusal
     * @param extensions the request's extensions
     * @return the document to run (the text sent, or the one persisted under the hash), no document when graphql-java
     *     is to answer (an unknown hash), or the error that refuses the request
     */
    public Resolution resolve(@Nullable String sent, @Nullable String operationName, Map<String, Object> extensions) {
        DocumentHash hash = null;
        if (extensions.get(EXTENSION) != null) {
            String problem = problem(extensions.get(EXTENSION));
            if (problem != null) {
                log.info("Refused a request with a malformed extensions.persistedQuery: {}", problem);
                return Resolution.refused(GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(problem).build());
            }
            hash = hash(extensions);
            if (automatic == null && trusted == null) {
                // Apollo Server's answer when persisted queries are off; Apollo's clients then send the text instead
                return Resolution.refused(GraphQLError.newError().errorType(ErrorClassification.errorClassification("PersistedQueryNotSupported"))
                        .message("PersistedQueryNotSupported").build());
            }
        }
        if (trusted != null) {
            return resolveTrusted(sent, hash, operationName);
        }
        if (sent == null && hash != null && automatic != null) {
            return Resolution.of(automatic.document(hash)); // null: graphql-java answers PersistedQueryNotFound
        }
        return Resolution.of(sent);
    }

    private Resolution resolveTrusted(@Nullable String sent, @Nullable DocumentHash hash, @Nullable String operationName) {
        if (sent != null && hash != null && !hash.matches(sent)) {
            // graphql-java's answer to a text that is not the hash's (ApolloPersistedQuerySupport is not asked in this mode)
            PersistedQueryIdInvalid invalid = new PersistedQueryIdInvalid(hash.hex());
            return Resolution.refused(GraphQLError.newError().errorType(invalid).message(invalid.getMessage()).extensions(invalid.getExtensions()).build());
        }
        DocumentHash key = hash != null ? hash : DocumentHash.of(sent == null ? "" : sent);
        String document = trusted == null ? null : trusted.document(key);
        if (document == null) {
            log.info("Refused a document that is not trusted: operationName {}, sha256 {} ({})", loggable(operationName), key,
                    sent == null ? "sent by hash" : "sent as text");
            return Resolution.refused(GraphQLError.newError().errorType(ServiceErrorType.PERSISTED_QUERY_NOT_TRUSTED).message(NOT_TRUSTED).build());
        }
        return Resolution.of(document);
    }

    /**
     * The document persisted under the hash of a request's {@code extensions.persistedQuery} (trusted or registered),
     * or {@code null} when there is none, it is malformed or it is not known.
     */
    public @Nullable String persisted(Map<String, Object> extensions) {
        DocumentHash hash = problem(extensions.get(EXTENSION)) == null ? hash(extensions) : null;
        if (hash == null) {
            return null;
        }
        return trusted != null ? trusted.document(hash) : automatic != null ? automatic.document(hash) : null;
    }

    /** A request's operation name as a log line may show it: a GraphQL name, or a placeholder (never line breaks). */
    public static String loggable(@Nullable String operationName) {
        if (operationName == null || operationName.isEmpty()) {
            return "(none)";
        }
        return GRAPHQL_NAME.matcher(operationName).matches() ? operationName : "(not a GraphQL name)";
    }

    /** The hash of {@code extensions.persistedQuery}, or {@code null} when it is absent or malformed. */
    public static @Nullable DocumentHash hash(Map<String, Object> extensions) {
        return extensions.get(EXTENSION) instanceof Map<?, ?> persistedQuery ? DocumentHash.parse(persistedQuery.get("sha256Hash")) : null;
    }

    /** What is wrong with {@code extensions.persistedQuery}, or {@code null} when it is well-formed or absent. */
    private static @Nullable String problem(@Nullable Object persistedQuery) {
        if (persistedQuery == null) {
            return null;
        }
        if (!(persistedQuery instanceof Map<?, ?> fields)) {
            return "extensions.persistedQuery must be an object {\"version\": 1, \"sha256Hash\": \"<the document's SHA-256>\"}";
        }
        if (!(fields.get("version") instanceof Number version) || version.doubleValue() != 1) {
            return "extensions.persistedQuery.version must be 1";
        }
        if (DocumentHash.parse(fields.get("sha256Hash")) == null) {
            return "extensions.persistedQuery.sha256Hash must be the SHA-256 of the document's UTF-8 text, as 64 hexadecimal digits";
        }
        return null;
    }

    /**
     * The outcome of {@link #resolve}.
     *
     * @param document the text to run, or {@code null} when the request goes on as it is
     * @param refusal the error that refuses the request before anything runs, or {@code null}
     */
    public record Resolution(@Nullable String document, @Nullable GraphQLError refusal) {

        static Resolution of(@Nullable String document) {
            return new Resolution(document, null);
        }

        static Resolution refused(GraphQLError refusal) {
            return new Resolution(null, refusal);
        }
    }
}
