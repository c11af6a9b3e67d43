/**
 * Cross-cutting GraphQL: the scalars, Relay connections and their offset cursors, user errors, and the one
 * exception resolver that turns exceptions into classified GraphQL errors without leaking upstream detail.
 */
@NullMarked
package dev.orgbff.graphql;

import org.jspecify.annotations.NullMarked;
