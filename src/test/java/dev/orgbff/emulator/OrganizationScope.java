package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;

/** A permission (scope) of the organization template. */
record OrganizationScope(String id, String name, @Nullable String description) implements TemplateEntry {
}
