package dev.orgbff.graphql.error;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import dev.orgbff.events.SlowSubscriberException;
import dev.orgbff.logto.LogtoUnavailableException;

/**
 * Classifies what ends a subscription's stream of events, as {@link GraphQlExceptionResolver} does for a field: a
 * refusal at the start ({@code NOT_FOUND}, {@code FORBIDDEN}), a client reading too slowly ({@code SLOW_SUBSCRIBER}),
 * Logto unreachable ({@code UPSTREAM_UNAVAILABLE}); anything else is an {@code INTERNAL_ERROR} logged with its stack
 * trace. One log line each.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        if (exception instanceof NotFoundException) {
            return refused(ErrorType.NOT_FOUND, exception);
        }
        if (exception instanceof ForbiddenException) {
            return refused(ErrorType.FORBIDDEN, exception);
        }
        if (exception instanceof SlowSubscriberException) {
            return refused(ServiceErrorType.SLOW_SUBSCRIBER, exception);
        }
        if (exception instanceof LogtoUnavailableException) {
            log.warn("Logto unavailable during a subscription, which ends: {}", exception.getMessage());
            return error(ServiceErrorType.UPSTREAM_UNAVAILABLE, "Logto is unavailable; subscribe again later");
        }
        log.error("Unexpected {} ended a subscription", exception.getClass().getSimpleName(), exception);
        return error(ErrorType.INTERNAL_ERROR, ErrorType.INTERNAL_ERROR.toString());
    }

    private static GraphQLError refused(ErrorClassification type, Throwable exception) {
        log.info("{} ends a subscription: {}", type, exception.getMessage());
        return error(type, exception.getMessage());
    }

    private static GraphQLError error(ErrorClassification type, String message) {
        return GraphQLError.newError().errorType(type).message(message).build();
    }
}
