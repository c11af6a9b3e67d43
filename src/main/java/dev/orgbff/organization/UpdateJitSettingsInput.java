package dev.orgbff.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The argument of {@code updateJitSettings}; an absent (or null) list is left as it is.
 *
 * @param organizationId the organization
 * @param emailDomains the email domains from now on, replacing the old ones; empty turns domain JIT off
 * @param roleIds the roles just-in-time members get from now on, replacing the old ones
 */
public record UpdateJitSettingsInput(String organizationId, @Nullable List<String> emailDomains, @Nullable List<String> roleIds) {
}
