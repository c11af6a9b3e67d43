/**
 * Cross-cutting GraphQL: the scalars, Relay connections and their offset cursors, user errors, the rules for
 * text clients type ({@link dev.orgbff.graphql.TextInput}), the one exception resolver that turns exceptions
 * into classified GraphQL errors without leaking upstream detail, the messages of validation and variable
 * errors, which name the schema's types and fields rather than Java's classes, and how documents arrive: by POST
 * or GET ({@link dev.orgbff.graphql.GraphQlHttpEndpoint}), as text or by hash (automatic persisted queries and
 * trusted documents, {@link dev.orgbff.graphql.PersistedDocuments}), parsed once
 * ({@link dev.orgbff.graphql.DocumentCache}).
 */
@NullMarked
package dev.orgbff.graphql;

import org.jspecify.annotations.NullMarked;
