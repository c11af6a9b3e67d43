/**
 * Cross-cutting GraphQL: the scalars, Relay connections and their offset cursors, user errors, the rules for
 * text clients type ({@link dev.orgbff.graphql.TextInput}), the one exception resolver that turns exceptions
 * into classified GraphQL errors without leaking upstream detail, and the messages of validation and variable
 * errors, which name the schema's types and fields rather than Java's classes.
 */
@NullMarked
package dev.orgbff.graphql;

import org.jspecify.annotations.NullMarked;
