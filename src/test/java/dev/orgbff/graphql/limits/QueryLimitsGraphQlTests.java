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

    /** The limits are checked once per document: a repeated document that passed is not walked again. */
    @Test
    void query_repeated_stillRefusedWhenTooDeep() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }" + " }".repeat(12) + " } } } }";
        as(demo.alice()).document(deep).execute();
        // when
        var again = as(demo.alice()).document(deep).execute();
        // then
        again.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("maximum query depth")));
    }

    /**
     * A document whose selection depends on a variable passes the limits with one value and not with the other: passing
     * once must not let the same text through with the other value. Twenty aliased member pages (each a Logto call), in a
     * fragment included by a variable.
     */
    @Test
    void query_fragmentIncludedByVariable_checkedForEachRequest() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        StringBuilder fragment = new StringBuilder("fragment Many on Query {");
        for (int i = 0; i < 20; i++) {
            fragment.append(" o").append(i).append(": organization(id: \"").append(demo.acme()).append("\") { members(first: 1) { totalCount } }");
        }
        String document = "query Many($many: Boolean!) { organization(id: \"" + demo.acme() + "\") { id } ...Many @include(if: $many) } "
                + fragment.append(" }");
        as(demo.alice()).document(document).variable("many", false).execute().errors().verify();
        logto.resetCalls();
        // when
        var many = as(demo.alice()).document(document).variable("many", true).execute();
        // then
        many.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("maximum query complexity")));
        assertThat(logto.calls().keySet()).isSubsetOf(JWKS);
    }
}
