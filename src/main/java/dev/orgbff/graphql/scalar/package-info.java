/**
 * The coercings the schema's scalars need beyond graphql-java's and extended-scalars': {@code DateTime} from
 * epoch milliseconds ({@link dev.orgbff.graphql.scalar.EpochMillisCoercing}) and an {@code ID} that takes only
 * strings and whole numbers ({@link dev.orgbff.graphql.scalar.IdCoercing}). Imports nothing of this project.
 */
@NullMarked
package dev.orgbff.graphql.scalar;

import org.jspecify.annotations.NullMarked;
