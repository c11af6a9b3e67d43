package dev.orgbff.graphql.relay;

/**
 * One item of a {@link Connection} with the cursor that points at it.
 *
 * @param cursor opaque; pass it as {@code after} to continue after this item
 * @param node the item
 */
public record Edge<T>(String cursor, T node) {
}
