/**
 * Cross-cutting GraphQL: the scalars, Relay connections and their offset cursors, user errors, the rules for
 * text clients type ({@link dev.orgbff.graphql.TextInput}), and the one exception resolver that turns exceptions
 * into classified GraphQL errors without leaking upstream detail.
 */
@NullMarked
package dev.orgbff.graphql;

import org.jspecify.annotations.NullMarked;
