package dev.orgbff.graphql.persisted;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The documents a production deployment runs, and no others ({@code orgbff.graphql.trusted-documents}): read once at
 * startup from one or more manifests, each a JSON object mapping a document's SHA-256 ({@link DocumentHash}, 64
 * hexadecimal digits, with or without the prefix {@code sha256:}) to its text, as GraphQL Code Generator's client
 * preset writes {@code persisted-documents.json} (since version 6 by {@code sha256:<hex>}; before, by the hex alone
 * with {@code hashAlgorithm: 'sha256'}). A manifest that cannot be read, holds no document, or maps a key to a text whose
 * SHA-256 is not that key stops the application at startup with a message naming it.
 */
public final class TrustedDocuments {

    private final Map<DocumentHash, String> documents;

    private TrustedDocuments(Map<DocumentHash, String> documents) {
        this.documents = Map.copyOf(documents);
    }

    /**
     * Reads the manifests at {@code locations} ({@code classpath:}, {@code file:} or any Spring resource location).
     *
     * @throws IllegalStateException naming the manifest and the problem, when one is missing or malformed
     */
    public static TrustedDocuments read(List<String> locations, ResourceLoader resources, JsonMapper json) {
        Map<DocumentHash, String> documents = new HashMap<>();
        for (String location : locations) {
            documents.putAll(read(location, resources.getResource(location), json));
        }
        return new TrustedDocuments(documents);
    }

    private static Map<DocumentHash, String> read(String location, Resource manifest, JsonMapper json) {
        JsonNode root;
        try (InputStream in = manifest.getInputStream()) {
            root = json.readTree(in);
        } catch (IOException | JacksonException unreadable) {
            throw invalid(location, manifest.exists() ? "it is not JSON (" + unreadable.getClass().getSimpleName() + ")" : "it does not exist");
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw invalid(location, "it must be a JSON object of at least one document, {\"<sha256>\": \"<document>\", ...}");
        }
        Map<DocumentHash, String> documents = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            DocumentHash hash = DocumentHash.parseDocumentId(entry.getKey());
            if (hash == null || !entry.getValue().isString()) {
                throw invalid(location, "each key must be a SHA-256, 64 hexadecimal digits with or without the prefix sha256:, and each value"
                        + " a document's text; '" + abbreviate(entry.getKey()) + "' is not");
            }
            String document = entry.getValue().asString();
            if (!hash.matches(document)) {
                throw invalid(location, "'" + abbreviate(entry.getKey()) + "' is not the SHA-256 of its document (GraphQL Code Generator"
                        + " before version 6 hashes with sha1 unless persistedDocuments.hashAlgorithm is 'sha256')");
            }
            documents.put(hash, document);
        }
        return documents;
    }

    private static IllegalStateException invalid(String location, String problem) {
        return new IllegalStateException("orgbff.graphql.trusted-documents: the manifest " + location + " cannot be used: " + problem);
    }

    private static String abbreviate(String key) {
        return key.length() <= 80 ? key : key.substring(0, 77) + "..."; // a whole sha256:<hex>
    }

    /** The trusted document with this hash, or {@code null}. */
    @Nullable String document(DocumentHash hash) {
        return documents.get(hash);
    }

    /** How many documents the manifests hold. */
    public int size() {
        return documents.size();
    }
}
