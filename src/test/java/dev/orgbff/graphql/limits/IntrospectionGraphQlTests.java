package dev.orgbff.graphql.limits;

import java.util.ArrayList;
import java.util.List;

import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.ResponseError;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Introspection is off unless {@code orgbff.graphql.introspection} turns it on, and errors never suggest field names. */
class IntrospectionGraphQlTests extends GraphQlTestSupport {

    @Test
    void introspection_byDefault_refusedWithoutTheSchema() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document(IntrospectionQuery.INTROSPECTION_QUERY).execute();
        // then
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage()).contains("Introspection has been disabled"));
        response.path("__schema").pathDoesNotExist();
        assertThat(logto.apiCalls()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{ __type(name: \"Organization\") { fields { name } } }",
        "{ viewer { user { id } } __schema { types { name } } }"})
    void introspection_byDefault_typeLookupAndMixedQueriesRefused(String document) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).document(document).execute();
        // then
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage()).contains("Introspection has been disabled"));
        response.path("__type").pathDoesNotExist().path("__schema").pathDoesNotExist().path("viewer").pathDoesNotExist();
    }

    @Test
    void typename_byDefault_stillAnswered() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).document("{ __typename viewer { __typename } }").execute();
        // then
        response.path("__typename").entity(String.class).isEqualTo("Query");
        response.path("viewer.__typename").entity(String.class).isEqualTo("Viewer");
    }

    @Test
    void query_misspelledField_errorSuggestsNoFieldName() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).document("{ viewer { organisations { totalCount } } }").execute();
        // then
        ResponseError error = assertError(response, "ValidationError");
        assertThat(error.getMessage()).contains("organisations").doesNotContain("Did you mean").doesNotContain("organizations");
    }
}
