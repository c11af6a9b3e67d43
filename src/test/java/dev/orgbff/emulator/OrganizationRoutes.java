package dev.orgbff.emulator;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/organizations} and {@code /api/organizations/{id}}: Logto's organization
 * {@code SchemaRouter} (CONTRACT.md §1, transcript scenario {@code b.organizations}).
 */
final class OrganizationRoutes {

    private static final int FEATURED_USERS = 3;

    private final TenantState state;
    private final Views views;

    OrganizationRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/organizations", this::list)
                .api("POST", "/api/organizations", this::create)
                .api("GET", "/api/organizations/{id}", this::get)
                .api("PATCH", "/api/organizations/{id}", this::update)
                .api("DELETE", "/api/organizations/{id}", this::delete);
    }

    /** Mandatory paging; {@code q} is {@code ilike '%q%'} on id and name; {@code showFeatured} adds member previews. */
    private Response list(Request request) {
        Paging paging = Paging.mandatory(request);
        Guard guard = Guard.query(request.queryObject());
        Field<String> q = guard.optionalString("q", 0, -1, false);
        Field<String> showFeatured = guard.optionalString("showFeatured", 0, -1, false);
        guard.validate();
        LikePattern keyword = LikePattern.keyword(q.value());
        boolean featured = Request.isYes(showFeatured.value());
        List<JsonNode> rows = state.organizations().stream()
                .filter(org -> keyword.matches(org.id()) || keyword.matches(org.name()))
                .map(org -> featured ? withFeaturedUsers(org) : views.organization(org))
                .map(JsonNode.class::cast)
                .toList();
        return paging.respond(request, rows);
    }

    private ObjectNode withFeaturedUsers(Organization organization) {
        ObjectNode row = views.organization(organization);
        Set<String> memberIds = state.memberIds(organization.id());
        row.put("usersCount", memberIds.size());
        ArrayNode featured = row.putArray("featuredUsers");
        memberIds.stream().limit(FEATURED_USERS).map(state.users()::get).forEach(user -> {
            ObjectNode preview = featured.addObject();
            preview.put("id", user.id());
            preview.put("avatar", user.avatar());
            preview.put("name", user.name());
        });
        return row;
    }

    private Response create(Request request) {
        Guard guard = Guard.body(request.body());
        String name = guard.requiredString("name", 1, 128);
        Columns columns = Columns.read(guard);
        JsonNode createdAtNode = request.body().get("createdAt");
        guard.validate();
        long now = state.now();
        Organization organization = new Organization(state.newId(IdGenerator.SHORT), name, columns.description().value(),
                orEmpty(columns.customData()), Boolean.TRUE.equals(columns.isMfaRequired().value()),
                orEmpty(columns.color()), orEmpty(columns.branding()), columns.customCss().value(),
                createdAtNode != null && createdAtNode.isNumber() ? createdAtNode.longValue() : now);
        state.organizations().put(organization);
        return Response.json(201, views.organization(organization));
    }

    private Response get(Request request) {
        return Response.json(200, views.organization(find(request.pathParam("id"))));
    }

    /** PATCH replaces every given column, JSON columns whole (CONTRACT.md §1); an empty body is 422. */
    private Response update(Request request) {
        Guard guard = Guard.body(request.body());
        Field<String> name = guard.optionalString("name", 1, 128, false);
        Columns columns = Columns.read(guard);
        guard.validate();
        if (!(name.present() || columns.anyPresent())) {
            throw ApiError.emptyUpdate();
        }
        Organization current = state.organizations().get(request.pathParam("id"));
        if (current == null) {
            throw ApiError.notExists("organization");
        }
        Organization updated = new Organization(current.id(), name.orElse(current.name()),
                columns.description().orElse(current.description()),
                columns.customData().orElse(current.customData()),
                columns.isMfaRequired().orElse(current.isMfaRequired()),
                columns.color().orElse(current.color()),
                columns.branding().orElse(current.branding()),
                columns.customCss().orElse(current.customCss()), current.createdAt());
        state.organizations().put(updated);
        return Response.json(200, views.organization(updated));
    }

    private Response delete(Request request) {
        return Response.deleted(state.deleteOrganization(request.pathParam("id")));
    }

    private Organization find(String id) {
        Organization organization = state.organizations().get(id);
        if (organization == null) {
            throw ApiError.notExistsWithId("organizations", id);
        }
        return organization;
    }

    /** {@code color}: an object whose {@code primaryColor}/{@code darkPrimaryColor} are hex colours. */
    private static Field<ObjectNode> readColor(Guard guard) {
        Field<ObjectNode> color = guard.optionalObject("color");
        if (color.value() != null) {
            Guard nested = guard.nested("color", color.value());
            nested.optionalMatching("primaryColor", Guard.HEX_COLOR, "regex", false);
            nested.optionalBoolean("isDarkModeEnabled");
            nested.optionalMatching("darkPrimaryColor", Guard.HEX_COLOR, "regex", false);
        }
        return color;
    }

    /** {@code branding}: an object of URLs. */
    private static Field<ObjectNode> readBranding(Guard guard) {
        Field<ObjectNode> branding = guard.optionalObject("branding");
        if (branding.value() != null) {
            Guard nested = guard.nested("branding", branding.value());
            for (String key : List.of("logoUrl", "darkLogoUrl", "favicon", "darkFavicon")) {
                nested.optionalUrl(key, false);
            }
        }
        return branding;
    }

    /**
     * The body fields POST and PATCH share, after {@code name}. They are read in the guard schema's key
     * order, which is the order zod reports their issues in.
     */
    private record Columns(Field<String> description, Field<ObjectNode> customData, Field<Boolean> isMfaRequired,
            Field<ObjectNode> color, Field<ObjectNode> branding, Field<String> customCss) {

        static Columns read(Guard guard) {
            Field<String> description = guard.optionalString("description", 0, 256, true);
            Field<ObjectNode> customData = guard.optionalObject("customData");
            Field<Boolean> isMfaRequired = guard.optionalBoolean("isMfaRequired");
            Field<ObjectNode> color = readColor(guard);
            Field<ObjectNode> branding = readBranding(guard);
            Field<String> customCss = guard.optionalString("customCss", 0, -1, true);
            return new Columns(description, customData, isMfaRequired, color, branding, customCss);
        }

        boolean anyPresent() {
            return description.present() || customData.present() || isMfaRequired.present() || color.present()
                    || branding.present() || customCss.present();
        }
    }

    private static ObjectNode orEmpty(Field<ObjectNode> field) {
        return field.value() == null ? JsonNodeFactory.instance.objectNode() : field.value();
    }
}
