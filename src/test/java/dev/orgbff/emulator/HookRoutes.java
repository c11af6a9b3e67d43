package dev.orgbff.emulator;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/hooks/**} as {@code packages/core/src/routes/hook.ts}: register, list, read, update, rotate the signing key
 * of and delete webhooks; {@link Webhooks} delivers to them. Not served: {@code /test}, {@code /recent-logs} and
 * {@code includeExecutionStats}.
 */
final class HookRoutes {

    /** {@code hookEvents} of Logto 1.42 (without the dev-feature {@code TrustedDevice.*}). */
    static final List<String> EVENTS = List.of("PostRegister", "PostSignIn", "PostSignInAdaptiveMfaTriggered",
            "PostResetPassword", "User.Created", "User.Deleted", "User.Data.Updated", "User.SuspensionStatus.Updated",
            "Role.Created", "Role.Deleted", "Role.Data.Updated", "Role.Scopes.Updated", "Scope.Created", "Scope.Deleted",
            "Scope.Data.Updated", "Organization.Created", "Organization.Deleted", "Organization.Data.Updated",
            "Organization.Membership.Updated", "OrganizationRole.Created", "OrganizationRole.Deleted",
            "OrganizationRole.Data.Updated", "OrganizationRole.Scopes.Updated", "OrganizationScope.Created",
            "OrganizationScope.Deleted", "OrganizationScope.Data.Updated", "Identifier.Lockout", "Message.RateLimited",
            "Grant.LimitExceeded");

    private final TenantState state;
    private final Views views;

    HookRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/hooks", this::list)
                .api("POST", "/api/hooks", this::create)
                .api("GET", "/api/hooks/{id}", this::get)
                .api("PATCH", "/api/hooks/{id}", this::update)
                .api("DELETE", "/api/hooks/{id}", this::delete)
                .api("PATCH", "/api/hooks/{id}/signing-key", this::rotateSigningKey);
    }

    /** Optional paging, newest first ({@code findAllHooks} orders by {@code createdAt desc}). */
    private Response list(Request request) {
        Paging paging = Paging.optional(request);
        List<JsonNode> rows = state.hooks().stream()
                .sorted(Comparator.comparingLong(Hook::createdAt).reversed())
                .map(hook -> (JsonNode) views.hook(hook))
                .toList();
        return paging.respond(request, rows);
    }

    /** 201 with a fresh 32-character {@code signingKey}; {@code events} (or the deprecated {@code event}) is required: 400 {@code hook.missing_events}. */
    private Response create(Request request) {
        Guard guard = Guard.body(request.body());
        Field<String> name = guard.optionalString("name", 1, 256, false);
        Field<String> event = guard.optionalEnum("event", EVENTS);
        Field<List<String>> events = guard.optionalEnumArray("events", EVENTS, 1);
        ObjectNode config = config(guard, true);
        Field<Boolean> enabled = guard.optionalBoolean("enabled");
        guard.validate();
        if (events.value() == null && event.value() == null) {
            throw ApiError.of(400, "hook.missing_events", "You need to provide at least one event.");
        }
        Hook hook = new Hook(state.newId(IdGenerator.STANDARD), name.value() == null ? "" : name.value(), event.value(),
                events.value() == null ? List.of() : List.copyOf(new LinkedHashSet<>(events.value())), config,
                state.newSecret(), enabled.value() == null || enabled.value(), state.now());
        state.hooks().put(hook);
        return Response.json(201, views.hook(hook));
    }

    private Response get(Request request) {
        String id = request.pathParam("id");
        Hook hook = state.hooks().get(id);
        if (hook == null) {
            throw ApiError.notExistsWithId("hooks", id);
        }
        return Response.json(200, views.hook(hook));
    }

    /** Any subset of name, event, events, config (replaced whole) and enabled. */
    private Response update(Request request) {
        Guard guard = Guard.body(request.body());
        Field<String> name = guard.optionalString("name", 1, 256, false);
        Field<String> event = request.body().path("event").isNull() ? Field.of(null) : guard.optionalEnum("event", EVENTS);
        Field<List<String>> events = guard.optionalEnumArray("events", EVENTS, 1);
        ObjectNode config = config(guard, false);
        Field<Boolean> enabled = guard.optionalBoolean("enabled");
        guard.validate();
        if (!(name.present() || event.present() || events.present() || config != null || enabled.present())) {
            throw ApiError.emptyUpdate();
        }
        Hook current = state.hooks().get(request.pathParam("id"));
        if (current == null) {
            throw ApiError.notExists("hook");
        }
        Hook updated = new Hook(current.id(), name.orElse(current.name()), event.orElse(current.event()),
                events.value() == null ? current.events() : List.copyOf(new LinkedHashSet<>(events.value())),
                config == null ? current.config() : config, current.signingKey(), enabled.value() == null ? current.enabled() : enabled.value(),
                current.createdAt());
        state.hooks().put(updated);
        return Response.json(200, views.hook(updated));
    }

    private Response rotateSigningKey(Request request) {
        Hook current = state.hooks().get(request.pathParam("id"));
        if (current == null) {
            throw ApiError.notExists("hook");
        }
        Hook updated = new Hook(current.id(), current.name(), current.event(), current.events(), current.config(),
                state.newSecret(), current.enabled(), current.createdAt());
        state.hooks().put(updated);
        return Response.json(200, views.hook(updated));
    }

    private Response delete(Request request) {
        return Response.deleted(state.hooks().remove(request.pathParam("id")));
    }

    /** {@code hookConfigGuard}: {@code {url, headers?: Record<string, string>, retries?}}, unknown keys stripped; null when absent. */
    private static @Nullable ObjectNode config(Guard guard, boolean required) {
        ObjectNode config = required ? guard.requiredObject("config") : guard.optionalObject("config").value();
        if (config == null) {
            return null;
        }
        Guard nested = guard.nested("config", config);
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.put("url", nested.requiredString("url", 0, -1));
        Field<ObjectNode> headers = nested.optionalObject("headers");
        if (headers.value() != null) {
            Guard headerGuard = nested.nested("headers", headers.value());
            headers.value().propertyNames().forEach(header -> headerGuard.optionalString(header, 0, -1, false));
            stored.set("headers", headers.value());
        }
        if (config.path("retries").isNumber()) {
            stored.set("retries", config.get("retries"));
        }
        return stored;
    }
}
