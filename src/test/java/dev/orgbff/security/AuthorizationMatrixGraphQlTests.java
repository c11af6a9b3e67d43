package dev.orgbff.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.security.OperationGenerator.Operation;
import dev.orgbff.security.OperationGenerator.Samples;
import dev.orgbff.security.OperationGenerator.Selected;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix, generated from the schema, so that it grows with it. Every root field that takes an
 * organization or invitation id is run, with every field below it selected ({@link OperationGenerator}), by
 * each caller who may not act there: a non-member, a member without the permission, and a token scoped to
 * another organization (an organization token and an organization-level API token). Each is denied, a
 * non-member exactly as for a random well-formed id (the whole response is the same), and no upstream write
 * happens.
 *
 * <p><b>Which fields.</b> An argument or input field, at any depth of the input, takes an organization id when it
 * is named {@code organizationId} (or {@code organizationIds}, or ends so, e.g. {@code targetOrganizationId}), an
 * invitation id likewise with {@code invitationId}; a root field's {@code id} argument takes the id of what the
 * field returns ({@code Organization}, {@code Invitation}). Every other {@code ID} argument or input field must be
 * listed in {@link #NOT_SCOPING}, every root field without such an id in {@link #UNSCOPED} with the reason, and no
 * field below the root may take such an id: {@code schema_…} fails otherwise. So a new operation either runs
 * through the matrix or is listed here with its reason. What a member may do comes from the SDL: a mutation
 * whose description says "Needs `permission`" is denied to bob when his {@code member} role lacks it, and to a
 * member holding no permission always; a field below the root saying so is null with {@code FORBIDDEN} for them.
 */
class AuthorizationMatrixGraphQlTests extends GraphQlTestSupport {

    /** The organization permission a field documents it needs, e.g. "Needs `manage:member`". */
    private static final Pattern NEEDS = Pattern.compile("Needs\\s+(?:the\\s+organization\\s+permission\\s+)?`([^`]+)`");
    /** What bob's {@code member} role grants in the demo tenant. */
    private static final Set<String> BOB_PERMISSIONS = Set.of("invite:member");
    private static final Set<String> DENIALS = Set.of("NOT_FOUND", "FORBIDDEN");

    /** Root fields that take no organization or invitation id, and why that is right. */
    private static final Map<String, String> UNSCOPED = Map.of(
            "Query.viewer", "the caller's own user, memberships and invitations, found by the token's sub",
            "Query.organizationTemplate", "the tenant's template: the same for every signed-in user",
            "Mutation.createOrganization", "no organization exists yet: any signed-in user may create one "
                    + "(a token scoped to an organization gets FORBIDDEN, see OrganizationGraphQlTests)");

    /** {@code ID} arguments and input fields that name no organization or invitation: checked within the one named. */
    private static final Set<String> NOT_SCOPING = Set.of("userId", "userIds", "roleId", "roleIds");

    /** Scoped fields that some callers may use by design: those cases are checked as stated instead, or not run. */
    private static final Map<String, Allowance> ALLOWED = Map.of(
            "Query.invitation", new Allowance(EnumSet.noneOf(Case.class), null,
                    "its invitee may read it too, by verified primary email, member or not "
                            + "(invitation_itsInviteeWithoutMembership_readsIt); everyone else is denied like an unknown id"),
            "Mutation.acceptInvitation", new Allowance(EnumSet.of(Case.NON_MEMBER, Case.MEMBER_WITHOUT_ANY_PERMISSION), "EMAIL_MISMATCH",
                    "allowed for the invitee by email, who is a non-member by nature: anyone else gets the user error "
                            + "EMAIL_MISMATCH (not NOT_FOUND) and nothing is written"),
            "Mutation.declineInvitation", new Allowance(EnumSet.of(Case.NON_MEMBER, Case.MEMBER_WITHOUT_ANY_PERMISSION), "EMAIL_MISMATCH",
                    "allowed for the invitee by email, as acceptInvitation"),
            "Mutation.leaveOrganization", new Allowance(EnumSet.of(Case.MEMBER_WITHOUT_ANY_PERMISSION), null,
                    "any member may leave; non-members and tokens for another organization are denied"));

    /** Scoped root queries any member may read; their parts that need a permission are checked field by field. */
    private static final Map<String, String> MEMBERSHIP_SUFFICES = Map.of(
            "Query.organization", "any member reads the organization, its members and viewerCan; invitations and jit need a permission");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private GraphQlSource graphQlSource;

    /** Who tries, and fails. */
    private enum Case {
        NON_MEMBER("erin, a member of no organization"),
        MEMBER_WITHOUT_ANY_PERMISSION("gus, a member of Acme holding no permission"),
        MEMBER_WITHOUT_THE_PERMISSION("bob, a member of Acme without the permission"),
        ORGANIZATION_TOKEN_FOR_ANOTHER_ORGANIZATION("alice, admin of Acme, with an organization token for Globex"),
        API_TOKEN_FOR_ANOTHER_ORGANIZATION("alice, admin of Acme, with an organization-level API token for Globex");

        private final String caller;

        Case(String caller) {
            this.caller = caller;
        }
    }

    /** What kind of id a scoping argument takes. */
    private enum Scope {
        ORGANIZATION, INVITATION
    }

    /**
     * Cases a scoped field allows by design.
     *
     * @param cases the cases not denied the generic way
     * @param userError the user-error code those cases get instead (nothing written), or null when they succeed and are not run
     */
    private record Allowance(Set<Case> cases, @Nullable String userError, String reason) {
    }

    /**
     * A root field that takes organization or invitation ids.
     *
     * @param key e.g. {@code Mutation.updateMemberRoles}
     * @param ids the scoping ids by their path in the arguments, e.g. {@code input.organizationId}
     */
    private record ScopedField(String key, GraphQLObjectType rootType, GraphQLFieldDefinition field, Map<String, Scope> ids) {

        boolean isMutation() {
            return rootType.getName().equals("Mutation");
        }

        @Nullable String neededPermission() {
            return AuthorizationMatrixGraphQlTests.neededPermission(field);
        }
    }

    /** What the schema holds: the scoped root fields, and what the rule could not place. */
    private record Discovery(List<ScopedField> scoped, List<String> problems) {
    }

    /**
     * The demo tenant plus gus (a member of Acme holding the permission-less role {@code guest}); alice is also a
     * member of Globex, so that she may hold tokens for it.
     */
    private record Fixture(DemoTenant demo, String gus) {

        Map<Scope, String> targets() {
            return Map.of(Scope.ORGANIZATION, demo.acme(), Scope.INVITATION, demo.carolsInvitation());
        }
    }

    @Test
    void schema_everyRootFieldAndIdArgument_isClassifiedForTheMatrix() {
        // given
        GraphQLSchema schema = graphQlSource.schema();
        // when
        Discovery discovery = discover(schema);
        // then
        assertThat(discovery.problems()).as("fields the authorization matrix cannot place").isEmpty();
        assertThat(discovery.scoped()).extracting(ScopedField::key).as("the rule finds today's scoped fields").contains(
                "Query.organization", "Query.invitation", "Mutation.updateOrganization", "Mutation.addOrganizationMembers",
                "Mutation.inviteMembers", "Mutation.resendInvitation", "Mutation.acceptInvitation", "Mutation.leaveOrganization");
    }

    @TestFactory
    List<DynamicTest> scopedFields_callerWhoMayNotActThere_deniedWithoutAnyWrite() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ScopedField scoped : discover(graphQlSource.schema()).scoped()) {
            for (Case denial : Case.values()) {
                if (applies(scoped, denial)) {
                    tests.add(DynamicTest.dynamicTest(scoped.key() + " by " + denial.caller, () -> deny(scoped, denial)));
                }
            }
        }
        return tests;
    }

    @Test
    void invitation_itsInviteeWithoutMembership_readsIt() {
        // given
        logto.reset();
        Fixture fixture = seed();
        ScopedField invitation = scoped("Query.invitation");
        Operation operation = operation(invitation, fixture, fixture.targets());
        // when
        Map<String, Object> response = post(logto.userToken(fixture.demo().carol()), operation);
        // then
        assertThat(response.get("errors")).as("errors").isNull();
        assertThat(at(response, "data.invitation.id")).isEqualTo(fixture.demo().carolsInvitation());
        assertThat(at(response, "data.invitation.organization.name")).isEqualTo("Acme");
        assertThat(at(response, "data.invitation.acceptUrl")).as("the link is for those who may invite").isNull();
        assertThat(writes()).isEmpty();
    }

    @Test
    void viewerOrganizations_tokenForAnotherOrganization_showsNoOrganizationDataOfTheOthers() {
        for (Case denial : List.of(Case.ORGANIZATION_TOKEN_FOR_ANOTHER_ORGANIZATION, Case.API_TOKEN_FOR_ANOTHER_ORGANIZATION)) {
            // given
            logto.reset();
            Fixture fixture = seed();
            GraphQLSchema schema = graphQlSource.schema();
            Operation operation = OperationGenerator.operation(schema.getQueryType(), schema.getQueryType().getFieldDefinition("viewer"),
                    samples(fixture, Map.of(), fixture.targets()));
            // when
            Map<String, Object> response = post(token(denial, fixture), operation);
            // then
            List<Map<String, Object>> nodes = values(response, List.of("data", "viewer", "organizations", "edges", "node")).stream()
                    .map(AuthorizationMatrixGraphQlTests::asMap).toList();
            assertThat(nodes).extracting(node -> node.get("id")).as(denial.caller)
                    .containsExactly(fixture.demo().acme(), fixture.demo().globex());
            Map<String, Object> acme = nodes.get(0);
            Map<String, Object> globex = nodes.get(1);
            List<String> nodePath = List.of("viewer", "organizations", "edges", "node");
            int organizationData = 0;
            for (Selected selected : operation.selected()) {
                if (startsWith(selected.path(), nodePath) && selected.path().size() > nodePath.size()
                        && (selected.field().hasAppliedDirective("upstreamCall") || neededPermission(selected.field()) != null)) {
                    List<String> below = selected.path().subList(nodePath.size(), selected.path().size());
                    assertThat(values(acme, below)).as("%s of Acme, by %s", below, denial.caller)
                            .allSatisfy(value -> assertThat(value).isIn(null, false));
                    organizationData++;
                }
            }
            assertThat(organizationData).as("organization data selected below the switcher").isGreaterThanOrEqualTo(4);
            assertThat(acme.get("viewerPermissions")).as("Acme's permissions by %s", denial.caller).isEqualTo(List.of());
            assertThat(asMap(acme.get("viewerCan")).values()).as("Acme's viewerCan by %s", denial.caller).containsOnly(false);
            assertThat(globex.get("members")).as("Globex's members: the token works where it is scoped").isNotNull();
            assertThat(errors(response)).as("errors by %s", denial.caller)
                    .allSatisfy(error -> assertThat(classification(error)).isIn(DENIALS));
            assertThat(writes()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- one case of the matrix

    private boolean applies(ScopedField scoped, Case denial) {
        Allowance allowance = ALLOWED.get(scoped.key());
        if (allowance != null && allowance.cases().contains(denial) && allowance.userError() == null) {
            return false; // allowed by design: nothing to deny
        }
        if (denial == Case.MEMBER_WITHOUT_THE_PERMISSION) {
            // bob for writes, when his member role lacks what the mutation needs
            String needed = scoped.neededPermission();
            return scoped.isMutation() && needed != null && !BOB_PERMISSIONS.contains(needed);
        }
        return true;
    }

    private void deny(ScopedField scoped, Case denial) {
        // given
        logto.reset();
        Fixture fixture = seed();
        Operation operation = operation(scoped, fixture, fixture.targets());
        String token = token(denial, fixture);
        String root = scoped.field().getName();
        // when
        Map<String, Object> response = post(token, operation);
        List<String> writes = writes();
        // then
        assertThat(writes).as("upstream writes").isEmpty();
        Allowance allowance = ALLOWED.get(scoped.key());
        if (allowance != null && allowance.cases().contains(denial)) {
            assertThat(at(response, "data." + root + ".userErrors[0].code")).as(allowance.reason()).isEqualTo(allowance.userError());
            return;
        }
        boolean member = denial == Case.MEMBER_WITHOUT_ANY_PERMISSION || denial == Case.MEMBER_WITHOUT_THE_PERMISSION;
        if (member && MEMBERSHIP_SUFFICES.containsKey(scoped.key())) {
            assertPartsNeedingAPermissionDenied(response, operation, root);
            return;
        }
        // a member learns that a permission is missing; anyone else only that there is nothing (for them) there
        Set<String> classifications = denial == Case.NON_MEMBER ? Set.of("NOT_FOUND")
                : member && scoped.isMutation() ? Set.of("FORBIDDEN") : DENIALS;
        assertThat(errors(response)).as("errors").isNotEmpty()
                .allSatisfy(error -> assertThat(classification(error)).isIn(classifications));
        Object data = response.get("data");
        assertThat(data == null ? null : asMap(data).get(root)).as("data of %s", root).isNull();
        if (denial == Case.NON_MEMBER || member && !scoped.isMutation()) {
            // indistinguishable from an id that does not exist
            Map<String, Scope> ids = scoped.ids();
            Map<Scope, String> randomIds = new LinkedHashMap<>();
            fixture.targets().forEach((scope, id) -> randomIds.put(scope, randomIdLike(id)));
            Map<String, Object> unknown = post(token, operation(scoped, fixture, randomIds));
            assertThat(response).as("the answer for %s compared with unknown ids %s", ids.keySet(), randomIds.values()).isEqualTo(unknown);
            assertThat(writes()).as("upstream writes for unknown ids").isEmpty();
        }
    }

    /** A member reading what membership allows: every selected part that needs a permission they lack is null with FORBIDDEN. */
    private void assertPartsNeedingAPermissionDenied(Map<String, Object> response, Operation operation, String root) {
        assertThat(asMap(response.get("data")).get(root)).as("what membership allows").isNotNull();
        List<Map<String, Object>> errors = errors(response);
        assertThat(errors).allSatisfy(error -> assertThat(classification(error)).isIn(DENIALS));
        int gated = 0;
        for (Selected selected : operation.selected()) {
            if (neededPermission(selected.field()) == null) {
                continue;
            }
            List<String> path = new ArrayList<>(List.of("data"));
            path.addAll(selected.path());
            assertThat(values(response, path)).as("%s, which needs a permission", selected.path()).containsOnlyNulls();
            assertThat(errors).as("errors").anySatisfy(error -> {
                assertThat(classification(error)).isEqualTo("FORBIDDEN");
                assertThat(asList(error.get("path")).stream().filter(String.class::isInstance).toList()).isEqualTo(selected.path());
            });
            gated++;
        }
        assertThat(gated).as("selected parts that need a permission").isPositive();
    }

    // ---------------------------------------------------------------- discovery

    private static Discovery discover(GraphQLSchema schema) {
        List<ScopedField> scoped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> rootKeys = new HashSet<>();
        for (GraphQLObjectType rootType : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (GraphQLFieldDefinition field : rootType.getFieldDefinitions()) {
                String key = rootType.getName() + "." + field.getName();
                rootKeys.add(key);
                Map<String, Scope> ids = new LinkedHashMap<>();
                for (GraphQLArgument argument : field.getArguments()) {
                    walk(argument.getName(), argument.getName(), argument.getType(), field, true, ids, problems, new HashSet<>());
                }
                if (ids.isEmpty() && !UNSCOPED.containsKey(key)) {
                    problems.add(key + " takes no organization or invitation id: list it in UNSCOPED with the reason, "
                            + "or name its id argument organizationId or invitationId");
                } else if (!ids.isEmpty() && UNSCOPED.containsKey(key)) {
                    problems.add(key + " takes " + ids + " but is listed in UNSCOPED");
                } else if (!ids.isEmpty()) {
                    ScopedField found = new ScopedField(key, rootType, field, ids);
                    if (found.isMutation() && found.neededPermission() == null && !ALLOWED.containsKey(key)) {
                        problems.add(key + " documents no permission (\"Needs `…`\" in the SDL) and is not in ALLOWED");
                    }
                    scoped.add(found);
                }
            }
        }
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            // subscriptions run over an event stream, not in the matrix: organizationEvents' refusals (a non-member, a
            // token of another organization: NOT_FOUND) are OrganizationEventsGraphQlTests' cases of their own
            if (!(type instanceof GraphQLObjectType object) || type.getName().startsWith("__") || object == schema.getQueryType()
                    || object == schema.getMutationType() || object == schema.getSubscriptionType()) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                Map<String, Scope> ids = new LinkedHashMap<>();
                for (GraphQLArgument argument : field.getArguments()) {
                    walk(type.getName() + "." + field.getName() + "." + argument.getName(), argument.getName(), argument.getType(), field,
                            false, ids, problems, new HashSet<>());
                }
                if (!ids.isEmpty()) {
                    problems.add(type.getName() + "." + field.getName() + " below the root takes " + ids.keySet()
                            + ": the matrix runs root fields only; give it a root field or a case of its own");
                }
            }
        }
        for (String key : List.of(UNSCOPED.keySet(), ALLOWED.keySet(), MEMBERSHIP_SUFFICES.keySet()).stream().flatMap(Set::stream).toList()) {
            if (!rootKeys.contains(key)) {
                problems.add(key + " is listed but is no root field");
            }
        }
        return new Discovery(scoped, problems);
    }

    /** Finds the scoping ids of an argument or input field, descending into input objects. */
    private static void walk(String path, String name, GraphQLInputType type, GraphQLFieldDefinition field, boolean rootArgument,
            Map<String, Scope> ids, List<String> problems, Set<String> inputsOnPath) {
        if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input) {
            if (inputsOnPath.add(input.getName())) {
                for (GraphQLInputObjectField inputField : input.getFieldDefinitions()) {
                    walk(path + "." + inputField.getName(), inputField.getName(), inputField.getType(), field, false, ids, problems,
                            new HashSet<>(inputsOnPath));
                }
            }
            return;
        }
        Scope scope = scopeOf(name, rootArgument, field);
        if (scope != null) {
            ids.put(path, scope);
        } else if (GraphQLTypeUtil.unwrapAll(type).getName().equals("ID") && !NOT_SCOPING.contains(name)) {
            problems.add(path + " is an ID the matrix cannot place: name it organizationId or invitationId, or list it in NOT_SCOPING");
        }
    }

    private static @Nullable Scope scopeOf(String name, boolean rootArgument, GraphQLFieldDefinition field) {
        if (name.matches("(.*O|o)rganizationIds?")) {
            return Scope.ORGANIZATION;
        }
        if (name.matches("(.*I|i)nvitationIds?")) {
            return Scope.INVITATION;
        }
        if (rootArgument && name.equals("id")) {
            return switch (GraphQLTypeUtil.unwrapAll(field.getType()).getName()) {
                case "Organization" -> Scope.ORGANIZATION;
                case "Invitation" -> Scope.INVITATION;
                default -> null;
            };
        }
        return null;
    }

    /** The organization permission a field's SDL description says it needs, or null. */
    private static @Nullable String neededPermission(GraphQLFieldDefinition field) {
        Matcher matcher = NEEDS.matcher(field.getDescription() == null ? "" : field.getDescription());
        return matcher.find() ? matcher.group(1) : null;
    }

    private ScopedField scoped(String key) {
        return discover(graphQlSource.schema()).scoped().stream().filter(field -> field.key().equals(key)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- tenant, tokens, samples

    private static Fixture seed() {
        DemoTenant demo = DemoTenant.seed(logto);
        logto.createOrganizationRole("guest", "Belongs to the organization, nothing more");
        String gus = logto.createUser("gus", "gus@acme.test", "Gus Gray");
        logto.addMember(demo.acme(), gus, "guest");
        logto.addMember(demo.globex(), demo.alice(), "member");
        return new Fixture(demo, gus);
    }

    private static String token(Case denial, Fixture fixture) {
        DemoTenant demo = fixture.demo();
        return switch (denial) {
            case NON_MEMBER -> logto.userToken(demo.erin());
            case MEMBER_WITHOUT_ANY_PERMISSION -> logto.userToken(fixture.gus());
            case MEMBER_WITHOUT_THE_PERMISSION -> logto.userToken(demo.bob());
            // every permission alice could hold, so that only the organization it is for stands in her way
            case ORGANIZATION_TOKEN_FOR_ANOTHER_ORGANIZATION -> logto.token(demo.alice())
                    .audience("urn:logto:organization:" + demo.globex()).scope(String.join(" ", DemoTenant.ADMIN_PERMISSIONS)).sign();
            case API_TOKEN_FOR_ANOTHER_ORGANIZATION -> logto.token(demo.alice()).organizationId(demo.globex()).sign();
        };
    }

    private static Operation operation(ScopedField scoped, Fixture fixture, Map<Scope, String> targets) {
        return OperationGenerator.operation(scoped.rootType(), scoped.field(), samples(fixture, scoped.ids(), targets));
    }

    /**
     * Sample values by argument name, then by type: ids of the target organization or invitation where the
     * rule found them; otherwise people and roles of Acme, so that an operation let through would really act.
     */
    private static Samples samples(Fixture fixture, Map<String, Scope> ids, Map<Scope, String> targets) {
        DemoTenant demo = fixture.demo();
        return (path, name, type) -> {
            Scope scope = ids.get(path);
            if (scope != null) {
                return targets.get(scope);
            }
            return switch (name) {
                case "userId" -> demo.bob();
                case "userIds" -> demo.erin();
                case "roleId", "roleIds" -> logto.roleId("member");
                case "emails" -> "erin@example.test";
                case "emailDomains" -> "example.com";
                case "name" -> "Matrix";
                case "description" -> "Made by the authorization matrix";
                case "expiresInDays" -> 7;
                default -> byType(path, type);
            };
        };
    }

    private static Object byType(String path, GraphQLNamedInputType type) {
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        return switch (type.getName()) {
            case "String" -> "matrix";
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> false;
            case "JSON" -> Map.of();
            case "EmailAddress" -> "erin@example.test";
            case "DateTime" -> "2030-01-01T00:00:00.000Z";
            default -> throw new IllegalStateException("no sample for " + path + " (" + type.getName() + "): add one to samples()");
        };
    }

    /** A random id of the same length and alphabet as {@code like} (Logto's ids are {@code [0-9a-z]}). */
    private static String randomIdLike(String like) {
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    // ---------------------------------------------------------------- HTTP and responses

    /** Sends the operation with this bearer token (upstream calls counted from here) and returns the whole JSON response. */
    private Map<String, Object> post(String token, Operation operation) {
        logto.resetCalls();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", operation.document());
        body.put("variables", operation.variables());
        Map<String, Object> response = webTestClient.post().uri("/graphql")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(response).as("response to %s", operation.document()).isNotNull();
        return response;
    }

    /** The Management API writes since the last {@link #post}: every call but a GET (the M2M token request is no write). */
    private static List<String> writes() {
        return logto.calls().keySet().stream().filter(route -> route.contains(" /api/") && !route.startsWith("GET ")).toList();
    }

    private static List<Map<String, Object>> errors(Map<String, Object> response) {
        Object errors = response.get("errors");
        return errors == null ? List.of() : asList(errors).stream().map(AuthorizationMatrixGraphQlTests::asMap).toList();
    }

    private static @Nullable Object classification(Map<String, Object> error) {
        Object extensions = error.get("extensions");
        return extensions == null ? null : asMap(extensions).get("classification");
    }

    /** The value at a dotted path such as {@code data.invitation.organization.name} or {@code data.x.userErrors[0].code}. */
    private static @Nullable Object at(Map<String, Object> response, String path) {
        Object value = response;
        for (String key : path.split("\\.")) {
            Matcher indexed = Pattern.compile("(\\w+)\\[(\\d+)]").matcher(key);
            if (value == null) {
                return null;
            }
            if (indexed.matches()) {
                List<Object> list = asList(asMap(value).get(indexed.group(1)));
                int index = Integer.parseInt(indexed.group(2));
                value = list == null || list.size() <= index ? null : list.get(index);
            } else {
                value = asMap(value).get(key);
            }
        }
        return value;
    }

    /** Every value at a path of response keys, stepping into every element of the lists on the way; nothing below a null. */
    private static List<@Nullable Object> values(@Nullable Object from, List<String> path) {
        List<@Nullable Object> found = new ArrayList<>();
        collect(from, path, 0, found);
        return found;
    }

    private static void collect(@Nullable Object value, List<String> path, int index, List<@Nullable Object> found) {
        if (value instanceof List<?> list) {
            list.forEach(element -> collect(element, path, index, found));
            return;
        }
        if (index == path.size()) {
            found.add(value);
            return;
        }
        if (value instanceof Map<?, ?> map && map.containsKey(path.get(index))) {
            collect(map.get(path.get(index)), path, index + 1, found);
        }
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }
}
