package dev.orgbff.graphql.limits;

import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code orgbff.graphql.introspection=true}, as in the embedded demo run for GraphiQL (a context of its own). */
@TestPropertySource(properties = "orgbff.graphql.introspection=true")
class IntrospectionEnabledGraphQlTests extends GraphQlTestSupport {

    @Test
    void introspection_enabled_graphiqlsQueryIsAnswered() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).document(IntrospectionQuery.INTROSPECTION_QUERY).execute();
        // then
        response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        response.path("__schema.mutationType.name").entity(String.class).isEqualTo("Mutation");
    }

    @Test
    void query_misspelledFieldWithIntrospectionEnabled_errorSuggestsNoFieldName() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).document("{ viewer { organisations { totalCount } } }").execute();
        // then
        ResponseError error = assertError(response, "ValidationError");
        assertThat(error.getMessage()).contains("organisations").doesNotContain("Did you mean").doesNotContain("organizations");
    }
}
