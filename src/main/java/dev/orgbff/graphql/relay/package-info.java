/**
 * Relay connections and their cursors: {@link dev.orgbff.graphql.relay.Connection} and its edges and page info,
 * built only by {@link dev.orgbff.graphql.relay.Connections} (one Logto page per connection page,
 * {@link dev.orgbff.graphql.relay.PageWindow}), and the offset cursors, which are checked here
 * ({@link dev.orgbff.graphql.relay.OffsetCursorStrategy}: only a cursor this API issued is read back). Imports
 * {@code graphql.error} and {@code logto/}'s paging.
 */
@NullMarked
package dev.orgbff.graphql.relay;

import org.jspecify.annotations.NullMarked;
