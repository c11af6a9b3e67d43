package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;

/** The {@link Table} of one kind of organization-template entry, roles or scopes, whose names are unique. */
final class TemplateTable<T extends TemplateEntry> extends Table<T> {

    TemplateTable() {
        super(TemplateEntry::id);
    }

    /** The entry called {@code name}, or null. */
    @Nullable T byName(String name) {
        return find(entry -> entry.name().equals(name));
    }
}
