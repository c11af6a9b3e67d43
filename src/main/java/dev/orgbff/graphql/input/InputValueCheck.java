package dev.orgbff.graphql.input;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Says why an input value does not fit its GraphQL input type, in the schema's words (type, field, argument
 * and variable names; "an object", "a list", "a string"), never in Java's. It follows graphql-java's input
 * coercion: a single value stands for a list of one, a missing field takes its default, scalars and enums
 * decide themselves what they accept. A value is either a variable's value as JSON parsing left it (maps,
 * lists, strings, numbers, booleans, null) or a literal of the document; variables inside a literal are left
 * to their own check.
 */
final class InputValueCheck {

    /** A GraphQL name: field names sent in variables are echoed only when they are one (no line breaks, no markup). */
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

    private final GraphQLContext context;
    private final Locale locale;

    InputValueCheck(GraphQLContext context, Locale locale) {
        this.context = context;
        this.locale = locale;
    }

    /**
     * The first reason {@code value} does not fit {@code type}, or {@code null} when it fits.
     *
     * @param path where the value is, for the message: a variable or argument name, then {@code .field} and {@code [index]}
     */
    @Nullable String problem(GraphQLInputType type, @Nullable Object value, String path) {
        if (value instanceof VariableReference) {
            return null;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            return isNull(value) ? "'" + path + "' must not be null (" + GraphQLTypeUtil.simplePrint(type) + ")"
                    : problem((GraphQLInputType) nonNull.getWrappedType(), value, path);
        }
        if (isNull(value)) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            return listProblem((GraphQLInputType) list.getWrappedType(), value, path);
        }
        if (type instanceof GraphQLInputObjectType object) {
            return objectProblem(object, value, path);
        }
        if (type instanceof GraphQLEnumType enumType) {
            return accepts(enumType, value) ? null : "'" + path + "' must be a value of " + enumType.getName() + ": "
                    + enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).collect(Collectors.joining(", "))
                    + (value instanceof String || value instanceof EnumValue ? "" : ", not " + kind(value));
        }
        GraphQLScalarType scalar = (GraphQLScalarType) type;
        return accepts(scalar, value) ? null : "'" + path + "' must be " + expected(scalar, value);
    }

    private @Nullable String listProblem(GraphQLInputType element, Object value, String path) {
        List<?> items = value instanceof List<?> list ? list : value instanceof ArrayValue array ? array.getValues() : null;
        if (items == null) {
            // one value stands for a list of one: an object meant as one input object is best told about its fields
            String problem = problem(element, value, path);
            boolean oneObject = fields(value) != null && GraphQLTypeUtil.unwrapNonNull(element) instanceof GraphQLInputObjectType;
            return problem == null || oneObject ? problem
                    : "'" + path + "' must be a list of " + GraphQLTypeUtil.simplePrint(element) + ", not " + kind(value);
        }
        for (int i = 0; i < items.size(); i++) {
            String problem = problem(element, items.get(i), path + "[" + i + "]");
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private @Nullable String objectProblem(GraphQLInputObjectType type, Object value, String path) {
        Map<?, ?> fields = fields(value);
        if (fields == null) {
            return "'" + path + "' must be an object of type " + type.getName() + ", not " + kind(value);
        }
        String where = path.indexOf('.') < 0 && path.indexOf('[') < 0 ? "" : " (in '" + path + "')";
        for (Object name : fields.keySet()) {
            if (type.getField(name.toString()) == null) {
                return NAME.matcher(name.toString()).matches()
                        ? "field '" + name + "' is not defined on " + type.getName() + where
                        : "a field name that is not a GraphQL name is not defined on " + type.getName() + where;
            }
        }
        for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
            if (!fields.containsKey(field.getName())) {
                if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
                    return "field '" + field.getName() + "' of " + type.getName() + " is required" + where;
                }
                continue;
            }
            String problem = problem(field.getType(), fields.get(field.getName()), path + "." + field.getName());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static @Nullable Map<?, ?> fields(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof ObjectValue object) {
            Map<String, Value<?>> fields = new LinkedHashMap<>();
            for (ObjectField field : object.getObjectFields()) {
                fields.put(field.getName(), field.getValue());
            }
            return fields;
        }
        return null;
    }

    private boolean accepts(GraphQLEnumType type, Object value) {
        try {
            if (value instanceof Value<?> literal) {
                type.parseLiteral(literal, context, locale);
            } else {
                type.parseValue(value, context, locale);
            }
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private boolean accepts(GraphQLScalarType type, Object value) {
        try {
            if (value instanceof Value<?> literal) {
                type.getCoercing().parseLiteral(literal, CoercedVariables.emptyVariables(), context, locale);
            } else {
                type.getCoercing().parseValue(value, context, locale);
            }
            return true;
        } catch (RuntimeException refused) {
            // the scalar's own message may name Java types or echo the value: only the verdict is used
            return false;
        }
    }

    /** What the scalar takes, and what was given when that is not even of the right kind. */
    private static String expected(GraphQLScalarType type, Object value) {
        String kind = kind(value);
        return switch (type.getName()) {
            case "String" -> "a String" + unless(kind, "a string");
            case "Boolean" -> "a Boolean (true or false)" + unless(kind, "a boolean");
            case "Int" -> "an Int (a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")" + unless(kind, "a whole number");
            case "Float" -> "a Float (a number)" + unless(kind, "a whole number", "a decimal number");
            case "ID" -> "an ID (a string or a whole number)" + unless(kind, "a string", "a whole number");
            default -> "a valid " + type.getName() + unless(kind, "a string");
        };
    }

    private static String unless(String kind, String... fitting) {
        return List.of(fitting).contains(kind) ? "" : ", not " + kind;
    }

    /** The JSON or GraphQL kind of a value, never its Java class. */
    private static String kind(@Nullable Object value) {
        if (isNull(value)) {
            return "null";
        }
        if (value instanceof Map<?, ?> || value instanceof ObjectValue) {
            return "an object";
        }
        if (value instanceof List<?> || value instanceof ArrayValue) {
            return "a list";
        }
        if (value instanceof String || value instanceof StringValue) {
            return "a string";
        }
        if (value instanceof Boolean || value instanceof BooleanValue) {
            return "a boolean";
        }
        if (value instanceof IntValue) {
            return "a whole number";
        }
        if (value instanceof FloatValue) {
            return "a decimal number";
        }
        if (value instanceof Number number) {
            return isWhole(number) ? "a whole number" : "a decimal number";
        }
        if (value instanceof EnumValue) {
            return "an enum value";
        }
        return "a value of another kind";
    }

    private static boolean isWhole(Number number) {
        try {
            return new BigDecimal(number.toString()).stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException notFinite) {
            return false;
        }
    }

    private static boolean isNull(@Nullable Object value) {
        return value == null || value instanceof NullValue;
    }
}
