package dev.orgbff.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code target/schema.graphqls}, which the build writes for client code generators, is the schema the service
 * serves: every type, field, argument, enum value, description, deprecation and directive definition that
 * introspection shows (turned on here) is the same, and so are the scalars' {@code specifiedByURL} and the input
 * types' {@code isOneOf}. Both are compared as schemas printed alike, so formatting and order do not matter.
 */
@TestPropertySource(properties = "orgbff.graphql.introspection=true")
class SchemaArtifactGraphQlTests extends GraphQlTestSupport {

    private static final Path ARTIFACT = Path.of("target", "schema.graphqls");

    @Test
    void schemaArtifact_sameAsWhatIntrospectionServes() throws IOException {
        // given
        assertThat(ARTIFACT).as("written by the build in process-test-classes (ClientArtifacts)").exists();
        GraphQLSchema artifact = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(ARTIFACT, StandardCharsets.UTF_8)));
        DemoTenant demo = DemoTenant.seed(logto);
        String introspectionQuery = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                .descriptions(true).specifiedByUrl(true).isOneOf(true).directiveIsRepeatable(true).inputValueDeprecation(true));
        // when
        // the largest answer of the test suite: a busy build machine may take longer than the tester's default 5 s
        Map<String, Object> introspected = as(demo.alice())
                .document(introspectionQuery).execute()
                .path("__schema").entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        // then
        GraphQLSchema served = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(
                new IntrospectionResultToSchema().createSchemaDefinition(Map.of("__schema", introspected))));
        assertThat(comparable(artifact)).isEqualTo(comparable(served));
        assertThat(scalarsAndOneOf(artifact)).isEqualTo(scalarsAndOneOf(introspected));
        assertThat(comparable(artifact)).contains("directive @upstreamCall on FIELD_DEFINITION").contains("An ISO-8601 date-time in UTC");
    }

    /** The SDL of {@code schema} restricted to what introspection shows, printed the same way whatever its source. */
    private static String comparable(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeDirectiveDefinition(name -> !DirectiveInfo.isGraphqlSpecifiedDirective(name))
                // of the directives applied to the schema's elements, introspection shows deprecation only
                .includeSchemaElement(element -> !(element instanceof GraphQLAppliedDirective applied) || applied.getName().equals("deprecated")))
                .print(schema);
    }

    /** What the printed SDL of an introspection result leaves out: each scalar's specifiedByURL, each input type's isOneOf. */
    private static Map<String, String> scalarsAndOneOf(GraphQLSchema schema) {
        Map<String, String> facts = new TreeMap<>();
        schema.getAllTypesAsList().stream().filter(type -> !type.getName().startsWith("__")).forEach(type -> {
            if (type instanceof GraphQLScalarType scalar) {
                facts.put(scalar.getName(), "specifiedByURL " + scalar.getSpecifiedByUrl());
            } else if (type instanceof GraphQLInputObjectType input) {
                facts.put(input.getName(), "isOneOf " + input.isOneOf());
            }
        });
        return facts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> scalarsAndOneOf(Map<String, Object> introspected) {
        Map<String, String> facts = new TreeMap<>();
        for (Map<String, Object> type : (List<Map<String, Object>>) introspected.get("types")) {
            String name = (String) type.get("name");
            if (name.startsWith("__")) {
                continue;
            }
            if ("SCALAR".equals(type.get("kind"))) {
                facts.put(name, "specifiedByURL " + type.get("specifiedByURL"));
            } else if ("INPUT_OBJECT".equals(type.get("kind"))) {
                facts.put(name, "isOneOf " + Boolean.TRUE.equals(type.get("isOneOf")));
            }
        }
        return facts;
    }
}
