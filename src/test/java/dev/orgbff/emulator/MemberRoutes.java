package dev.orgbff.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Organization membership and member roles: {@code /api/organizations/{id}/users/**} (CONTRACT.md §2,
 * transcript scenario {@code e.members}). Writes are all-or-nothing: the checks run before the first change.
 */
final class MemberRoutes {

    private final TenantState state;
    private final Views views;

    MemberRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/organizations/{id}/users", this::list)
                .api("POST", "/api/organizations/{id}/users", this::add)
                .api("PUT", "/api/organizations/{id}/users", this::replace)
                .api("DELETE", "/api/organizations/{id}/users/{userId}", this::remove)
                .api("POST", "/api/organizations/{id}/users/roles", this::assignInBulk)
                .api("GET", "/api/organizations/{id}/users/{userId}/roles", this::roles)
                .api("POST", "/api/organizations/{id}/users/{userId}/roles", this::addRoles)
                .api("PUT", "/api/organizations/{id}/users/{userId}/roles", this::replaceRoles)
                .api("DELETE", "/api/organizations/{id}/users/{userId}/roles/{organizationRoleId}", this::removeRole)
                .api("GET", "/api/organizations/{id}/users/{userId}/scopes", this::scopes);
    }

    /**
     * Member rows ordered by user id, each with {@code organizationRoles}; {@code q} is {@code ilike '%q%'}
     * on id, primaryEmail, primaryPhone, username and name. An unknown organization simply has no members.
     */
    private Response list(Request request) {
        Paging paging = Paging.mandatory(request);
        Guard guard = Guard.query(request.queryObject());
        Field<String> q = guard.optionalString("q", 0, -1, false);
        Field<String> roleId = guard.optionalString("organizationRoleId", 1, -1, false);
        guard.validate();
        String organizationId = request.pathParam("id");
        LikePattern keyword = LikePattern.keyword(q.value());
        List<JsonNode> rows = state.memberIds(organizationId).stream()
                .map(state.users()::get)
                .filter(Objects::nonNull)
                .filter(user -> keyword.matches(user.id()) || keyword.matches(user.primaryEmail())
                        || keyword.matches(user.primaryPhone()) || keyword.matches(user.username())
                        || keyword.matches(user.name()))
                .filter(user -> roleId.value() == null
                        || state.memberRoleIds(organizationId, user.id()).contains(roleId.value()))
                .map(user -> (JsonNode) views.member(user, organizationId))
                .toList();
        return paging.respond(request, rows);
    }

    /** 201 echoing the raw {@code userIds}; adding an existing member is a no-op; one unknown id adds nobody. */
    private Response add(Request request) {
        Guard guard = Guard.body(request.body());
        List<String> userIds = guard.requiredStringArray("userIds", 1, 1);
        guard.validate();
        String organizationId = request.pathParam("id");
        requireUsers(organizationId, userIds);
        List<String> added = new LinkedHashSet<>(userIds).stream().filter(userId -> !state.isMember(organizationId, userId)).toList();
        userIds.forEach(userId -> state.addMember(organizationId, userId));
        raiseMembershipUpdated(request, organizationId, added, List.of());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        userIds.forEach(body.putArray("userIds")::add);
        return Response.json(201, body);
    }

    /** Replaces the member list; members that leave lose their roles. */
    private Response replace(Request request) {
        Guard guard = Guard.body(request.body());
        Set<String> userIds = new LinkedHashSet<>(guard.requiredStringArray("userIds", 0, 1));
        guard.validate();
        String organizationId = request.pathParam("id");
        requireUsers(organizationId, userIds);
        List<String> removed = new ArrayList<>();
        for (String memberId : state.memberIds(organizationId)) {
            if (!userIds.contains(memberId)) {
                state.removeMember(organizationId, memberId);
                removed.add(memberId);
            }
        }
        List<String> added = userIds.stream().filter(userId -> !state.isMember(organizationId, userId)).toList();
        userIds.forEach(userId -> state.addMember(organizationId, userId));
        raiseMembershipUpdated(request, organizationId, added, removed);
        return Response.noContent();
    }

    private Response remove(Request request) {
        String organizationId = request.pathParam("id");
        String userId = request.pathParam("userId");
        Response response = Response.deleted(state.removeMember(organizationId, userId));
        raiseMembershipUpdated(request, organizationId, List.of(), List.of(userId));
        return response;
    }

    /**
     * {@code Organization.Membership.Updated} with {@code organizationId} and the ids that joined or left, each list
     * omitted when empty ({@code truncateMembershipDelta}); raised by every membership write, even one that changed nothing.
     */
    static void raiseMembershipUpdated(Request request, String organizationId, List<String> added, List<String> removed) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("organizationId", organizationId);
        if (!added.isEmpty()) {
            added.forEach(fields.putArray("addedUserIds")::add);
        }
        if (!removed.isEmpty()) {
            removed.forEach(fields.putArray("removedUserIds")::add);
        }
        request.raise("Organization.Membership.Updated", fields);
    }

    /** Gives every listed user every listed role; a non-member or an unknown role is a 422 FK error (not require_membership). */
    private Response assignInBulk(Request request) {
        Guard guard = Guard.body(request.body());
        List<String> userIds = guard.requiredStringArray("userIds", 1, 1);
        List<String> roleIds = guard.requiredStringArray("organizationRoleIds", 1, 1);
        guard.validate();
        String organizationId = request.pathParam("id");
        requireUserRoles(roleIds);
        if (!userIds.stream().allMatch(userId -> state.isMember(organizationId, userId))) {
            throw ApiError.foreignKey();
        }
        for (String userId : userIds) {
            roleIds.forEach(roleId -> state.addMemberRole(organizationId, userId, roleId));
        }
        return Response.createdText();
    }

    private Response roles(Request request) {
        String organizationId = request.pathParam("id");
        String userId = requireMembership(request);
        Paging paging = Paging.optional(request);
        List<JsonNode> rows = views.roles(state.memberRoleIds(organizationId, userId)).stream()
                .map(role -> (JsonNode) views.role(role))
                .toList();
        return paging.respond(request, rows);
    }

    /** 201 {@code {organizationRoleIds}}: the given ids plus those resolved from names, deduplicated. */
    private Response addRoles(Request request) {
        String organizationId = request.pathParam("id");
        String userId = requireMembership(request);
        List<String> roleIds = requestedRoleIds(request);
        roleIds.forEach(roleId -> state.addMemberRole(organizationId, userId, roleId));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        roleIds.forEach(body.putArray("organizationRoleIds")::add);
        return Response.json(201, body);
    }

    private Response replaceRoles(Request request) {
        String organizationId = request.pathParam("id");
        String userId = requireMembership(request);
        List<String> roleIds = requestedRoleIds(request);
        state.replaceMemberRoles(organizationId, userId, roleIds);
        return Response.noContent();
    }

    private Response removeRole(Request request) {
        String userId = requireMembership(request);
        return Response.deleted(
                state.removeMemberRole(request.pathParam("id"), userId, request.pathParam("organizationRoleId")));
    }

    /** The distinct scopes of the user's roles in the organization; a non-member just has none (no membership check). */
    private Response scopes(Request request) {
        Set<String> scopeIds = new LinkedHashSet<>();
        state.memberRoleIds(request.pathParam("id"), request.pathParam("userId"))
                .forEach(roleId -> scopeIds.addAll(state.roleScopes().get(roleId)));
        List<JsonNode> rows = views.scopes(scopeIds).stream()
                .map(scope -> (JsonNode) views.scope(scope))
                .toList();
        return Response.json(200, JsonNodeFactory.instance.arrayNode().addAll(rows));
    }

    // ---------------------------------------------------------------- checks

    /** Logto mounts a membership check on {@code /:id/users/:userId/roles*} that runs before the body guard. */
    private String requireMembership(Request request) {
        String userId = request.pathParam("userId");
        if (!state.isMember(request.pathParam("id"), userId)) {
            throw ApiError.requireMembership();
        }
        return userId;
    }

    /** {@code organizationRoleIds} and {@code organizationRoleNames}, resolved and checked; 422 on unknown names or ids. */
    private List<String> requestedRoleIds(Request request) {
        Guard guard = Guard.body(request.body());
        List<String> ids = guard.optionalStringArray("organizationRoleIds", 1).orElse(List.of());
        List<String> names = guard.optionalStringArray("organizationRoleNames", 1).orElse(List.of());
        guard.validate();
        List<String> missing = new ArrayList<>();
        List<String> resolved = new ArrayList<>(ids);
        for (String name : names) {
            OrganizationRole role = state.roles().byName(name);
            if (role == null) {
                missing.add(name);
            } else {
                resolved.add(role.id());
            }
        }
        if (!missing.isEmpty()) {
            // i18next renders the names array as String(array): "a,b"
            throw ApiError.of(422, "organization.role_names_not_found",
                    "Invalid role names detected: " + String.join(",", missing) + ". Please create these roles first before proceeding.");
        }
        List<String> roleIds = List.copyOf(new LinkedHashSet<>(resolved));
        requireUserRoles(roleIds);
        return roleIds;
    }

    /**
     * A user can only hold roles of type User: the check constraint fires per inserted row, before the
     * foreign-key check at the end of the statement, so a MachineToMachine role wins over an unknown id.
     */
    private void requireUserRoles(Collection<String> roleIds) {
        boolean machineRole = roleIds.stream().map(state.roles()::get)
                .anyMatch(role -> role != null && OrganizationRole.MACHINE_TO_MACHINE.equals(role.type()));
        if (machineRole) {
            throw ApiError.constraint();
        }
        if (!state.roles().containsAll(roleIds)) {
            throw ApiError.foreignKey();
        }
    }

    /** An unknown organization or user is a 422 FK error (the org routers map FK violations to 422). */
    private void requireUsers(String organizationId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        if (!state.organizations().contains(organizationId) || !state.users().containsAll(userIds)) {
            throw ApiError.foreignKey();
        }
    }
}
