/**
 * Cross-cutting GraphQL, one sub-package per concern: {@code error} (exceptions, classified errors, user errors),
 * {@code input} (text and email rules, input-error messages), {@code limits} (what one request may cost),
 * {@code persisted} (documents sent by hash, parsed once), {@code relay} (connections and their cursors) and
 * {@code scalar} (the scalars' coercings). This package wires them: the schema's scalars, limits and observations
 * ({@link dev.orgbff.graphql.GraphQlConfiguration}), instrumentation for the request only
 * ({@link dev.orgbff.graphql.RequestLevelInstrumentation}), the answer's objects
 * ({@link dev.orgbff.graphql.ResultObjects}), and how documents arrive, by POST or GET
 * ({@link dev.orgbff.graphql.GraphQlHttpEndpoint}), as text or by hash
 * ({@link dev.orgbff.graphql.PersistedDocumentConfiguration}). The sub-packages form a stack with no cycle
 * ({@code error} at the bottom; {@code input} over {@code limits}) and none imports this package.
 */
@NullMarked
package dev.orgbff.graphql;

import org.jspecify.annotations.NullMarked;
