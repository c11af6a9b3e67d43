package dev.orgbff.emulator;

import java.util.function.Function;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dev-only extras, outside Logto's contract: {@code GET /dev/token?username=<name>} mints a user access
 * token for a seeded user, so a developer can call the BFF without a sign-in flow. These calls are
 * not counted and never delayed or faulted.
 */
final class DevRoutes {

    private final TenantState state;
    private final Function<String, String> userTokens;

    /** @param userTokens mints a user access token for a user id (see {@link LogtoEmulator#userToken(String)}) */
    DevRoutes(TenantState state, Function<String, String> userTokens) {
        this.state = state;
        this.userTokens = userTokens;
    }

    void register(RouteTable routes) {
        routes.open("GET", "/dev/token", this::token);
        routes.open("GET", "/dev/quiet", request -> Response.noContent()); // LogtoEmulator.reset's round trip to itself
    }

    /** 200 {@code {access_token, token_type: "Bearer", expires_in: 3600}}; 400 without a username, 404 for an unknown one. */
    private Response token(Request request) {
        String username = request.query("username");
        if (username == null || username.isEmpty()) {
            return Response.error(400, "dev.username_required", "Pass the user's username: /dev/token?username=<name>.");
        }
        User user = state.userByUsername(username);
        if (user == null) {
            return Response.error(404, "dev.user_not_found", "No user has the username `" + username + "`.");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", userTokens.apply(user.id()));
        body.put("token_type", "Bearer");
        body.put("expires_in", LogtoEmulator.DEFAULT_ACCESS_TOKEN_TTL.toSeconds());
        return Response.json(200, body);
    }
}
