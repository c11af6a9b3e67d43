package dev.orgbff.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.GraphQlWebSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user mutation budget, in this instance's memory: one token per mutation field, all taken before anything
 * runs; over the budget the request gets only the top-level {@code RATE_LIMITED} error and nothing is written.
 */
@TestPropertySource(properties = "orgbff.rate-limit.mutations-per-minute=3")
class MutationBudgetGraphQlTests extends GraphQlTestSupport {

    @LocalServerPort
    int port;

    private static final ParserOptions PARSER = ParserOptions.getDefaultOperationParserOptions();

    private static final String CREATE = """
            mutation Create($name: String!) {
              createOrganization(input: {name: $name}) { organization { id } userErrors { code } }
            }""";

    @Test
    void mutations_overTheBudget_rateLimitedTopLevelWithRetryAfterAndNothingWritten() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 3; i++) {
            as(demo.carol()).document(CREATE).variable("name", "Org " + i).execute().path("createOrganization.organization.id").hasValue();
        }
        int organizations = logto.organizationIds().size();
        logto.resetCalls();
        // when
        var response = as(demo.carol()).document(CREATE).variable("name", "One too many").execute();
        // then
        ResponseError error = assertError(response, "RATE_LIMITED");
        assertThat(error.getPath()).isEmpty();
        assertThat(error.getMessage()).isEqualTo("Too many mutations; try again in " + error.getExtensions().get("retryAfterSeconds") + " s");
        assertThat((Integer) error.getExtensions().get("retryAfterSeconds")).isBetween(1, 60);
        response.path("createOrganization").pathDoesNotExist();
        assertThat(logto.organizationIds()).hasSize(organizations);
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void mutations_overWebSocket_takenFromTheSameBudget() throws Exception {
        // given: carol's budget used up over HTTP
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 3; i++) {
            as(demo.carol()).document(CREATE).variable("name", "Org " + i).execute().path("createOrganization.organization.id").hasValue();
        }
        int organizations = logto.organizationIds().size();
        // when: the same mutation over her WebSocket connection
        JsonNode answer;
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, null).initAcknowledged(logto.userToken(demo.carol()))) {
            socket.send(Map.of("type", "subscribe", "id", "1", "payload",
                    Map.of("query", CREATE, "variables", Map.of("name", "Around the budget"))));
            answer = socket.next();
        }
        // then
        assertThat(answer.at("/payload/errors/0/extensions/classification").asString()).isEqualTo("RATE_LIMITED");
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void mutations_budgetIsPerUser_othersStillWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 3; i++) {
            as(demo.carol()).document(CREATE).variable("name", "Carol's " + i).execute().errors().verify();
        }
        assertError(as(demo.carol()).document(CREATE).variable("name", "Carol's 4th").execute(), "RATE_LIMITED");
        // when
        var response = as(demo.erin()).document(CREATE).variable("name", "Erin's").execute();
        // then
        response.errors().verify();
        response.path("createOrganization.organization.id").hasValue();
    }

    @Test
    void mutations_severalFieldsInOneRequest_allTakenAtOnceOrNone() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.carol()).document(CREATE).variable("name", "First").execute().path("createOrganization.organization.id").hasValue();
        int organizations = logto.organizationIds().size();
        // when: three fields, two tokens left
        var response = as(demo.carol()).document("""
                mutation { a: createOrganization(input: {name: "A"}) { organization { id } }
                           ...more }
                fragment more on Mutation { b: createOrganization(input: {name: "B"}) { organization { id } }
                                            c: createOrganization(input: {name: "C"}) { organization { id } } }""").execute();
        // then
        assertError(response, "RATE_LIMITED");
        assertThat(logto.organizationIds()).hasSize(organizations);
    }

    @Test
    void queries_costNothing() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(as(demo.alice()).document("{ viewer { organizations { totalCount } } }").execute()
                    .path("viewer.organizations.totalCount").entity(Integer.class).get());
        }
        // then
        assertThat(answers).containsOnly(1);
        as(demo.alice()).document(CREATE).variable("name", "Still allowed").execute().errors().verify();
    }

    @Test
    void mutationFields_documentOverTheParserTokenLimit_notParsedBeyondItAndCostsNothing() {
        // given: execution refuses it (InvalidSyntax), so the budget must neither charge it nor parse further
        String document = "mutation { a" + " b".repeat(6_000) + " }";
        ParserOptions fiveThousandTokens = PARSER.transform(builder -> builder.maxTokens(5_000));
        // when / then
        assertThat(MutationBudgetInterceptor.mutationFields(document, null, fiveThousandTokens)).isZero();
        assertThat(MutationBudgetInterceptor.mutationFields(document, null, PARSER)).isEqualTo(6_001);
    }

    @Test
    void mutationFields_countsTopLevelFieldsOfTheChosenMutationOnly() {
        assertThat(MutationBudgetInterceptor.mutationFields("{ viewer { user { id } } }", null, PARSER)).isZero();
        assertThat(MutationBudgetInterceptor.mutationFields("query mutation { viewer { user { id } } }", null, PARSER)).isZero();
        assertThat(MutationBudgetInterceptor.mutationFields("mutation { a: x b: y }", null, PARSER)).isEqualTo(2);
        assertThat(MutationBudgetInterceptor.mutationFields("query Q { a } mutation M { a b c }", "M", PARSER)).isEqualTo(3);
        // graphql-java runs the first operation when operationName is empty, so the budget counts that one
        assertThat(MutationBudgetInterceptor.mutationFields("mutation M { a b } query Q { a }", "", PARSER)).isEqualTo(2);
        assertThat(MutationBudgetInterceptor.mutationFields("mutation M { a b } query Q { a }", null, PARSER)).isZero();
        assertThat(MutationBudgetInterceptor.mutationFields("query Q { a } mutation M { a b c }", "Q", PARSER)).isZero();
        assertThat(MutationBudgetInterceptor.mutationFields("mutation { ... on Mutation { a ...f } } fragment f on Mutation { b ...f }", null, PARSER))
                .isEqualTo(2);
        assertThat(MutationBudgetInterceptor.mutationFields("mutation { not closed", null, PARSER)).isZero();
    }
}
