package dev.orgbff.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.orgbff.graphql.persisted.DocumentHash;

/**
 * Writes what client code generators build from, run by the build after the test classes are compiled
 * ({@code exec-maven-plugin} in {@code process-test-classes}, so that the tests find both):
 * <ul>
 * <li>{@code target/schema.graphqls}: the merged SDL of every {@code schema/*.graphqls}, built with the service's
 * own scalars as Spring for GraphQL builds it and printed by graphql-java's {@link SchemaPrinter}, with descriptions,
 * directive definitions and applied directives such as {@code @upstreamCall};
 * <li>{@code target/classes/graphql-documents/persisted-documents.json}, in the jar: the canonical operations of
 * {@code schema/operations/} as a trusted-documents manifest, {@code {"<sha256 of the file>": "<the file's text>"}}.
 * </ul>
 * Arguments: the classes directory (holding {@code graphql/}, as the pom copies {@code schema/} there) and the path
 * of the SDL to write.
 */
public final class ClientArtifacts {

    /** Where the manifest of the canonical operations lands in the classes directory, and so on the classpath. */
    public static final String MANIFEST = "graphql-documents/persisted-documents.json";

    private ClientArtifacts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ClientArtifacts <classes directory> <schema.graphqls to write>");
        }
        Path classes = Path.of(args[0]);
        Path sdl = Path.of(args[1]);
        Files.createDirectories(sdl.toAbsolutePath().getParent());
        Files.writeString(sdl, print(schema(classes)), StandardCharsets.UTF_8);
        Path manifest = classes.resolve(MANIFEST);
        Files.createDirectories(manifest.getParent());
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(manifest, json.writeValueAsString(manifest(classes)) + "\n", StandardCharsets.UTF_8);
    }

    /** The schema the service builds: every {@code *.graphqls} under {@code graphql/}, with the service's scalars. */
    static GraphQLSchema schema(Path classes) throws IOException {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        for (Path file : files(classes.resolve("graphql"), ".graphqls")) {
            types.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        new GraphQlConfiguration().scalars().configure(wiring);
        return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    }

    /**
     * The SDL of {@code schema}: descriptions, every type, directive definitions (not the built-in ones, which every
     * GraphQL tool knows) and applied directives.
     */
    static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeDirectives(true)
                .includeDirectiveDefinition(name -> !DirectiveInfo.isGraphqlSpecifiedDirective(name))).print(schema);
    }

    /** The canonical operations by their SHA-256, in the order of their file names. */
    static Map<String, String> manifest(Path classes) throws IOException {
        Map<String, String> documents = new LinkedHashMap<>();
        for (Path file : files(classes.resolve("graphql/operations"), ".graphql")) {
            String document = Files.readString(file, StandardCharsets.UTF_8);
            documents.put(DocumentHash.of(document).hex(), document);
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("No canonical operation in " + classes.resolve("graphql/operations"));
        }
        return documents;
    }

    private static List<Path> files(Path directory, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}
