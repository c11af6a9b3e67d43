package dev.orgbff.graphql.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 of a GraphQL document's UTF-8 text as 64 lower-case hexadecimal digits: the id Apollo's automatic
 * persisted queries and trusted-documents manifests use for it (what {@code sha256sum} prints for a file holding
 * exactly that text), and, prefixed with {@code sha256:}, its document identifier in GraphQL-over-HTTP's persisted
 * documents ({@code documentId}).
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record DocumentHash(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");
    /** The prefix of a SHA-256 hex document identifier. */
    private static final String SHA256 = "sha256:";

    /** The hash of {@code document}. */
    public static DocumentHash of(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return new DocumentHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }

    /** The hash written as {@code value} (either case), or {@code null} when it is not 64 hexadecimal digits. */
    static @Nullable DocumentHash parse(@Nullable Object value) {
        return value instanceof String text && HEX.matcher(text).matches() ? new DocumentHash(text.toLowerCase(Locale.ROOT)) : null;
    }

    /**
     * The hash a document identifier names, or {@code null} when it names none this way: {@code sha256:} and 64
     * hexadecimal digits (GraphQL-over-HTTP's SHA-256 hex document identifier, which GraphQL Code Generator's client
     * preset writes since version 6), or the 64 digits alone (what its earlier versions wrote).
     */
    public static @Nullable DocumentHash parseDocumentId(@Nullable Object value) {
        return value instanceof String text ? parse(text.startsWith(SHA256) ? text.substring(SHA256.length()) : text) : null;
    }

    /** This hash as a GraphQL-over-HTTP document identifier, {@code sha256:} and the 64 digits. */
    public String documentId() {
        return SHA256 + hex;
    }

    /** Whether this is the hash of {@code document}. */
    boolean matches(String document) {
        return of(document).equals(this);
    }

    @Override
    public String toString() {
        return hex;
    }
}
