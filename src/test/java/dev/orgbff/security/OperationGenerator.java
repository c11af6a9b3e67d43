package dev.orgbff.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedInputType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Writes a runnable GraphQL operation for a root field from the schema alone: one variable per argument (the
 * root field's, and the required ones of nested fields), filled from {@link Samples}, and a selection of every
 * field below the root, as deep as the query limits allow. A field added to the SDL is thereby exercised
 * without anyone writing a document for it.
 */
final class OperationGenerator {

    /** The service's limits ({@code orgbff.graphql.*}): what an operation may weigh, and how much each field weighs. */
    private static final int MAX_COMPLEXITY = 400;
    private static final int MUTATION_WEIGHT = 100;
    private static final int UPSTREAM_CALL_WEIGHT = 25;
    /** The deepest selection tried first (within the 15 levels allowed); shallower ones follow until the operation fits. */
    private static final int DEEPEST = 9;

    /** Gives the value of one argument or input field that is a scalar or an enum. */
    @FunctionalInterface
    interface Samples {

        /**
         * The value for a leaf, or {@code null} to leave a nullable one out.
         *
         * @param path where it sits: {@code input.organizationId} for a root argument's input field,
         *     {@code organization.member.userId} for a nested field's argument
         * @param type its named type (lists are wrapped around the value by the generator)
         */
        @Nullable Object value(String path, String name, GraphQLNamedInputType type);
    }

    /**
     * A generated operation.
     *
     * @param selected every field of the selection with its response path (root field first)
     */
    record Operation(String document, Map<String, Object> variables, List<Selected> selected) {
    }

    /**
     * One selected field.
     *
     * @param path the response keys from the root field down to this one, e.g. {@code [organization, members]}
     */
    record Selected(List<String> path, GraphQLFieldsContainer parent, GraphQLFieldDefinition field) {
    }

    private OperationGenerator() {
    }

    /**
     * An operation selecting {@code field} of {@code rootType} ({@code Query} or {@code Mutation}) with every field
     * below it that fits the query limits.
     *
     * @throws IllegalStateException when not even the root field with its scalars fits, or a sample is missing
     */
    static Operation operation(GraphQLObjectType rootType, GraphQLFieldDefinition field, Samples samples) {
        boolean mutation = rootType.getName().equals("Mutation");
        for (int depth = DEEPEST; depth >= 1; depth--) {
            Builder builder = new Builder(samples);
            String arguments = builder.arguments(field, field.getName(), true);
            builder.selected.add(new Selected(List.of(field.getName()), rootType, field));
            String selection = builder.selection(field.getType(), depth, new HashSet<>(), List.of(field.getName()));
            int complexity = builder.complexity + (mutation ? MUTATION_WEIGHT : weight(field));
            if (complexity <= MAX_COMPLEXITY) {
                String document = (mutation ? "mutation" : "query") + " Matrix" + builder.declarations() + " { " + field.getName()
                        + arguments + selection + " }";
                return new Operation(document, builder.variables, builder.selected);
            }
        }
        throw new IllegalStateException("no selection of " + rootType.getName() + "." + field.getName() + " fits the query limits");
    }

    private static int weight(GraphQLFieldDefinition field) {
        return field.hasAppliedDirective("upstreamCall") ? UPSTREAM_CALL_WEIGHT : 1;
    }

    /** One attempt at a given depth: the variables it declares and the complexity it adds up. */
    private static final class Builder {

        private final Samples samples;
        private final Map<String, Object> variables = new LinkedHashMap<>();
        private final Map<String, String> variableTypes = new LinkedHashMap<>();
        private final List<Selected> selected = new ArrayList<>();
        private int complexity;

        Builder(Samples samples) {
            this.samples = samples;
        }

        String declarations() {
            if (variableTypes.isEmpty()) {
                return "";
            }
            List<String> declarations = new ArrayList<>();
            variableTypes.forEach((name, type) -> declarations.add("$" + name + ": " + type));
            return "(" + String.join(", ", declarations) + ")";
        }

        /** The arguments of a field as variables: all of a root field's, the required ones of a nested field's. */
        String arguments(GraphQLFieldDefinition field, String path, boolean root) {
            List<String> arguments = new ArrayList<>();
            for (GraphQLArgument argument : field.getArguments()) {
                boolean required = GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue();
                if (!root && !required) {
                    continue;
                }
                String argumentPath = root ? argument.getName() : path + "." + argument.getName();
                Object value = value(argumentPath, argument.getName(), argument.getType());
                if (value == null) {
                    continue;
                }
                String variable = root ? argument.getName() : "v" + variableTypes.size();
                variableTypes.put(variable, GraphQLTypeUtil.simplePrint(argument.getType()));
                variables.put(variable, value);
                arguments.add(argument.getName() + ": $" + variable);
            }
            return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
        }

        private @Nullable Object value(String path, String name, GraphQLInputType type) {
            if (type instanceof GraphQLNonNull nonNull) {
                Object value = value(path, name, (GraphQLInputType) nonNull.getWrappedType());
                if (value == null) {
                    throw new IllegalStateException("no sample for the required " + path);
                }
                return value;
            }
            if (type instanceof GraphQLList list) {
                Object element = value(path, name, (GraphQLInputType) list.getWrappedType());
                return element == null ? null : List.of(element);
            }
            if (type instanceof GraphQLInputObjectType input) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    Object value = value(path + "." + field.getName(), field.getName(), field.getType());
                    if (value != null) {
                        fields.put(field.getName(), value);
                    }
                }
                return fields;
            }
            return samples.value(path, name, (GraphQLNamedInputType) type);
        }

        /** The selection set of a field of this type, or "" for a leaf; types on the path are not entered again. */
        String selection(GraphQLOutputType type, int depthLeft, Set<String> typesOnPath, List<String> path) {
            GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
            if (!(named instanceof GraphQLFieldsContainer container)) {
                return "";
            }
            if (!(named instanceof GraphQLObjectType)) {
                complexity++;
                return " { __typename }"; // interfaces and unions: enough to resolve them
            }
            Set<String> onPath = new HashSet<>(typesOnPath);
            onPath.add(((GraphQLNamedOutputType) named).getName());
            List<String> fields = new ArrayList<>();
            for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(field.getType());
                boolean leaf = !(fieldType instanceof GraphQLFieldsContainer);
                if (!leaf && (depthLeft <= 1 || onPath.contains(((GraphQLNamedOutputType) fieldType).getName()))) {
                    continue;
                }
                List<String> fieldPath = new ArrayList<>(path);
                fieldPath.add(field.getName());
                int mark = selected.size();
                int complexityBefore = complexity;
                Map<String, String> typesBefore = new LinkedHashMap<>(variableTypes);
                selected.add(new Selected(List.copyOf(fieldPath), container, field));
                String arguments = arguments(field, String.join(".", fieldPath), false);
                String selection = leaf ? "" : selection(field.getType(), depthLeft - 1, onPath, fieldPath);
                if (!leaf && selection.equals(" {  }")) {
                    // nothing below fits: leave the field out with everything it added
                    selected.subList(mark, selected.size()).clear();
                    complexity = complexityBefore;
                    variableTypes.keySet().retainAll(typesBefore.keySet());
                    variables.keySet().retainAll(typesBefore.keySet());
                    continue;
                }
                complexity += weight(field);
                fields.add(field.getName() + arguments + selection);
            }
            return " { " + String.join(" ", fields) + " }";
        }
    }
}
