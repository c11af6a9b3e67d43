package dev.orgbff.graphql.limits;

import org.junit.jupiter.api.Test;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class QueryLimitsGraphQlTests extends GraphQlTestSupport {

    /** The only call a request refused before it runs may make: its token is the first the service checks. */
    private static final String JWKS = "GET /oidc/jwks";

    @Test
    void mutation_fiveAliasedCreates_refusedBeforeAnyUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        StringBuilder document = new StringBuilder("mutation {");
        for (int i = 0; i < 5; i++) {
            document.append(" m").append(i).append(": createOrganization(input: {name: \"Org ").append(i)
                    .append("\"}) { organization { id } }");
        }
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document(document.append(" }").toString()).execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("maximum query complexity")));
        assertThat(logto.calls().keySet()).isSubsetOf(JWKS); // the token's check fetches it, when it is the first of the run
        assertThat(logto.organizationIds()).hasSize(2);
    }

    @Test
    void query_nestedDeeperThanTheLimit_refusedBeforeAnyUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }" + " }".repeat(12) + " } } } }";
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document(deep).execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("maximum query depth")));
        assertThat(logto.calls().keySet()).isSubsetOf(JWKS);
    }
}
