package dev.orgbff.security;

import java.util.Optional;
import java.util.function.BiFunction;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

/**
 * A data fetcher for a field resolved many times a request (once per member, per invitation, per organization of a
 * switcher) whose value is usually in hand: what the request has loaded already ({@link Caller#loaded}). It answers
 * that value itself, so graphql-java completes the field at once; otherwise it loads it, as a future in the request's
 * Reactor context. A controller method would cost a handler method, its arguments resolved, a {@code Mono} and a
 * future for every one of those fields, more CPU than the value. Trivial to Spring for GraphQL, which so does not wrap
 * it: it reads no thread-local.
 *
 * @param <S> the type of the field's source object
 * @param <T> the field's value
 */
public final class InHandDataFetcher<S, T> implements DataFetcher<Object>, TrivialDataFetcher<Object> {

    private final BiFunction<Caller, S, Optional<T>> inHand;
    private final BiFunction<Caller, S, Mono<T>> load;

    private InHandDataFetcher(BiFunction<Caller, S, Optional<T>> inHand, BiFunction<Caller, S, Mono<T>> load) {
        this.inHand = inHand;
        this.load = load;
    }

    /**
     * @param inHand the value from what the request holds, without starting a load; empty when it holds too little
     * @param load the value loaded through the caller; an empty {@code Mono} answers {@code null}
     */
    public static <S, T> InHandDataFetcher<S, T> of(BiFunction<Caller, S, Optional<T>> inHand, BiFunction<Caller, S, Mono<T>> load) {
        return new InHandDataFetcher<>(inHand, load);
    }

    @Override
    public Object get(DataFetchingEnvironment environment) {
        Caller caller = environment.getGraphQlContext().get(Caller.CONTEXT_KEY);
        S source = environment.getSource();
        Optional<T> value = inHand.apply(caller, source);
        return value.isPresent() ? value.get() : caller.future(load.apply(caller, source));
    }
}
