package dev.orgbff.graphql.error;

import graphql.GraphQLContext;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.util.context.ContextView;

/**
 * Puts a request's trace into the logging context (the MDC's {@code traceId} and {@code spanId}, which Boot's
 * {@code logging.pattern.correlation} prints) while a line about that request is logged. Nothing restores the trace
 * on request threads otherwise: propagating thread-locals across every asynchronous step of a request costs CPU on
 * every request (README, "Performance"), while this costs nothing unless a line is written.
 */
public final class LogTrace {

    /** Only the current observation (the trace); the thread-local accessors come from the global registry. */
    private static final ContextSnapshotFactory TRACE = ContextSnapshotFactory.builder()
            .captureKeyPredicate(ObservationThreadLocalAccessor.KEY::equals)
            .build();

    private LogTrace() {
    }

    /** The trace of the GraphQL request whose context this is, in the MDC until the scope is closed. */
    public static ContextSnapshot.Scope of(GraphQLContext context) {
        return TRACE.captureFrom(context).setThreadLocals();
    }

    /** The trace of the HTTP request whose Reactor context this is, in the MDC until the scope is closed. */
    public static ContextSnapshot.Scope of(ContextView context) {
        return TRACE.captureFrom(context).setThreadLocals();
    }
}
