package dev.orgbff.graphql;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import dev.orgbff.logto.LogtoUnavailableException;

/**
 * Turns exceptions from resolvers and DataLoaders into classified GraphQL errors with short, stable
 * messages of our own: {@link NotFoundException} → {@code NOT_FOUND}, {@link ForbiddenException} →
 * {@code FORBIDDEN}, {@link BadRequestException} → {@code BAD_REQUEST} naming the argument,
 * {@link LogtoUnavailableException} → {@code UPSTREAM_UNAVAILABLE}, {@link RateLimitedException} →
 * {@code RATE_LIMITED} with {@code extensions.retryAfterSeconds}. Anything else is left to Spring's
 * opaque {@code INTERNAL_ERROR}; upstream bodies, tokens and stack traces never reach the client. Errors in the
 * document or the variables come before any resolver runs: {@link InputErrorInstrumentation} words those.
 */
@Component
class GraphQlExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlExceptionResolver.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof NotFoundException) {
            return refused(ErrorType.NOT_FOUND, exception, environment);
        }
        if (exception instanceof ForbiddenException) {
            return refused(ErrorType.FORBIDDEN, exception, environment);
        }
        if (exception instanceof BadRequestException) {
            return refused(ErrorType.BAD_REQUEST, exception, environment);
        }
        if (exception instanceof RateLimitedException rateLimited) {
            log.info("RATE_LIMITED at {}: {}", environment.getExecutionStepInfo().getPath(), exception.getMessage());
            return GraphQLError.newError()
                    .errorType(ServiceErrorType.RATE_LIMITED)
                    .message(exception.getMessage())
                    .path(environment.getExecutionStepInfo().getPath())
                    .location(environment.getField().getSourceLocation())
                    .extensions(Map.of("retryAfterSeconds", rateLimited.retryAfterSeconds()))
                    .build();
        }
        if (exception instanceof LogtoUnavailableException) {
            log.warn("Logto unavailable while resolving {}: {}", environment.getExecutionStepInfo().getPath(), exception.getMessage());
            return error(ServiceErrorType.UPSTREAM_UNAVAILABLE, "Logto is unavailable; try again later", environment);
        }
        return null;
    }

    /** A client's request refused as expected: one log line, no stack trace. */
    private static GraphQLError refused(ErrorType type, Throwable exception, DataFetchingEnvironment environment) {
        log.info("{} at {}: {}", type, environment.getExecutionStepInfo().getPath(), exception.getMessage());
        return error(type, exception.getMessage(), environment);
    }

    private static GraphQLError error(ErrorClassification type, @Nullable String message,
            DataFetchingEnvironment environment) {
        return GraphQLError.newError()
                .errorType(type)
                .message(message == null ? type.toString() : message)
                .path(environment.getExecutionStepInfo().getPath())
                .location(environment.getField().getSourceLocation())
                .build();
    }
}
