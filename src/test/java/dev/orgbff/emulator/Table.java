package dev.orgbff.emulator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The stored rows of one entity kind by id, in insertion order (Logto's lists without an ORDER BY may
 * answer in any order; insertion order is one valid answer). Rows are deleted through
 * {@link TenantState}, whose deletes cascade; {@link #remove} alone does not.
 */
class Table<T> {

    private final Function<T, String> idOf;
    private final Map<String, T> rows = new LinkedHashMap<>();

    Table(Function<T, String> idOf) {
        this.idOf = idOf;
    }

    @Nullable T get(String id) {
        return rows.get(id);
    }

    boolean contains(String id) {
        return rows.containsKey(id);
    }

    /** True when every id names a stored row: the foreign-key check of a relation write. */
    boolean containsAll(Collection<String> ids) {
        return rows.keySet().containsAll(ids);
    }

    /** The first row, in insertion order, that matches; null when none does. */
    @Nullable T find(Predicate<? super T> condition) {
        return rows.values().stream().filter(condition).findFirst().orElse(null);
    }

    Stream<T> stream() {
        return rows.values().stream();
    }

    /** Inserts a row, or replaces the row with its id in place (an update keeps the row's position). */
    void put(T row) {
        rows.put(idOf.apply(row), row);
    }

    boolean remove(String id) {
        return rows.remove(id) != null;
    }

    void removeIf(Predicate<? super T> condition) {
        rows.values().removeIf(condition);
    }

    void replaceAll(UnaryOperator<T> change) {
        rows.replaceAll((id, row) -> change.apply(row));
    }

    void clear() {
        rows.clear();
    }
}
