package dev.orgbff.graphql.input;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@ExtendWith(OutputCaptureExtension.class)
class InputErrorGraphQlTests extends GraphQlTestSupport {

    /** What graphql-java used to print: Java classes, syntax-tree nodes, map and object toString()s. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile("java\\.|javax\\.|LinkedHashMap|HashMap|ArrayList|List'|Map'|"
            + "'(Integer|Long|Double|BigDecimal|BigInteger|Boolean|String)'|(Object|String|Int|Float|Boolean|Array|Null|Enum)Value|"
            + "ObjectField|VariableReference|AST|\\{\\w+=|@[0-9a-f]{5,}|Exception|Coerc");

    private static final String CREATE = "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }";
    private static final String INVITE = "mutation($input: InviteMembersInput!) { inviteMembers(input: $input) { userErrors { code } } }";
    private static final String INVITATIONS = "query($id: ID!, $status: InvitationStatus) { organization(id: $id) { invitations(status: $status) { totalCount } } }";
    private static final String ORGANIZATION_ID = "ORGANIZATION_ID";

    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                arguments("unknown field inline",
                        "mutation { createOrganization(input: {name: \"x\", bogus: 1}) { organization { id } } }", Map.of(),
                        "Validation error (WrongType@[createOrganization]) : argument 'input' of field 'createOrganization' has an invalid value: "
                                + "field 'bogus' is not defined on CreateOrganizationInput"),
                arguments("unknown field in a variable", CREATE, Map.of("input", Map.of("name", "x", "bogus", 1)),
                        "Variable 'input' has an invalid value: field 'bogus' is not defined on CreateOrganizationInput"),
                arguments("unknown field named like a Java class", CREATE, Map.of("input", Map.of("name", "x", "java.lang.Object{}", 1)),
                        "Variable 'input' has an invalid value: a field name that is not a GraphQL name is not defined on CreateOrganizationInput"),
                arguments("nested object for a string", CREATE, Map.of("input", Map.of("name", Map.of("a", List.of(1, 2)))),
                        "Variable 'input' has an invalid value: 'input.name' must be a String, not an object"),
                arguments("list for an input object", CREATE, Map.of("input", List.of(Map.of("name", "x"))),
                        "Variable 'input' has an invalid value: 'input' must be an object of type CreateOrganizationInput, not a list"),
                arguments("string for an input object", CREATE, Map.of("input", "x"),
                        "Variable 'input' has an invalid value: 'input' must be an object of type CreateOrganizationInput, not a string"),
                arguments("list for a string inline", "mutation { createOrganization(input: {name: [\"a\"]}) { organization { id } } }", Map.of(),
                        "argument 'input' of field 'createOrganization' has an invalid value: 'input.name' must be a String, not a list"),
                arguments("null for a non-null field", CREATE, Map.of("input", withNull("name")),
                        "Variable 'input' has an invalid value: 'input.name' must not be null (String!)"),
                arguments("null for a non-null variable", CREATE, withNull("input"),
                        "Variable 'input' must not be null (CreateOrganizationInput!)"),
                arguments("missing non-null variable", CREATE, Map.of(),
                        "Variable 'input' must not be null (CreateOrganizationInput!)"),
                arguments("required field missing inline", "mutation { createOrganization(input: {}) { organization { id } } }", Map.of(),
                        "argument 'input' of field 'createOrganization' has an invalid value: field 'name' of CreateOrganizationInput is required"),
                arguments("object for a list", INVITE, Map.of("input", invite(Map.of("emails", Map.of("a", 1)))),
                        "Variable 'input' has an invalid value: 'input.emails' must be a list of String!, not an object"),
                arguments("null inside a list", INVITE, Map.of("input", invite(Map.of("emails", Arrays.asList("a@b.test", null)))),
                        "Variable 'input' has an invalid value: 'input.emails[1]' must not be null (String!)"),
                arguments("string for an Int", INVITE, Map.of("input", invite(Map.of("expiresInDays", "seven"))),
                        "Variable 'input' has an invalid value: 'input.expiresInDays' must be an Int (a whole number from -2147483648 to 2147483647), not a string"),
                arguments("decimal for an Int", INVITE, Map.of("input", invite(Map.of("expiresInDays", 1.5))),
                        "Variable 'input' has an invalid value: 'input.expiresInDays' must be an Int (a whole number from -2147483648 to 2147483647), not a decimal number"),
                arguments("Int out of range", INVITE, Map.of("input", invite(Map.of("expiresInDays", 99_999_999_999L))),
                        "Variable 'input' has an invalid value: 'input.expiresInDays' must be an Int (a whole number from -2147483648 to 2147483647)"),
                arguments("object for an ID", INVITE, Map.of("input", invite(Map.of("organizationId", Map.of("x", 1)))),
                        "Variable 'input' has an invalid value: 'input.organizationId' must be an ID (a string or a whole number), not an object"),
                arguments("list for an ID inside a list", INVITE, Map.of("input", invite(Map.of("roleIds", List.of(List.of("r"))))),
                        "Variable 'input' has an invalid value: 'input.roleIds[0]' must be an ID (a string or a whole number), not a list"),
                arguments("boolean for an ID", INVITE, Map.of("input", invite(Map.of("organizationId", true))),
                        "Variable 'input' has an invalid value: 'input.organizationId' must be an ID (a string or a whole number), not a boolean"),
                arguments("object for an enum", INVITATIONS, Map.of("id", ORGANIZATION_ID, "status", Map.of("a", 1)),
                        "Variable 'status' has an invalid value: 'status' must be a value of InvitationStatus: PENDING, ACCEPTED, EXPIRED, REVOKED, not an object"),
                arguments("string literal for an enum", "{ organization(id: \"x\") { invitations(status: \"PENDING\") { totalCount } } }", Map.of(),
                        "argument 'status' of field 'invitations' has an invalid value: 'status' must be a value of InvitationStatus: "
                                + "PENDING, ACCEPTED, EXPIRED, REVOKED, not a string"),
                arguments("bad variable default", "query($id: ID!, $first: Int = {a: 1}) { organization(id: $id) { members(first: $first) { totalCount } } }",
                        Map.of("id", ORGANIZATION_ID),
                        "Validation error (BadValueForDefaultArg) : variable 'first' has an invalid default value: 'first' must be an Int "
                                + "(a whole number from -2147483648 to 2147483647), not an object"),
                arguments("string for a directive's Boolean", "query($id: ID!) { organization(id: $id) { name @include(if: \"yes\") } }",
                        Map.of("id", ORGANIZATION_ID),
                        "argument 'if' of directive '@include' has an invalid value: 'if' must be a Boolean (true or false), not a string"),
                arguments("object for an Int in a fragment", "query($id: ID!) { organization(id: $id) { ...page } } "
                        + "fragment page on Organization { members(first: {n: 1}) { totalCount } }", Map.of("id", ORGANIZATION_ID),
                        "argument 'first' of field 'members' has an invalid value: 'first' must be an Int "
                                + "(a whole number from -2147483648 to 2147483647), not an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void anyOperation_malformedInput_validationErrorWithoutJavaInternals(String shape, String document, Map<String, Object> variables,
            String expectedMessage, CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        var request = as(demo.alice()).document(document);
        variables.forEach((name, value) -> request.variable(name, resolve(value, demo)));
        logto.resetCalls();
        // when
        var response = request.execute();
        // then
        ResponseError error = assertError(response, "ValidationError");
        assertThat(error.getMessage()).contains(expectedMessage).doesNotContainPattern(JAVA_INTERNALS);
        assertThat(error.getExtensions()).containsOnlyKeys("classification");
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.organizationIds()).containsExactlyInAnyOrder(demo.acme(), demo.globex());
        assertThat(logto.invitationIds(demo.acme())).containsExactly(demo.carolsInvitation());
        assertThat(output).contains("Invalid input refused: " + error.getMessage()).doesNotContain("\tat graphql.");
    }

    @Test
    void severalOperations_withoutOperationName_saysSoNotThatAVariableIsWrong() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).document("query A { viewer { user { name } } } query B { viewer { user { id } } }").execute();
        // then
        ResponseError error = assertError(response, "ValidationError");
        assertThat(error.getMessage()).isEqualTo("Must provide operation name if query contains multiple operations.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wholeNumberIds")
    void organization_idAsAWholeNumber_isAnIdLikeAString(String shape, String document, Map<String, Object> variables) {
        // given: the spec's ID takes whole numbers too; no organization has this one
        DemoTenant demo = DemoTenant.seed(logto);
        var request = as(demo.alice()).document(document);
        variables.forEach(request::variable);
        // when
        var response = request.execute();
        // then
        assertError(response, ErrorType.NOT_FOUND);
    }

    static Stream<Arguments> wholeNumberIds() {
        return Stream.of(
                arguments("literal", "{ organization(id: 12345) { id } }", Map.of()),
                arguments("variable", "query($id: ID!) { organization(id: $id) { id } }", Map.of("id", 12345)));
    }

    private static Map<String, Object> invite(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("organizationId", ORGANIZATION_ID, "emails", List.of("erin@example.test"),
                "roleIds", List.of("role")));
        input.putAll(overrides);
        return input;
    }

    private static Map<String, Object> withNull(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }

    /** The variables with Acme's id where the placeholder stands. */
    @SuppressWarnings("unchecked")
    private static Object resolve(Object value, DemoTenant demo) {
        if (ORGANIZATION_ID.equals(value)) {
            return demo.acme();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new HashMap<>();
            ((Map<String, Object>) map).forEach((key, item) -> resolved.put(key, item == null ? null : resolve(item, demo)));
            return resolved;
        }
        return value;
    }
}
