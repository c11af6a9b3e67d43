package dev.orgbff.graphql.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ErrorClassification;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.context.ContextSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoUnavailableException;

/**
 * Turns exceptions from resolvers and DataLoaders into classified GraphQL errors with short, stable
 * messages of our own: {@link NotFoundException} → {@code NOT_FOUND}, {@link ForbiddenException} →
 * {@code FORBIDDEN}, {@link BadRequestException} → {@code BAD_REQUEST} naming the argument,
 * {@link LogtoUnavailableException} → {@code UPSTREAM_UNAVAILABLE}, {@link RateLimitedException} →
 * {@code RATE_LIMITED} with {@code extensions.retryAfterSeconds}. Anything else becomes the same opaque
 * {@code INTERNAL_ERROR for <executionId>} Spring would answer; upstream bodies, tokens and stack traces
 * never reach the client. A Logto fault ({@code UPSTREAM_UNAVAILABLE}, or a 5xx answered to a write, which is
 * not sent again) logs a WARN line naming the route template, without a stack trace; anything else logs an
 * ERROR. Errors in the document or the variables come before any resolver runs:
 * {@link dev.orgbff.graphql.input.InputErrorInstrumentation} words those.
 *
 * <p>Each failure is logged once per request, however many fields it fails: one template read that fails
 * under the switcher reaches every organization's {@code viewerRoles} and {@code viewerPermissions}, and
 * each of those fields still gets its error in the response. That is also why this resolver answers
 * unexpected exceptions itself rather than leaving them to Spring, which logs a stack trace for every field.
 */
@Component
class GraphQlExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlExceptionResolver.class);
    /** The request's {@link GraphQLContext} key of the failures already logged. */
    private static final String LOGGED_FAILURES = GraphQlExceptionResolver.class.getName() + ".loggedFailures";
    /** The request's {@link GraphQLContext} key set once its cancellation is logged. */
    private static final String CANCELLATION_LOGGED = GraphQlExceptionResolver.class.getName() + ".cancellationLogged";
    /** How far down a cause chain a failure is recognised again: wrappers are one or two levels deep. */
    private static final int MAX_CAUSE_DEPTH = 8;

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        try (ContextSnapshot.Scope trace = LogTrace.of(environment.getGraphQlContext())) { // the log lines carry the trace id
            return resolve(exception, environment);
        }
    }

    private @Nullable GraphQLError resolve(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof AuthenticationException || exception instanceof AccessDeniedException) {
            return null; // Spring Security's own resolver classifies these as UNAUTHORIZED and FORBIDDEN
        }
        if (exception instanceof AbortExecutionException) {
            return cancelled(environment);
        }
        boolean firstSeen = firstSeen(exception, environment.getGraphQlContext());
        if (exception instanceof NotFoundException) {
            return refused(ErrorType.NOT_FOUND, exception, environment, firstSeen);
        }
        if (exception instanceof ForbiddenException) {
            return refused(ErrorType.FORBIDDEN, exception, environment, firstSeen);
        }
        if (exception instanceof BadRequestException) {
            return refused(ErrorType.BAD_REQUEST, exception, environment, firstSeen);
        }
        if (exception instanceof RateLimitedException rateLimited) {
            if (firstSeen) {
                log.info("RATE_LIMITED at {}: {}", environment.getExecutionStepInfo().getPath(), exception.getMessage());
            }
            return GraphQLError.newError()
                    .errorType(ServiceErrorType.RATE_LIMITED)
                    .message(exception.getMessage())
                    .path(environment.getExecutionStepInfo().getPath())
                    .location(environment.getField().getSourceLocation())
                    .extensions(Map.of("retryAfterSeconds", rateLimited.retryAfterSeconds()))
                    .build();
        }
        if (exception instanceof LogtoUnavailableException) {
            if (firstSeen) {
                log.warn("Logto unavailable while resolving {}: {}", environment.getExecutionStepInfo().getPath(), exception.getMessage());
            }
            return error(ServiceErrorType.UPSTREAM_UNAVAILABLE, "Logto is unavailable; try again later", environment);
        }
        if (exception instanceof LogtoApiException failed && failed.status() >= 500) {
            // Logto's own failure on a write (a read's is retried, then unavailable): a fault upstream, not a bug here
            if (firstSeen) {
                log.warn("Logto failed while resolving {} (executionId {}): {}", environment.getExecutionStepInfo().getPath(),
                        environment.getExecutionId(), exception.getMessage());
            }
            return error(ErrorType.INTERNAL_ERROR, ErrorType.INTERNAL_ERROR + " for " + environment.getExecutionId(), environment);
        }
        if (firstSeen) {
            log.error("Unexpected {} for executionId {} at {}", exception.getClass().getSimpleName(), environment.getExecutionId(),
                    environment.getExecutionStepInfo().getPath(), exception);
        }
        return error(ErrorType.INTERNAL_ERROR, ErrorType.INTERNAL_ERROR + " for " + environment.getExecutionId(), environment);
    }

    /**
     * graphql-java stops resolving the fields still to come when the request is cancelled, which Spring does when
     * the client goes away: no failure of ours, so at most one line per request and no stack trace. Writes already
     * under way finish, or are undone, all the same: they are not the fields stopped here.
     */
    private static GraphQLError cancelled(DataFetchingEnvironment environment) {
        AtomicBoolean logged = environment.getGraphQlContext().computeIfAbsent(CANCELLATION_LOGGED, key -> new AtomicBoolean());
        if (logged.compareAndSet(false, true)) {
            log.info("Request cancelled (its client went away) at {}", environment.getExecutionStepInfo().getPath());
        }
        return error(ServiceErrorType.CANCELLED, "The request was cancelled", environment);
    }

    /** A client's request refused as expected: one log line, no stack trace. */
    private static GraphQLError refused(ErrorType type, Throwable exception, DataFetchingEnvironment environment, boolean firstSeen) {
        if (firstSeen) {
            log.info("{} at {}: {}", type, environment.getExecutionStepInfo().getPath(), exception.getMessage());
        }
        return error(type, exception.getMessage(), environment);
    }

    /**
     * Whether this request has not yet logged this failure. The same exception instance (or one wrapping it)
     * reaches every field that shares the failed DataLoader value or upstream call.
     */
    private static boolean firstSeen(Throwable exception, GraphQLContext context) {
        // fields of one request fail on different threads; the set is small, a lock on it is enough
        Set<Throwable> logged = context.computeIfAbsent(LOGGED_FAILURES, key -> Collections.newSetFromMap(new IdentityHashMap<>()));
        synchronized (logged) {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable cause = exception; cause != null && chain.size() < MAX_CAUSE_DEPTH; cause = cause.getCause()) {
                if (logged.contains(cause)) {
                    return false;
                }
                chain.add(cause);
            }
            logged.addAll(chain);
            return true;
        }
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
