package dev.orgbff.redis;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisCommandTimeoutException;
import org.slf4j.Logger;

/**
 * Logs that Redis cannot be used once per outage (a WARN with host and port, never the password, no stack trace)
 * and that it answers again once (an INFO), however many commands fail or succeed in between. One per use of Redis,
 * each saying what that use loses meanwhile.
 */
public final class OutageLog {

    private final Logger log;
    private final String where;
    private final Duration timeout;
    private final String whileDown;
    private final String whenBack;
    /** Whether Redis answered last. */
    private final AtomicBoolean answering = new AtomicBoolean(true);

    /**
     * @param log the logger of the use
     * @param redis the connections, for their host, port and timeout
     * @param whileDown what is lost while Redis cannot be used, such as "per-user budgets are not counted until it answers"
     * @param whenBack what works again, such as "per-user budgets are counted"
     */
    public OutageLog(Logger log, RedisConnections redis, String whileDown, String whenBack) {
        this.log = log;
        this.where = redis.where();
        this.timeout = redis.timeout();
        this.whileDown = whileDown;
        this.whenBack = whenBack;
    }

    /** Redis failed: a warning unless it already failed last. */
    public void failed(Throwable failure) {
        failed(reason(failure));
    }

    /** Redis failed for {@code reason}, such as "connection lost": a warning unless it already failed last. */
    public void failed(String reason) {
        if (answering.compareAndSet(true, false)) {
            log.warn("Redis {} cannot be used ({}); {}", where, reason, whileDown);
        }
    }

    /** Redis answered: a line if it had failed last. */
    public void answered() {
        if (answering.compareAndSet(false, true)) {
            log.info("Redis {} answers again; {}", where, whenBack);
        }
    }

    private String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof TimeoutException || cause instanceof RedisCommandTimeoutException
                ? "no answer within " + timeout.toMillis() + " ms" : cause.toString();
    }
}
