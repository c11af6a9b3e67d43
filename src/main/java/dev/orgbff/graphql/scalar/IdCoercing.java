package dev.orgbff.graphql.scalar;

import java.math.BigInteger;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ID} scalar's coercing with the input rule of the GraphQL spec: an ID is a string or a whole
 * number. graphql-java 25 turns any variable value into an ID with {@code String.valueOf}, so an object or a
 * list given for an id reached the services as {@code "{x=1}"} or {@code "[a]"}; now it is a
 * {@code ValidationError} like any other value of the wrong type. Everything else is graphql-java's ID.
 */
public final class IdCoercing implements Coercing<Object, Object> {

    private final Coercing<?, ?> id;

    /** @param id graphql-java's {@code ID} coercing, which this one hands every value it accepts to */
    public IdCoercing(Coercing<?, ?> id) {
        this.id = id;
    }

    @Override
    public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return id.serialize(value, context, locale);
    }

    @Override
    public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        // what JSON parsing makes of a string or a whole number; a decimal, a boolean, an object or a list is none
        if (input instanceof String || input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
            return id.parseValue(input, context, locale);
        }
        throw new CoercingParseValueException("Expected an ID: a string or a whole number");
    }

    @Override
    public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        return id.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return id.valueToLiteral(input, context, locale);
    }
}
