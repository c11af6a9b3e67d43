package dev.orgbff.emulator;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Just-in-time provisioning settings of an organization: {@code /api/organizations/{id}/jit/email-domains}
 * and {@code /api/organizations/{id}/jit/roles} (CONTRACT.md §6, transcript scenario {@code g.jit}).
 * Email domains are stored exactly as given (no validation, no normalisation), as real Logto does.
 */
final class JitRoutes {

    private final TenantState state;
    private final Views views;

    JitRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/organizations/{id}/jit/email-domains", this::domains)
                .api("POST", "/api/organizations/{id}/jit/email-domains", this::addDomain)
                .api("PUT", "/api/organizations/{id}/jit/email-domains", this::replaceDomains)
                .api("DELETE", "/api/organizations/{id}/jit/email-domains/{emailDomain}", this::removeDomain)
                .api("GET", "/api/organizations/{id}/jit/roles", this::roles)
                .api("POST", "/api/organizations/{id}/jit/roles", this::addRoles)
                .api("PUT", "/api/organizations/{id}/jit/roles", this::replaceRoles)
                .api("DELETE", "/api/organizations/{id}/jit/roles/{organizationRoleId}", this::removeRole);
    }

    /** Optional paging; an unknown organization simply has no domains (200 {@code []}). */
    private Response domains(Request request) {
        String organizationId = request.pathParam("id");
        Paging paging = Paging.optional(request);
        List<JsonNode> rows = state.jitDomains().get(organizationId).stream()
                .map(domain -> (JsonNode) views.jitDomain(organizationId, domain))
                .toList();
        return paging.respond(request, rows);
    }

    private Response addDomain(Request request) {
        Guard guard = Guard.body(request.body());
        String domain = guard.requiredString("emailDomain", 1, -1);
        guard.validate();
        String organizationId = request.pathParam("id");
        if (!state.organizations().contains(organizationId)) {
            throw ApiError.foreignKey();
        }
        if (state.jitDomains().contains(organizationId, domain)) {
            throw ApiError.unique();
        }
        state.jitDomains().add(organizationId, domain);
        return Response.json(201, views.jitDomain(organizationId, domain));
    }

    /** Replaces the list; a duplicate inside it is a unique violation and nothing changes (transcript steps 266, 267). */
    private Response replaceDomains(Request request) {
        Guard guard = Guard.body(request.body());
        List<String> domains = guard.requiredStringArray("emailDomains", 0, 1);
        guard.validate();
        String organizationId = request.pathParam("id");
        if (!domains.isEmpty() && !state.organizations().contains(organizationId)) {
            throw ApiError.foreignKey();
        }
        if (new HashSet<>(domains).size() != domains.size()) {
            throw ApiError.unique();
        }
        state.jitDomains().replace(organizationId, domains);
        return Response.noContent();
    }

    private Response removeDomain(Request request) {
        return Response.deleted(state.jitDomains().remove(request.pathParam("id"), request.pathParam("emailDomain")));
    }

    /** A generic relation route: the organization must exist (404 {@code entity.not_exists_with_id}); optional paging. */
    private Response roles(Request request) {
        String organizationId = requireOrganization(request);
        Paging paging = Paging.optional(request);
        List<JsonNode> rows = views.roles(state.jitRoles().get(organizationId)).stream()
                .map(role -> (JsonNode) views.role(role))
                .toList();
        return paging.respond(request, rows);
    }

    /** 201 {@code text/plain "Created"}, like every generic relation POST. */
    private Response addRoles(Request request) {
        String organizationId = requireOrganization(request);
        Guard guard = Guard.body(request.body());
        List<String> roleIds = guard.requiredStringArray("organizationRoleIds", 1, 1);
        guard.validate();
        requireRoles(roleIds);
        roleIds.forEach(roleId -> state.jitRoles().add(organizationId, roleId));
        return Response.createdText();
    }

    private Response replaceRoles(Request request) {
        String organizationId = requireOrganization(request);
        Guard guard = Guard.body(request.body());
        Set<String> roleIds = new LinkedHashSet<>(guard.requiredStringArray("organizationRoleIds", 0, 1));
        guard.validate();
        requireRoles(roleIds);
        state.jitRoles().replace(organizationId, roleIds);
        return Response.noContent();
    }

    private Response removeRole(Request request) {
        String organizationId = requireOrganization(request);
        return Response.deleted(state.jitRoles().remove(organizationId, request.pathParam("organizationRoleId")));
    }

    private String requireOrganization(Request request) {
        String organizationId = request.pathParam("id");
        if (!state.organizations().contains(organizationId)) {
            throw ApiError.notExistsWithId("organizations", organizationId);
        }
        return organizationId;
    }

    private void requireRoles(Collection<String> roleIds) {
        if (!state.roles().containsAll(roleIds)) {
            throw ApiError.foreignKey();
        }
    }
}
