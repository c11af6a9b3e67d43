package dev.orgbff.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;

/**
 * The result of {@code updateJitSettings}.
 *
 * @param jit the settings as they are now, or {@code null} when {@code userErrors} is not empty
 * @param userErrors why nothing was changed; empty on success
 */
public record UpdateJitSettingsPayload(@Nullable JitSettings jit, List<UserError> userErrors) {
}
