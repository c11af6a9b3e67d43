package dev.orgbff.graphiql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgbff.GraphQlTestSupport;

/** GraphiQL is off unless {@code spring.graphql.graphiql.enabled} turns it on: neither its page nor Spring's own. */
class GraphiQlDisabledTests extends GraphQlTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/graphiql", "/graphiql?path=/graphql", "/graphiql/config.json", "/graphiql/assets/THIRD-PARTY-LICENSES.txt"})
    void graphiql_byDefault_notFound(String path) {
        // when
        var response = webTestClient.get().uri(path).exchange();
        // then
        response.expectStatus().isNotFound();
    }
}
