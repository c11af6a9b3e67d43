package dev.orgbff.graphql.relay;

import org.jspecify.annotations.Nullable;

/**
 * Relay's page information of a {@link Connection}.
 *
 * @param hasNextPage whether items follow the last edge
 * @param hasPreviousPage whether items precede the first edge
 * @param startCursor the first edge's cursor, {@code null} on an empty page
 * @param endCursor the last edge's cursor, {@code null} on an empty page
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor, @Nullable String endCursor) {
}
