package dev.orgbff.graphql.relay;

import java.util.List;

/**
 * A Relay connection: one page of a longer list. Backs every {@code XxxConnection} GraphQL type; build it
 * with {@link Connections}.
 *
 * @param edges the items of this page with their cursors
 * @param pageInfo whether more items follow or precede
 * @param totalCount the items in the whole list
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {
}
