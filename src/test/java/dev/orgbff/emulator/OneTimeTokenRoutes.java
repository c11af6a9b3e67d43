package dev.orgbff.emulator;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/one-time-tokens}: create, read and delete magic-link tokens as observed on a real Logto 1.42
 * (CONTRACT.md "One-time tokens"): the email is neither validated nor normalised, the default lifetime is
 * 600 s. Signing in with a token happens in Logto's sign-in experience, which the emulator does not have.
 */
final class OneTimeTokenRoutes {

    private static final long DEFAULT_EXPIRES_IN_SECONDS = 600;
    private static final int TOKEN_LENGTH = 32;

    private final TenantState state;

    OneTimeTokenRoutes(TenantState state) {
        this.state = state;
    }

    void register(RouteTable routes) {
        routes.api("POST", "/api/one-time-tokens", this::create)
                .api("GET", "/api/one-time-tokens/{id}", this::get)
                .api("DELETE", "/api/one-time-tokens/{id}", this::delete);
    }

    /** 201 with the token; {@code email} required (any string), {@code expiresIn} optional seconds. */
    private Response create(Request request) {
        Guard guard = Guard.body(request.body());
        String email = guard.requiredString("email", 0, -1);
        guard.validate();
        var expiresInNode = request.body().get("expiresIn");
        long expiresIn = expiresInNode != null && expiresInNode.isNumber() ? expiresInNode.longValue() : DEFAULT_EXPIRES_IN_SECONDS;
        long now = state.now();
        OneTimeToken token = new OneTimeToken(state.newId(IdGenerator.STANDARD), email, state.newId(TOKEN_LENGTH), "active", now,
                now + expiresIn * 1000);
        state.oneTimeTokens().put(token);
        return Response.json(201, view(token));
    }

    /** 404 {@code entity.not_exists_with_id} for an unknown or deleted token. */
    private Response get(Request request) {
        OneTimeToken token = state.oneTimeTokens().get(request.pathParam("id"));
        if (token == null) {
            throw ApiError.notExistsWithId("one_time_tokens", request.pathParam("id"));
        }
        return Response.json(200, view(token));
    }

    private Response delete(Request request) {
        return Response.deleted(state.oneTimeTokens().remove(request.pathParam("id")));
    }

    private static ObjectNode view(OneTimeToken token) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("tenantId", Views.TENANT_ID);
        node.put("id", token.id());
        node.put("email", token.email());
        node.put("token", token.token());
        node.putObject("context");
        node.put("status", token.status());
        node.put("createdAt", token.createdAt());
        node.put("expiresAt", token.expiresAt());
        return node;
    }
}
