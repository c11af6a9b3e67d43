/**
 * Errors as clients see them: the exceptions services throw ({@link dev.orgbff.graphql.error.NotFoundException},
 * {@link dev.orgbff.graphql.error.ForbiddenException}, {@link dev.orgbff.graphql.error.BadRequestException},
 * {@link dev.orgbff.graphql.error.RateLimitedException}), the resolvers that turn them and Logto's failures into
 * classified GraphQL errors without upstream detail (the {@link dev.orgbff.graphql.error.ServiceErrorType}s), one
 * {@code UPSTREAM_UNAVAILABLE} per answer, the user errors of mutation payloads
 * ({@link dev.orgbff.graphql.error.UserError}, {@link dev.orgbff.graphql.error.UserErrorCode}), and the request's
 * trace on the lines that log them ({@link dev.orgbff.graphql.error.LogTrace}). The bottom of {@code graphql/}: it
 * imports no other package of it, only {@code events/} and {@code logto/} (the exceptions it classifies).
 */
@NullMarked
package dev.orgbff.graphql.error;

import org.jspecify.annotations.NullMarked;
