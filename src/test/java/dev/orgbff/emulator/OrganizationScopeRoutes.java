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
        LikePattern keyword = LikePattern.keywordQuery(request);
        List<JsonNode> rows = state.scopes().stream()
                .filter(scope -> keyword.matches(scope.name()))
                .sorted(Comparator.comparing(OrganizationScope::name))
                .map(scope -> (JsonNode) views.scope(scope))
                .toList();
        return paging.respond(request, rows);
    }

    private Response create(Request request) {
        Guard guard = Guard.body(request.body());
        TemplateFields fields = TemplateFields.forCreate(guard);
        guard.validate();
        fields.requireFreeName(state.scopes());
        OrganizationScope scope = new OrganizationScope(state.newId(IdGenerator.STANDARD), fields.name().value(),
                fields.description().value());
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
        TemplateFields fields = TemplateFields.forUpdate(guard);
        guard.validate();
        OrganizationScope current = fields.updateTarget(state.scopes(), request.pathParam("id"), "organization_scope");
        OrganizationScope updated = new OrganizationScope(current.id(), fields.name().orElse(current.name()),
                fields.description().orElse(current.description()));
        state.scopes().put(updated);
        return Response.json(200, views.scope(updated));
    }

    /** Roles holding the scope simply lose it. */
    private Response delete(Request request) {
        return Response.deleted(state.deleteScope(request.pathParam("id")));
    }
}
