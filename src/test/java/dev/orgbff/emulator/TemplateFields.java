package dev.orgbff.emulator;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The {@code name} and {@code description} body fields that organization roles and scopes share, and
 * the checks both routers run on them (CONTRACT.md §4): a name is unique among its kind.
 */
record TemplateFields(Field<String> name, Field<String> description) {

    /** POST: {@code name} required (1–128 characters), {@code description} optional and nullable (up to 256). */
    static TemplateFields forCreate(Guard guard) {
        Field<String> name = Field.of(guard.requiredString("name", 1, 128));
        Field<String> description = guard.optionalString("description", 0, 256, true);
        return new TemplateFields(name, description);
    }

    /** PATCH: the same fields, both optional. */
    static TemplateFields forUpdate(Guard guard) {
        Field<String> name = guard.optionalString("name", 1, 128, false);
        Field<String> description = guard.optionalString("description", 0, 256, true);
        return new TemplateFields(name, description);
    }

    /** POST's check after the guard: 422 {@code entity.unique_integrity_violation} when the name is taken. */
    void requireFreeName(TemplateTable<?> table) {
        requireFreeName(table, null);
    }

    /**
     * PATCH's checks after the guard, in Logto's order: 422 when the body sets none of these fields nor
     * {@code otherFields}, 404 {@code entity.not_exists} when no row has {@code id} ({@code entity} is the
     * singular table name), 422 when another row has the new name. Answers the row to update.
     */
    <T extends TemplateEntry> T updateTarget(TemplateTable<T> table, String id, String entity, Field<?>... otherFields) {
        if (!(name.present() || description.present() || Stream.of(otherFields).anyMatch(Field::present))) {
            throw ApiError.emptyUpdate();
        }
        T current = table.get(id);
        if (current == null) {
            throw ApiError.notExists(entity);
        }
        requireFreeName(table, current.id());
        return current;
    }

    private void requireFreeName(TemplateTable<?> table, @Nullable String ownId) {
        String newName = name.value();
        TemplateEntry other = newName == null ? null : table.byName(newName);
        if (other != null && !other.id().equals(ownId)) {
            throw ApiError.unique();
        }
    }
}
