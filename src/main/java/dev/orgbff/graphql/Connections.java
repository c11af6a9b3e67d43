package dev.orgbff.graphql;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Component;

/**
 * Builds {@link Connection}s with the service's one {@link OffsetCursorStrategy}, so controllers never
 * put edges together themselves. {@code first} is capped at {@value #MAX_FIRST}.
 */
@Component
public class Connections {

    /** The most items one page may ask for. */
    private static final int MAX_FIRST = 100;
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
        int first = range.count().orElse(DEFAULT_FIRST);
        if (first < 0 || first > MAX_FIRST) {
            return Mono.error(new BadRequestException("first", "must be between 0 and " + MAX_FIRST));
        }
        int from = range.position().map(after -> after + 1).orElse(0); // the cursor strategy keeps after below Integer.MAX_VALUE
        return items.map(list -> slice(list, from, first));
    }

    private <T> Connection<T> slice(List<T> items, int from, int first) {
        int start = Math.min(from, items.size());
        int end = Math.min(start + first, items.size());
        List<Edge<T>> edges = new ArrayList<>(end - start);
        for (int position = start; position < end; position++) {
            edges.add(new Edge<>(cursors.toCursor(position), items.get(position)));
        }
        PageInfo pageInfo = new PageInfo(end < items.size(), start > 0,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, pageInfo, items.size());
    }
}
