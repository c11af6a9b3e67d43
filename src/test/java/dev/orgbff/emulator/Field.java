package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;

/**
 * An optional body field as a guard read it: absent, or present with a value (which may be JSON
 * {@code null}). PATCH needs the difference: a present {@code null} clears a column, an absent field keeps it.
 */
record Field<T>(boolean present, @Nullable T value) {

    private static final Field<?> ABSENT = new Field<>(false, null);

    @SuppressWarnings("unchecked")
    static <T> Field<T> absent() {
        return (Field<T>) ABSENT;
    }

    static <T> Field<T> of(@Nullable T value) {
        return new Field<>(true, value);
    }

    @Nullable T orElse(@Nullable T fallback) {
        return present ? value : fallback;
    }
}
