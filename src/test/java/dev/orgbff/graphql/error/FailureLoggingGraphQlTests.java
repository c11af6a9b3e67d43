package dev.orgbff.graphql.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One failure in a request is logged once, however many fields it fails; an unavailable Logto is one error in the
 * answer, naming every field it nulled, while other failures give each field its error. A Logto fault is one WARN line
 * naming the route template: no stack trace, and no id or address from the URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureLoggingGraphQlTests extends GraphQlTestSupport {

    private static final String TEMPLATE = "GET /api/organization-roles";
    private static final String USER_ORGANIZATIONS = "GET /api/users/{userId}/organizations";
    private static final String MEMBERS = "GET /api/organizations/{id}/users";
    private static final String REMOVE_MEMBER = "DELETE /api/organizations/{id}/users/{userId}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {500, 503})
    void switcher_templateCallKeepsFailing_oneErrorAndOneWarningNotOnePerField(int status, CapturedOutput output) {
        // given
        String alice = switcherOfFourOrganizations();
        logto.fail(TEMPLATE, Fault.status(status, "injected"));
        int logged = output.getAll().length();
        // when
        var response = as(alice).documentName("viewerOrganizations").execute();
        // then
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        // one error for the request, standing for viewerRoles and viewerPermissions of the 4 organizations it nulled
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(error.getPath()).startsWith("viewer.organizations.edges[");
            assertThat((List<?>) error.getExtensions().get("paths")).hasSize(8)
                    .allSatisfy(path -> assertThat(((List<?>) path).get(((List<?>) path).size() - 1)).isIn("viewerRoles", "viewerPermissions"));
        });
        assertThat(logto.calls(TEMPLATE)).as("one read, retried twice, shared by every field").isEqualTo(3);
        assertOneWarning(output.getAll().substring(logged), TEMPLATE);
    }

    @Test
    void switcher_templateCallAnsweredUnexpectedly_logsOneErrorNotOnePerField(CapturedOutput output) {
        // given
        String alice = switcherOfFourOrganizations();
        logto.failNext(TEMPLATE, Fault.status(400, "guard.invalid_pagination"));
        int logged = output.getAll().length();
        // when
        var response = as(alice).documentName("viewerOrganizations").execute();
        // then
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(8)
                .allSatisfy(error -> assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR"));
        String log = output.getAll().substring(logged);
        assertThat(count(log, " ERROR ")).isEqualTo(1);
        assertThat(count(log, "LogtoApiException: " + TEMPLATE + " answered 400")).isEqualTo(1);
        // its frames are Reactor's and Netty's, and WebClient's checkpoint on it names the request's URL
        assertThat(log).doesNotContain("\tat ", "DefaultWebClient", logto.endpoint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({USER_ORGANIZATIONS + ", viewerOrganizations, viewer.organizations", MEMBERS + ", organizationMembers, organization.members"})
    void read_logtoKeepsAnswering500_upstreamUnavailableAndOneWarningWithoutIds(String route, String document, String path,
            CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(route, Fault.status(500, "injected"));
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = as(demo.alice()).documentName(document).variable("id", demo.acme()).execute();
        // then
        assertThat(assertError(response, "UPSTREAM_UNAVAILABLE").getPath()).isEqualTo(path);
        assertThat(logto.calls(route)).isEqualTo(3);
        assertOneWarning(output.getAll().substring(logged), route, demo.alice(), demo.acme());
    }

    @Test
    void removeOrganizationMember_logtoFailsTheDelete_sentOnceAndOneWarningWithoutIds(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(REMOVE_MEMBER, Fault.status(500, "injected"));
        logto.resetCalls();
        int logged = output.getAll().length();
        // when
        var response = as(demo.alice()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob())).execute();
        // then
        assertError(response, ErrorType.INTERNAL_ERROR);
        assertThat(logto.calls(REMOVE_MEMBER)).as("a write is sent once").isEqualTo(1);
        assertOneWarning(output.getAll().substring(logged), REMOVE_MEMBER, demo.acme(), demo.bob(), demo.alice());
    }

    @Test
    void viewerOrganizations_logtoAnswerOverTheBufferLimit_oneErrorLineWithoutTheUserId(CapturedOutput output) {
        // given: custom data written in the Console, larger than one row of a Logto answer may be (256 KB)
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setCustomData(demo.acme(), JsonNodeFactory.instance.objectNode().put("notes", "x".repeat(300_000)));
        int logged = output.getAll().length();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        assertError(response, ErrorType.INTERNAL_ERROR);
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains(" ERROR "))).singleElement().asString().contains("at /viewer/organizations");
        assertThat(log).contains(USER_ORGANIZATIONS + " answered 200 unreadable answer: DataBufferLimitException")
                .doesNotContain(logto.endpoint(), demo.alice());
    }

    /**
     * The request logged one line naming {@code route}, a WARN, and nothing else at WARN or ERROR: no stack trace,
     * no URL, none of {@code ids}.
     */
    private static void assertOneWarning(String log, String route, String... ids) {
        assertThat(log.lines().filter(line -> line.contains(route))).singleElement().asString().contains(" WARN ");
        assertThat(log.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))).hasSize(1);
        assertThat(log).doesNotContain("\tat ", logto.endpoint());
        assertThat(ids).allSatisfy(id -> assertThat(log).doesNotContain(id));
    }

    /** Alice in Acme and three more organizations; returns her id. */
    private static String switcherOfFourOrganizations() {
        DemoTenant demo = DemoTenant.seed(logto);
        for (String name : List.of("Initech", "Umbrella", "Vandelay")) {
            logto.addMember(logto.createOrganization(name, null), demo.alice(), "member");
        }
        logto.resetCalls();
        return demo.alice();
    }

    private static int count(String text, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
