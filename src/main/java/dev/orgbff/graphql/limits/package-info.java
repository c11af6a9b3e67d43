/**
 * What one request may cost, checked before anything runs: {@link dev.orgbff.graphql.limits.QueryLimits}
 * ({@code orgbff.graphql.*}: depth, complexity, parser tokens, request size, introspection), depth and complexity
 * checked once per document ({@link dev.orgbff.graphql.limits.DocumentLimits}), the HTTP 413 for a
 * body too large ({@link dev.orgbff.graphql.limits.RequestSizeLimit}), introspection off per request, and the
 * operation of a document that runs ({@link dev.orgbff.graphql.limits.SelectedOperation}), which checks made before
 * execution look at. Imports {@code graphql.error} only.
 */
@NullMarked
package dev.orgbff.graphql.limits;

import org.jspecify.annotations.NullMarked;
