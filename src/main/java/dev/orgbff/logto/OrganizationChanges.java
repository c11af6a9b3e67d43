package dev.orgbff.logto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/organizations/{id}}: only the fields set here are sent, so Logto leaves
 * the others as they are. A description set to {@code null} is sent as {@code null}, which clears it.
 * {@code customData} is replaced whole by Logto (CONTRACT.md §1), never merged.
 */
public final class OrganizationChanges {

    private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

    /** Sets the name: 1 to 128 UTF-16 code units (Logto answers 400 otherwise). */
    public OrganizationChanges name(String name) {
        fields.put("name", name);
        return this;
    }

    /** Sets the description (at most 256 UTF-16 code units), or clears it with {@code null}. */
    public OrganizationChanges description(@Nullable String description) {
        fields.put("description", description);
        return this;
    }

    /** Replaces the custom data with this JSON object. */
    public OrganizationChanges customData(Map<String, Object> customData) {
        fields.put("customData", customData);
        return this;
    }

    /** Sets whether members need an MFA factor to get an organization token. */
    public OrganizationChanges isMfaRequired(boolean isMfaRequired) {
        fields.put("isMfaRequired", isMfaRequired);
        return this;
    }

    /** Whether nothing is set: Logto answers an empty PATCH with 422 {@code entity.invalid_input}, so none should be sent. */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The fields as Jackson writes them: each one set, in the order set. */
    @JsonAnyGetter
    Map<String, @Nullable Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    @Override
    public String toString() {
        return "OrganizationChanges" + fields.keySet(); // values may be customer data: keep them out of logs
    }
}
