package dev.orgbff.emulator;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders stored entities as the JSON Logto 1.42 answers with: same keys, epoch-millisecond numbers, and
 * {@code tenantId: "default"} only on the objects where real Logto has it (CONTRACT.md correction 6:
 * organizations, roles, scopes, invitations and JIT rows, but not users or member rows).
 */
final class Views {

    static final String TENANT_ID = "default";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TenantState state;

    Views(TenantState state) {
        this.state = state;
    }

    ObjectNode organization(Organization organization) {
        ObjectNode node = namedRow(organization.id(), organization.name(), organization.description());
        node.set("customData", organization.customData().deepCopy());
        node.put("isMfaRequired", organization.isMfaRequired());
        node.set("color", organization.color().deepCopy());
        node.set("branding", organization.branding().deepCopy());
        node.put("customCss", organization.customCss());
        node.put("createdAt", organization.createdAt());
        return node;
    }

    /** The user-info fields shared by member rows and profile responses (no {@code tenantId}, no {@code hasPassword}). */
    ObjectNode userInfo(User user) {
        ObjectNode node = NODES.objectNode();
        node.put("id", user.id());
        node.put("username", user.username());
        node.put("primaryEmail", user.primaryEmail());
        node.put("primaryPhone", user.primaryPhone());
        node.put("name", user.name());
        node.put("avatar", user.avatar());
        node.set("customData", user.customData().deepCopy());
        node.putObject("identities");
        node.putNull("lastSignInAt");
        node.put("createdAt", user.createdAt());
        node.put("updatedAt", user.updatedAt());
        node.set("profile", user.profile().deepCopy());
        node.putNull("applicationId");
        node.putNull("cimdClientId");
        node.put("isSuspended", false);
        return node;
    }

    /** {@code UserProfileResponse}: user info plus {@code hasPassword} (GET/POST {@code /api/users}). */
    ObjectNode userProfile(User user) {
        ObjectNode node = userInfo(user);
        node.put("hasPassword", user.hasPassword());
        return node;
    }

    /** A member row: user info plus the member's {@code organizationRoles} in that organization, sorted by name. */
    ObjectNode member(User user, String organizationId) {
        ObjectNode node = userInfo(user);
        node.set("organizationRoles", roleRefs(state.memberRoleIds(organizationId, user.id())));
        return node;
    }

    /** A hook as {@code /api/hooks} shows it, signing key included. */
    ObjectNode hook(Hook hook) {
        ObjectNode node = tenantRow();
        node.put("id", hook.id());
        node.put("name", hook.name());
        node.put("event", hook.event());
        ArrayNode events = node.putArray("events");
        hook.events().forEach(events::add);
        node.set("config", hook.config().deepCopy());
        node.put("signingKey", hook.signingKey());
        node.put("enabled", hook.enabled());
        node.put("createdAt", hook.createdAt());
        return node;
    }

    ObjectNode role(OrganizationRole role) {
        ObjectNode node = namedRow(role.id(), role.name(), role.description());
        node.put("type", role.type());
        return node;
    }

    /**
     * A row of the roles list: the role plus {@code scopes: [{id, name}]} and
     * {@code resourceScopes: [{id, name, resource: {id, name}}]}, each ordered by scope id.
     */
    ObjectNode roleWithScopes(OrganizationRole role) {
        ObjectNode node = role(role);
        ArrayNode scopes = node.putArray("scopes");
        state.roleScopes().get(role.id()).stream()
                .map(state.scopes()::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(OrganizationScope::id))
                .forEach(scope -> scopes.addObject().put("id", scope.id()).put("name", scope.name()));
        ArrayNode resourceScopes = node.putArray("resourceScopes");
        state.roleResourceScopes().get(role.id()).stream()
                .map(state.apiScopes()::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(ApiScope::id))
                .forEach(scope -> {
                    ObjectNode row = resourceScopes.addObject().put("id", scope.id()).put("name", scope.name());
                    ApiResource resource = state.apiResources().get(scope.resourceId());
                    row.putObject("resource").put("id", resource.id()).put("name", resource.name());
                });
        return node;
    }

    /** A resource scope row as {@code GET /api/organization-roles/{id}/resource-scopes} lists it. */
    ObjectNode apiScope(ApiScope scope) {
        ObjectNode node = tenantRow();
        node.put("id", scope.id());
        node.put("resourceId", scope.resourceId());
        node.put("name", scope.name());
        node.put("description", scope.description());
        node.put("createdAt", scope.createdAt());
        return node;
    }

    ObjectNode scope(OrganizationScope scope) {
        return namedRow(scope.id(), scope.name(), scope.description());
    }

    /** {@code [{id, name}]} of the given role ids, sorted by role name (unknown ids are skipped). */
    ArrayNode roleRefs(Collection<String> roleIds) {
        ArrayNode array = NODES.arrayNode();
        roles(roleIds).forEach(role -> array.addObject().put("id", role.id()).put("name", role.name()));
        return array;
    }

    /** The stored roles with the given ids, sorted by name (unknown ids are skipped). */
    List<OrganizationRole> roles(Collection<String> roleIds) {
        return sortedByName(state.roles(), roleIds);
    }

    /** The stored scopes with the given ids, sorted by name (unknown ids are skipped). */
    List<OrganizationScope> scopes(Collection<String> scopeIds) {
        return sortedByName(state.scopes(), scopeIds);
    }

    private static <T extends TemplateEntry> List<T> sortedByName(Table<T> table, Collection<String> ids) {
        return ids.stream()
                .map(table::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(TemplateEntry::name))
                .toList();
    }

    /** An invitation with its status as of {@code nowMillis} (Expired is computed on read). */
    ObjectNode invitation(Invitation invitation, long nowMillis) {
        ObjectNode node = tenantRow();
        node.put("id", invitation.id());
        node.put("inviterId", invitation.inviterId());
        node.put("invitee", invitation.invitee());
        node.put("acceptedUserId", invitation.acceptedUserId());
        node.put("organizationId", invitation.organizationId());
        node.put("status", invitation.statusAt(nowMillis));
        node.put("createdAt", invitation.createdAt());
        node.put("updatedAt", invitation.updatedAt());
        node.put("expiresAt", invitation.expiresAt());
        node.set("organizationRoles", roleRefs(invitation.roleIds()));
        return node;
    }

    ObjectNode jitDomain(String organizationId, String emailDomain) {
        ObjectNode node = tenantRow();
        node.put("organizationId", organizationId);
        node.put("emailDomain", emailDomain);
        return node;
    }

    /** A new object starting with {@code tenantId}, for the rows that carry it (CONTRACT.md correction 6). */
    private static ObjectNode tenantRow() {
        ObjectNode node = NODES.objectNode();
        node.put("tenantId", TENANT_ID);
        return node;
    }

    /** The leading keys organizations, roles and scopes share: {@code tenantId, id, name, description}. */
    private static ObjectNode namedRow(String id, String name, @Nullable String description) {
        ObjectNode node = tenantRow();
        node.put("id", id);
        node.put("name", name);
        node.put("description", description);
        return node;
    }
}
