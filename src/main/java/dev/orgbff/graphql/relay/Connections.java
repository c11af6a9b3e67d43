package dev.orgbff.graphql.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Component;

import dev.orgbff.graphql.error.BadRequestException;
import dev.orgbff.logto.Page;
import dev.orgbff.logto.PageRequest;

/**
 * Builds {@link Connection}s with the service's one {@link OffsetCursorStrategy}, so controllers never
 * put edges together themselves: from a whole list held in memory ({@link #slice}) or from one page that
 * Logto pages itself ({@link #page}). {@code first} is 0 to {@value #MAX_FIRST}, default {@value #DEFAULT_FIRST}.
 */
@Component
public class Connections {

    /** The most items one page may ask for: Logto's largest page. */
    private static final int MAX_FIRST = PageRequest.MAX_SIZE;
    private static final int DEFAULT_FIRST = 20;

    private final OffsetCursorStrategy cursors;

    Connections(OffsetCursorStrategy cursors) {
        this.cursors = cursors;
    }

    /**
     * The page of {@code items} (the whole list, already in its final order) that {@code range} asks for:
     * {@code first} items after the {@code after} cursor. Emits {@link BadRequestException} without
     * subscribing to {@code items} (so with no upstream call) when {@code first} is negative or over
     * {@value #MAX_FIRST}.
     */
    public <T> Mono<Connection<T>> slice(Mono<List<T>> items, Subrange<Integer> range) {
        return window(range, (start, first) -> items.map(list -> {
            int from = Math.min(start, list.size());
            return connection(list.subList(from, Math.min(from + first, list.size())), from, list.size());
        }));
    }

    /**
     * The page that {@code range} asks for of a list Logto pages: exactly one call to {@code fetch}, for the
     * one Logto page that holds the wanted items ({@link PageWindow}); {@code totalCount} is Logto's
     * {@code Total-Number}, and {@code first: 0} gives it with no edges. Emits {@link BadRequestException}
     * without calling {@code fetch} for a bad {@code first}.
     */
    public <T> Mono<Connection<T>> page(Subrange<Integer> range, Function<PageRequest, Mono<Page<T>>> fetch) {
        return window(range, (start, first) -> {
            PageWindow window = PageWindow.of(start, first);
            return fetch.apply(window.request()).map(page -> {
                List<T> rows = page.items();
                int from = Math.min(window.skip(), rows.size());
                return connection(rows.subList(from, Math.min(from + window.take(), rows.size())), start, page.totalCount());
            });
        });
    }

    /**
     * The range a connection field's resolved {@code first} and {@code after} arguments ask for, as Spring's
     * {@code Subrange} argument resolver makes it: for a field read ahead of its own fetcher.
     *
     * @throws BadRequestException when {@code after} is not a cursor this API issued
     */
    public Subrange<Integer> range(Map<String, Object> arguments) {
        Object after = arguments.get("after");
        return new Subrange<>(after == null ? null : cursors.fromCursor(after.toString()), (Integer) arguments.get("first"), true);
    }

    /** Checks {@code first}, then hands the start position and {@code first} to {@code then}. */
    private <T> Mono<Connection<T>> window(Subrange<Integer> range, BiFunction<Integer, Integer, Mono<Connection<T>>> then) {
        int first = range.count().orElse(DEFAULT_FIRST);
        if (first < 0 || first > MAX_FIRST) {
            return Mono.error(new BadRequestException("first", "must be between 0 and " + MAX_FIRST));
        }
        int start = range.position().map(after -> after + 1).orElse(0); // the cursor strategy keeps after below Integer.MAX_VALUE
        return then.apply(start, first);
    }

    /** The edges of {@code rows}, the items at positions {@code start}, {@code start + 1}… of a list of {@code total}. */
    private <T> Connection<T> connection(List<T> rows, int start, int total) {
        List<Edge<T>> edges = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            edges.add(new Edge<>(cursors.toCursor(start + i), rows.get(i)));
        }
        PageInfo pageInfo = new PageInfo((long) start + rows.size() < total, start > 0,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, pageInfo, total);
    }
}
