package dev.orgbff.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/** One failure in a request is logged once, however many fields it fails; each field still gets its error. */
@ExtendWith(OutputCaptureExtension.class)
class FailureLoggingGraphQlTests extends GraphQlTestSupport {

    private static final String TEMPLATE = "GET /api/organization-roles";

    @Test
    void switcher_templateCallFails_logsOneStackTraceNotOnePerOrganization(CapturedOutput output) {
        // given
        String alice = switcherOfFourOrganizations();
        logto.failNext(TEMPLATE, Fault.status(500, "unexpected"));
        int logged = output.getAll().length();
        // when
        var response = as(alice).documentName("viewerOrganizations").execute();
        // then
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(8) // viewerRoles and viewerPermissions of 4 organizations
                .allSatisfy(error -> assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR"));
        String log = output.getAll().substring(logged);
        assertThat(count(log, " ERROR ")).isEqualTo(1);
        assertThat(count(log, "LogtoApiException: " + TEMPLATE)).as("stack traces").isEqualTo(1);
    }

    @Test
    void switcher_templateCallUnavailable_logsOneWarningNotOnePerField(CapturedOutput output) {
        // given
        String alice = switcherOfFourOrganizations();
        logto.fail(TEMPLATE, Fault.status(503, "unavailable"));
        int logged = output.getAll().length();
        // when
        var response = as(alice).documentName("viewerOrganizations").execute();
        // then
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(8)
                .allSatisfy(error -> assertThat(error.getErrorType().toString()).isEqualTo("UPSTREAM_UNAVAILABLE"));
        String log = output.getAll().substring(logged);
        assertThat(count(log, "Logto unavailable while resolving")).isEqualTo(1);
        assertThat(log).doesNotContain("\tat ");
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
