package dev.orgbff.organization;

import java.util.List;

/**
 * An organization's just-in-time provisioning: new users whose verified email is at one of these domains
 * join it with these roles when they sign up (Logto does not check that the organization owns the
 * domains). Backs the GraphQL type {@code JitSettings}.
 *
 * @param organizationId the organization
 * @param emailDomains the domains, lower-cased, in the order they were added
 * @param roleIds the roles such members get
 */
public record JitSettings(String organizationId, List<String> emailDomains, List<String> roleIds) {
}
