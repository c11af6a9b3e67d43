package dev.orgbff.emulator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/users}: create, get, delete, the advanced search, and a user's organizations
 * (CONTRACT.md §3, transcript scenario {@code d.users}).
 */
final class UserRoutes {

    private static final List<String> PASSWORD_ALGORITHMS =
            List.of("Argon2i", "Argon2id", "Argon2d", "SHA1", "SHA256", "MD5", "Bcrypt", "Legacy");

    private final TenantState state;
    private final Views views;

    UserRoutes(TenantState state, Views views) {
        this.state = state;
        this.views = views;
    }

    void register(RouteTable routes) {
        routes.api("GET", "/api/users", this::search)
                .api("POST", "/api/users", this::create)
                .api("GET", "/api/users/{userId}", this::get)
                .api("PATCH", "/api/users/{userId}", this::update)
                .api("DELETE", "/api/users/{userId}", this::delete)
                .api("GET", "/api/users/{userId}/organizations", this::organizations);
    }

    /** Mandatory paging, rows ordered by {@code createdAt} descending; see {@link UserSearch} for the filters. */
    private Response search(Request request) {
        Paging paging = Paging.mandatory(request);
        UserSearch search = UserSearch.parse(request.queryPairs());
        String excludeRoleId = request.query("excludeRoleId");
        String excludeOrganizationId = request.query("excludeOrganizationId");
        if (excludeRoleId != null && excludeOrganizationId != null) {
            throw ApiError.invalidInputFromTypeError("Cannot use both `excludeRoleId` and `excludeOrganizationId` at the same time.");
        }
        // the emulator has no global (tenant) roles, so excludeRoleId excludes nobody
        Set<String> excluded = excludeOrganizationId == null ? Set.of() : state.memberIds(excludeOrganizationId);
        List<JsonNode> rows = state.users().stream()
                .filter(user -> !excluded.contains(user.id()))
                .filter(search::matches)
                .sorted(Comparator.comparingLong(User::createdAt).thenComparingLong(User::sequence).reversed())
                .map(user -> (JsonNode) views.userProfile(user))
                .toList();
        return paging.respond(request, rows);
    }

    /** 200 (not 201) with the profile; identifiers must be unique, the email case-insensitively. */
    private Response create(Request request) {
        JsonNode body = request.body();
        Guard guard = Guard.body(body);
        Field<String> primaryPhone = guard.optionalMatching("primaryPhone", Guard.LOGTO_PHONE, "regex", false);
        Field<String> primaryEmail = guard.optionalMatching("primaryEmail", Guard.LOGTO_EMAIL, "regex", false);
        Field<String> username = guard.optionalMatching("username", Guard.LOGTO_USERNAME, "regex", false);
        Field<String> password = guard.optionalString("password", 1, -1, false);
        Field<String> passwordDigest = guard.optionalString("passwordDigest", 0, 256, false);
        Field<String> passwordAlgorithm = guard.optionalEnum("passwordAlgorithm", PASSWORD_ALGORITHMS);
        Field<String> name = guard.optionalString("name", 0, -1, false);
        Field<String> avatar = guard.optionalUrl("avatar", true);
        Field<ObjectNode> customData = guard.optionalObject("customData");
        Field<ObjectNode> profile = guard.optionalObject("profile");
        guard.validate();
        if (password.value() != null && passwordDigest.value() != null) {
            throw ApiError.of(400, "user.password_and_digest", "You cannot set both plain text password and password digest.");
        }
        if (passwordDigest.value() != null && passwordAlgorithm.value() == null) {
            throw ApiError.of(400, "user.password_algorithm_required", "Password algorithm is required.");
        }
        if (username.value() != null && state.usernameTaken(username.value())) {
            throw ApiError.of(422, "user.username_already_in_use", "This username is already in use.");
        }
        if (primaryEmail.value() != null && state.emailTaken(primaryEmail.value())) {
            throw ApiError.of(422, "user.email_already_in_use", "This email is associated with an existing account.");
        }
        if (primaryPhone.value() != null && state.phoneTaken(primaryPhone.value())) {
            throw ApiError.of(422, "user.phone_already_in_use", "This phone number is associated with an existing account.");
        }
        long now = state.now();
        User user = new User(state.newId(IdGenerator.SHORT), username.value(), primaryEmail.value(), primaryPhone.value(),
                name.value(), avatar.value(), orEmpty(customData.value()), orEmpty(profile.value()),
                password.value() != null || passwordDigest.value() != null, now, now, state.nextSequence());
        state.users().put(user);
        return Response.json(200, views.userProfile(user));
    }

    /** The profile; {@code includeSsoIdentities} adds {@code ssoIdentities: []}, {@code includePasswordHash} the (null) hash fields. */
    private Response get(Request request) {
        ObjectNode profile = views.userProfile(find(request.pathParam("userId")));
        if (Request.isYes(request.query("includeSsoIdentities"))) {
            profile.putArray("ssoIdentities");
        }
        if (Request.isYes(request.query("includePasswordHash"))) {
            profile.putNull("passwordDigest");
            profile.putNull("passwordAlgorithm");
        }
        return Response.json(200, profile);
    }

    /**
     * Any subset of username, primaryEmail, primaryPhone, name, avatar (each nullable; {@code ""} clears it too),
     * customData and profile (replaced whole); identifiers another user holds answer 422 as on create.
     */
    private Response update(Request request) {
        Guard guard = Guard.body(request.body());
        Field<String> username = identifier(guard, "username", Guard.LOGTO_USERNAME);
        Field<String> primaryEmail = identifier(guard, "primaryEmail", Guard.LOGTO_EMAIL);
        Field<String> primaryPhone = identifier(guard, "primaryPhone", Guard.LOGTO_PHONE);
        Field<String> name = guard.optionalString("name", 0, -1, true);
        Field<String> avatar = guard.optionalUrl("avatar", true);
        Field<ObjectNode> customData = guard.optionalObject("customData");
        Field<ObjectNode> profile = guard.optionalObject("profile");
        guard.validate();
        User current = find(request.pathParam("userId"));
        if (taken(username, current, User::username)) {
            throw ApiError.of(422, "user.username_already_in_use", "This username is already in use.");
        }
        if (primaryEmail.value() != null && !primaryEmail.value().equalsIgnoreCase(current.primaryEmail())
                && state.emailTaken(primaryEmail.value())) {
            throw ApiError.of(422, "user.email_already_in_use", "This email is associated with an existing account.");
        }
        if (taken(primaryPhone, current, User::primaryPhone)) {
            throw ApiError.of(422, "user.phone_already_in_use", "This phone number is associated with an existing account.");
        }
        User updated = new User(current.id(), username.orElse(current.username()), primaryEmail.orElse(current.primaryEmail()),
                primaryPhone.orElse(current.primaryPhone()), emptyToNull(name.orElse(current.name())),
                emptyToNull(avatar.orElse(current.avatar())), customData.value() == null ? current.customData() : customData.value(),
                profile.value() == null ? current.profile() : profile.value(), current.hasPassword(), current.createdAt(),
                state.now(), current.sequence());
        state.users().put(updated);
        return Response.json(200, views.userProfile(updated));
    }

    /** An identifier of the PATCH body: Logto's pattern, {@code ""} or null (both clear it). */
    private static Field<String> identifier(Guard guard, String key, Pattern pattern) {
        Field<String> field = guard.optionalMatching(key, Pattern.compile(pattern.pattern() + "|^$"), "regex", true);
        return field.present() ? Field.of(emptyToNull(field.value())) : field;
    }

    private boolean taken(Field<String> identifier, User current, Function<User, String> column) {
        String value = identifier.value();
        return value != null && state.users().stream().anyMatch(user -> !user.id().equals(current.id()) && value.equals(column.apply(user)));
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Deleting a user ends their memberships and roles too (transcript steps 125, 126); raises {@code User.Deleted} with the user. */
    private Response delete(Request request) {
        User user = state.users().get(request.pathParam("userId"));
        Response response = Response.deleted(state.deleteUser(request.pathParam("userId")));
        request.raiseWithUser("User.Deleted", views.userInfo(user));
        return response;
    }

    /** Every organization of the user with their {@code organizationRoles}; unpaginated, paging parameters are ignored. */
    private Response organizations(Request request) {
        String userId = find(request.pathParam("userId")).id();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (String organizationId : state.organizationIdsOf(userId)) {
            ObjectNode row = views.organization(state.organizations().get(organizationId));
            row.set("organizationRoles", views.roleRefs(state.memberRoleIds(organizationId, userId)));
            rows.add(row);
        }
        return Response.json(200, rows);
    }

    /** {@code findUserById} uses {@code pool.one}, so an unknown user is 404 {@code entity.not_found}. */
    private User find(String userId) {
        User user = state.users().get(userId);
        if (user == null) {
            throw ApiError.notFound();
        }
        return user;
    }

    private static ObjectNode orEmpty(@Nullable ObjectNode node) {
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }
}
