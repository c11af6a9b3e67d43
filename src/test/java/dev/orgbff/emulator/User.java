package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored user (the fields of Logto's {@code users} row that the Management API shows).
 *
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds
 * @param sequence  insertion counter: breaks {@code createdAt} ties in {@code order by created_at desc}
 */
record User(String id, @Nullable String username, @Nullable String primaryEmail, @Nullable String primaryPhone,
        @Nullable String name, @Nullable String avatar, ObjectNode customData, ObjectNode profile, boolean hasPassword,
        long createdAt, long updatedAt, long sequence) {
}
