package dev.orgbff.emulator;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code /api/organization-roles/**}: the roles of the organization template and their scopes
 * (CONTRACT.md §4, transcript scenario {@code c.template}). API resources and their scopes are seeded
 * directly ({@link LogtoEmulator#createApiResource}); roles grant them through {@code resource-scopes}.
 */
final class OrganizationRoleRoutes {

    private static final List<String> TYPES = List.of(OrganizationRole.USER, OrganizationRole.MACHINE_TO_MACHINE);

    private final TenantState state;
    private final Views views;

    OrganizationRoleRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/organization-roles", this::list)
                .api("POST", "/api/organization-roles", this::create)
                .api("GET", "/api/organization-roles/{id}", this::get)
                .api("PATCH", "/api/organization-roles/{id}", this::update)
                .api("DELETE", "/api/organization-roles/{id}", this::delete)
                .api("GET", "/api/organization-roles/{id}/scopes", this::scopes)
                .api("POST", "/api/organization-roles/{id}/scopes", this::addScopes)
                .api("PUT", "/api/organization-roles/{id}/scopes", this::replaceScopes)
                .api("DELETE", "/api/organization-roles/{id}/scopes/{organizationScopeId}", this::removeScope)
                .api("GET", "/api/organization-roles/{id}/resource-scopes", this::resourceScopes)
                .api("POST", "/api/organization-roles/{id}/resource-scopes", this::addResourceScopes)
                .api("PUT", "/api/organization-roles/{id}/resource-scopes", this::replaceResourceScopes)
                .api("DELETE", "/api/organization-roles/{id}/resource-scopes/{scopeId}", this::removeResourceScope);
    }

    /** Mandatory paging, ordered by name; {@code q} is {@code ilike '%q%'} on id, name and description; rows carry scopes. */
    private Response list(Request request) {
        Paging paging = Paging.mandatory(request);
        LikePattern keyword = LikePattern.keywordQuery(request);
        List<JsonNode> rows = state.roles().stream()
                .filter(role -> keyword.matches(role.id()) || keyword.matches(role.name())
                        || keyword.matches(role.description()))
                .sorted(Comparator.comparing(OrganizationRole::name))
                .map(role -> (JsonNode) views.roleWithScopes(role))
                .toList();
        return paging.respond(request, rows);
    }

    /** 201 with the plain role; a duplicate name or an unknown scope id creates nothing (422). */
    private Response create(Request request) {
        Guard guard = Guard.body(request.body());
        TemplateFields fields = TemplateFields.forCreate(guard);
        Field<String> type = guard.optionalEnum("type", TYPES);
        List<String> scopeIds = guard.optionalStringArray("organizationScopeIds", 0).orElse(List.of());
        List<String> resourceScopeIds = guard.optionalStringArray("resourceScopeIds", 0).orElse(List.of());
        guard.validate();
        fields.requireFreeName(state.roles());
        requireScopes(scopeIds);
        requireApiScopes(resourceScopeIds);
        OrganizationRole role = new OrganizationRole(state.newId(IdGenerator.STANDARD), fields.name().value(),
                fields.description().value(), type.value() == null ? OrganizationRole.USER : type.value());
        state.roles().put(role);
        state.roleScopes().replace(role.id(), scopeIds);
        state.roleResourceScopes().replace(role.id(), resourceScopeIds);
        if (!scopeIds.isEmpty() || !resourceScopeIds.isEmpty()) {
            request.raise("OrganizationRole.Scopes.Updated", JsonNodeFactory.instance.objectNode().put("organizationRoleId", role.id()));
        }
        return Response.json(201, views.role(role));
    }

    /** The plain role, without scopes (CONTRACT.md §4). */
    private Response get(Request request) {
        return Response.json(200, views.role(find(request)));
    }

    /** Changes name, description or type (a type change is allowed, transcript step 83). */
    private Response update(Request request) {
        Guard guard = Guard.body(request.body());
        TemplateFields fields = TemplateFields.forUpdate(guard);
        Field<String> type = guard.optionalEnum("type", TYPES);
        guard.validate();
        OrganizationRole current = fields.updateTarget(state.roles(), request.pathParam("id"), "organization_role", type);
        OrganizationRole updated = new OrganizationRole(current.id(), fields.name().orElse(current.name()),
                fields.description().orElse(current.description()), type.orElse(current.type()));
        state.roles().put(updated);
        return Response.json(200, views.role(updated));
    }

    private Response delete(Request request) {
        return Response.deleted(state.deleteRole(request.pathParam("id")));
    }

    /** Optional paging; rows ordered by name. */
    private Response scopes(Request request) {
        OrganizationRole role = find(request);
        Paging paging = Paging.optional(request);
        List<JsonNode> rows = views.scopes(state.roleScopes().get(role.id())).stream()
                .map(scope -> (JsonNode) views.scope(scope))
                .toList();
        return paging.respond(request, rows);
    }

    /** 201 {@code text/plain "Created"} (CONTRACT.md correction 5). */
    private Response addScopes(Request request) {
        OrganizationRole role = find(request);
        Guard guard = Guard.body(request.body());
        List<String> scopeIds = guard.requiredStringArray("organizationScopeIds", 1, 1);
        guard.validate();
        requireScopes(scopeIds);
        scopeIds.forEach(scopeId -> state.roleScopes().add(role.id(), scopeId));
        return Response.createdText();
    }

    private Response replaceScopes(Request request) {
        OrganizationRole role = find(request);
        Guard guard = Guard.body(request.body());
        Set<String> scopeIds = new LinkedHashSet<>(guard.requiredStringArray("organizationScopeIds", 0, 1));
        guard.validate();
        requireScopes(scopeIds);
        state.roleScopes().replace(role.id(), scopeIds);
        return Response.noContent();
    }

    private Response removeScope(Request request) {
        OrganizationRole role = find(request);
        return Response.deleted(state.roleScopes().remove(role.id(), request.pathParam("organizationScopeId")));
    }

    /** Optional paging; the resource scope rows the role grants, ordered by name. */
    private Response resourceScopes(Request request) {
        OrganizationRole role = find(request);
        List<JsonNode> rows = state.roleResourceScopes().get(role.id()).stream()
                .map(state.apiScopes()::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(ApiScope::name))
                .map(scope -> (JsonNode) views.apiScope(scope))
                .toList();
        return Paging.optional(request).respond(request, rows);
    }

    /** 201 {@code text/plain "Created"}, like the organization scopes; an unknown scope id adds none (422). */
    private Response addResourceScopes(Request request) {
        OrganizationRole role = find(request);
        Guard guard = Guard.body(request.body());
        List<String> scopeIds = guard.requiredStringArray("scopeIds", 1, 1);
        guard.validate();
        requireApiScopes(scopeIds);
        scopeIds.forEach(scopeId -> state.roleResourceScopes().add(role.id(), scopeId));
        return Response.createdText();
    }

    private Response replaceResourceScopes(Request request) {
        OrganizationRole role = find(request);
        Guard guard = Guard.body(request.body());
        List<String> scopeIds = guard.requiredStringArray("scopeIds", 0, 1);
        guard.validate();
        requireApiScopes(scopeIds);
        state.roleResourceScopes().replace(role.id(), scopeIds);
        return Response.noContent();
    }

    private Response removeResourceScope(Request request) {
        OrganizationRole role = find(request);
        return Response.deleted(state.roleResourceScopes().remove(role.id(), request.pathParam("scopeId")));
    }

    private void requireApiScopes(Collection<String> scopeIds) {
        if (!state.apiScopes().containsAll(scopeIds)) {
            throw ApiError.foreignKey();
        }
    }

    /** The role's own {@code findById} uses {@code pool.one}: an unknown role is 404 {@code entity.not_found}. */
    private OrganizationRole find(Request request) {
        OrganizationRole role = state.roles().get(request.pathParam("id"));
        if (role == null) {
            throw ApiError.notFound();
        }
        return role;
    }

    private void requireScopes(Collection<String> scopeIds) {
        if (!state.scopes().containsAll(scopeIds)) {
            throw ApiError.foreignKey();
        }
    }
}
