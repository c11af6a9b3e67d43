/**
 * Documents sent by hash and documents parsed once: the rules for {@code extensions.persistedQuery}
 * ({@link dev.orgbff.graphql.persisted.PersistedDocuments}) in its three modes, automatic persisted queries
 * ({@link dev.orgbff.graphql.persisted.AutomaticPersistedQueries}), trusted documents
 * ({@link dev.orgbff.graphql.persisted.TrustedDocuments}), their properties, the SHA-256 of a document
 * ({@link dev.orgbff.graphql.persisted.DocumentHash}), and the cache of parsed and validated documents
 * ({@link dev.orgbff.graphql.persisted.DocumentCache}), each bounded by the text it keeps
 * ({@link dev.orgbff.graphql.persisted.TextBound}). Imports {@code graphql.error} only.
 */
@NullMarked
package dev.orgbff.graphql.persisted;

import org.jspecify.annotations.NullMarked;
