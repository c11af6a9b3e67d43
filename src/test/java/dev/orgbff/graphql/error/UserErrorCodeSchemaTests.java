package dev.orgbff.graphql.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserErrorCodeSchemaTests {

    private static final Path COMMON_SCHEMA = Path.of("schema", "common.graphqls");

    @Test
    void userErrorCode_schemaEnum_hasTheJavaValuesInTheSameOrder() throws IOException {
        // given
        List<String> javaValues = Arrays.stream(UserErrorCode.values()).map(Enum::name).toList();
        // when
        List<String> schemaValues = schemaEnumValues().stream().map(EnumValueDefinition::getName).toList();
        // then
        assertThat(schemaValues).isNotEmpty().containsExactlyElementsOf(javaValues);
    }

    @Test
    void userErrorCode_everySchemaValue_hasADescription() throws IOException {
        // when
        List<EnumValueDefinition> values = schemaEnumValues();
        // then
        assertThat(values).isNotEmpty().allSatisfy(value -> assertThat(value.getDescription())
                .as("description of %s", value.getName())
                .isNotNull()
                .satisfies(description -> assertThat(description.getContent()).as("description of %s", value.getName()).isNotBlank()));
    }

    private static List<EnumValueDefinition> schemaEnumValues() throws IOException {
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(COMMON_SCHEMA, StandardCharsets.UTF_8));
        EnumTypeDefinition userErrorCode = registry.getType("UserErrorCode", EnumTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("no enum UserErrorCode in " + COMMON_SCHEMA));
        return userErrorCode.getEnumValueDefinitions();
    }
}
