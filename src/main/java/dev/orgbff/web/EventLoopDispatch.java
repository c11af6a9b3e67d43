package dev.orgbff.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Starts the handling of each request as a task of its own on its connection's event loop, rather than within the
 * Reactor Netty code that hands the request over.
 *
 * <p>Why: Reactor Netty (1.3.6, Spring Boot 4.0.7's, and 1.3.7 alike) holds back a request that arrives on a
 * kept-alive connection before the previous one is answered, and hands it over later from a loop that drains its
 * queue. If that request is answered at once, within the hand-over (a refusal without a token, a preflight, a
 * known-unknown signing key), the loop finishes without asking the connection for more: the client's next request
 * on it is never read, and it waits until its own timeout (reactor-netty issue 4361, fixed upstream after the
 * versions served here). Answered in a task of its own, the request completes after the hand-over, when Reactor
 * Netty asks for more. The cost is one task on the same thread per request; the request's thread does not change.
 * {@code PipelinedRequestsTests} shows the hang without this class; once Boot brings a Reactor Netty with the fix,
 * delete it.
 */
final class EventLoopDispatch implements HttpHandler {

    /**
     * One per event loop of the server (a handful). Never disposed: a scheduler made from an executor shuts that
     * executor down when disposed, here Netty's event loop.
     */
    private final Map<EventLoop, Scheduler> schedulers = new ConcurrentHashMap<>();

    private final HttpHandler delegate;

    EventLoopDispatch(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        Mono<Void> handling = Mono.defer(() -> delegate.handle(request, response));
        if (!(ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection)) {
            return handling;
        }
        EventLoop loop = connection.channel().eventLoop();
        return handling.subscribeOn(schedulers.computeIfAbsent(loop, Schedulers::fromExecutor));
    }
}
