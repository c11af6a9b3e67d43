package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;

/** A permission (scope) of an {@link ApiResource}; organization roles may grant it ({@code resourceScopes}). */
record ApiScope(String id, String resourceId, String name, @Nullable String description, long createdAt) {
}
