package dev.orgbff.emulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored organization (Logto's {@code organizations} row). The JSON columns are owned by the store
 * and never handed out without a copy.
 *
 * @param createdAt epoch milliseconds
 */
record Organization(String id, String name, @Nullable String description, ObjectNode customData, boolean isMfaRequired,
        ObjectNode color, ObjectNode branding, @Nullable String customCss, long createdAt) {
}
