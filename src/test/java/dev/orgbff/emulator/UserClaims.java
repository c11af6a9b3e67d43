package dev.orgbff.emulator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user claims Logto puts into ID tokens and userinfo answers, per granted scope: {@code getAcceptedUserClaims}
 * and {@code getUserClaimsData} in {@code packages/core/src/oidc/scope.ts} over the scope → claims map of
 * {@code packages/toolkit/core-kit/src/openid.ts}, with the default tenant's ID token configuration (the extended
 * claims {@code roles}, {@code organizations} and {@code organization_roles} enabled;
 * {@code packages/schemas/src/seeds/logto-config.ts}). Userinfo always carries every claim of a scope.
 * A claim whose value is absent from the user's profile is left out, while {@code name}, {@code picture},
 * {@code username}, {@code email} and {@code phone_number} are {@code null} when unset, as Logto writes them.
 */
final class UserClaims {

    /** oidc-provider's static scopes in Logto: {@code openid}, {@code offline_access} and every user-claim scope. */
    static final Set<String> OIDC_SCOPES = Set.of("openid", "offline_access", "profile", "email", "phone", "address",
            "custom_data", "identities", "roles", "urn:logto:scope:organizations", "urn:logto:scope:organization_roles",
            "urn:logto:scope:sessions");

    private static final Map<String, List<String>> ID_TOKEN_CLAIMS = Map.of(
            "profile", List.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                    "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at", "username",
                    "created_at"),
            "email", List.of("email", "email_verified"),
            "phone", List.of("phone_number", "phone_number_verified"),
            "address", List.of("address"),
            "roles", List.of("roles"),
            "urn:logto:scope:organizations", List.of("organizations"),
            "urn:logto:scope:organization_roles", List.of("organization_roles"));
    /** Extended claims the default tenant leaves out of ID tokens; userinfo has them. */
    private static final Map<String, List<String>> USERINFO_ONLY_CLAIMS = Map.of(
            "custom_data", List.of("custom_data"),
            "identities", List.of("identities", "sso_identities"),
            "urn:logto:scope:organizations", List.of("organization_data"));
    /** Profile claims stored in the user's {@code profile} object, under their camelCase names. */
    private static final Map<String, String> PROFILE_KEYS = Map.ofEntries(
            Map.entry("family_name", "familyName"), Map.entry("given_name", "givenName"),
            Map.entry("middle_name", "middleName"), Map.entry("nickname", "nickname"), Map.entry("profile", "profile"),
            Map.entry("website", "website"), Map.entry("gender", "gender"), Map.entry("birthdate", "birthdate"),
            Map.entry("zoneinfo", "zoneinfo"), Map.entry("locale", "locale"), Map.entry("address", "address"));

    private final TenantState state;

    UserClaims(TenantState state) {
        this.state = state;
    }

    /** The claims of an ID token for these scopes, {@code sub} first. */
    ObjectNode idToken(User user, Collection<String> scopes) {
        return claims(user, scopes, false);
    }

    /** The userinfo answer for these scopes, {@code sub} first. */
    ObjectNode userinfo(User user, Collection<String> scopes) {
        return claims(user, scopes, true);
    }

    private ObjectNode claims(User user, Collection<String> scopes, boolean userinfo) {
        Map<String, JsonNode> claims = new LinkedHashMap<>();
        claims.put("sub", JsonNodeFactory.instance.stringNode(user.id()));
        for (String scope : scopes) {
            for (String claim : ID_TOKEN_CLAIMS.getOrDefault(scope, List.of())) {
                put(claims, claim, value(user, claim));
            }
            if (userinfo) {
                for (String claim : USERINFO_ONLY_CLAIMS.getOrDefault(scope, List.of())) {
                    put(claims, claim, value(user, claim));
                }
            }
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        claims.forEach(node::set);
        return node;
    }

    private static void put(Map<String, JsonNode> claims, String claim, JsonNode value) {
        if (!value.isMissingNode()) {
            claims.put(claim, value);
        }
    }

    /** The claim's value; a missing node leaves the claim out (JavaScript's {@code undefined}). */
    private JsonNode value(User user, String claim) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (claim) {
            case "name" -> nullable(user.name());
            case "picture" -> nullable(user.avatar());
            case "username" -> nullable(user.username());
            case "email" -> nullable(user.primaryEmail());
            case "phone_number" -> nullable(user.primaryPhone());
            case "email_verified" -> nodes.booleanNode(user.primaryEmail() != null);
            case "phone_number_verified" -> nodes.booleanNode(user.primaryPhone() != null);
            case "preferred_username" -> user.profile().has("preferredUsername") ? user.profile().get("preferredUsername")
                    : user.username() == null ? nodes.missingNode() : nodes.stringNode(user.username());
            case "created_at" -> nodes.numberNode(user.createdAt());
            case "updated_at" -> nodes.numberNode(user.updatedAt());
            case "custom_data" -> user.customData().deepCopy();
            case "identities" -> nodes.objectNode();
            case "sso_identities", "roles" -> nodes.arrayNode(); // no social/SSO identities or global roles are emulated
            case "organizations" -> organizations(user, false);
            case "organization_data" -> organizations(user, true);
            case "organization_roles" -> organizationRoles(user);
            default -> user.profile().path(Objects.requireNonNull(PROFILE_KEYS.get(claim), claim));
        };
    }

    private static JsonNode nullable(@Nullable String value) {
        return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.stringNode(value);
    }

    private ArrayNode organizations(User user, boolean withData) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String organizationId : state.organizationIdsOf(user.id())) {
            Organization organization = state.organizations().get(organizationId);
            if (organization == null) {
                continue;
            }
            if (withData) {
                array.addObject().put("id", organization.id()).put("name", organization.name())
                        .put("description", organization.description());
            } else {
                array.add(organization.id());
            }
        }
        return array;
    }

    private ArrayNode organizationRoles(User user) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String organizationId : state.organizationIdsOf(user.id())) {
            state.memberRoleIds(organizationId, user.id()).stream()
                    .map(state.roles()::get)
                    .filter(Objects::nonNull)
                    .forEach(role -> array.add(organizationId + ":" + role.name()));
        }
        return array;
    }
}
