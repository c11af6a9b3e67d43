package dev.orgbff.emulator;

import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code /api/organization-scopes/**}: the permissions of the organization template, a plain Logto
 * {@code SchemaRouter} (CONTRACT.md §4, transcript scenario {@code c.template}).
 */
final class OrganizationScopeRoutes {

    private final TenantState state;
    private final Views views;

    OrganizationScopeRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/organization-scopes", this::list)
                .api("POST", "/api/organization-scopes", this::create)
                .api("GET", "/api/organization-scopes/{id}", this::get)
                .api("PATCH", "/api/organization-scopes/{id}", this::update)
                .api("DELETE", "/api/organization-scopes/{id}", this::delete);
    }

    /** Optional paging (no parameters: every scope, no {@code Total-Number}), ordered by name; {@code q} matches the name. */
    private Response list(Request request) {
        Paging paging = Paging.optional(request);
        Guard guard = Guard.query(request.queryObject());
        Field<String> q = guard.optionalString("q", 0, -1, false);
        guard.validate();
        LikePattern keyword = LikePattern.keyword(q.value());
        List<JsonNode> rows = state.scopes().stream()
                .filter(scope -> keyword.matches(scope.name()))
                .sorted(Comparator.comparing(OrganizationScope::name))
                .map(scope -> (JsonNode) views.scope(scope))
                .toList();
        return paging.respond(request, rows);
    }

    private Response create(Request request) {
        Guard guard = Guard.body(request.body());
        String name = guard.requiredString("name", 1, 128);
        Field<String> description = guard.optionalString("description", 0, 256, true);
        guard.validate();
        if (state.scopeByName(name) != null) {
            throw ApiError.unique();
        }
        OrganizationScope scope = new OrganizationScope(state.newId(IdGenerator.STANDARD), name, description.value());
        state.scopes().put(scope);
        return Response.json(201, views.scope(scope));
    }

    private Response get(Request request) {
        String id = request.pathParam("id");
        OrganizationScope scope = state.scopes().get(id);
        if (scope == null) {
            throw ApiError.notExistsWithId("organization_scopes", id);
        }
        return Response.json(200, views.scope(scope));
    }

    private Response update(Request request) {
        Guard guard = Guard.body(request.body());
        Field<String> name = guard.optionalString("name", 1, 128, false);
        Field<String> description = guard.optionalString("description", 0, 256, true);
        guard.validate();
        if (!(name.present() || description.present())) {
            throw ApiError.emptyUpdate();
        }
        OrganizationScope current = state.scopes().get(request.pathParam("id"));
        if (current == null) {
            throw ApiError.notExists("organization_scope");
        }
        OrganizationScope other = name.value() == null ? null : state.scopeByName(name.value());
        if (other != null && !other.id().equals(current.id())) {
            throw ApiError.unique();
        }
        OrganizationScope updated = new OrganizationScope(current.id(), name.present() ? name.value() : current.name(),
                description.present() ? description.value() : current.description());
        state.scopes().put(updated);
        return Response.json(200, views.scope(updated));
    }

    /** Roles holding the scope simply lose it. */
    private Response delete(Request request) {
        if (!state.deleteScope(request.pathParam("id"))) {
            throw ApiError.notFound();
        }
        return Response.noContent();
    }
}
