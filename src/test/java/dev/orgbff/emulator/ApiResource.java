package dev.orgbff.emulator;

/**
 * An API resource registered in the tenant (Logto's {@code resources} table), only as far as organization
 * roles reference its scopes: seeded directly, no {@code /api/resources} routes.
 */
record ApiResource(String id, String name, String indicator) {
}
