package dev.orgbff.graphql.scalar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The {@code DateTime} scalar's coercing, extended so that a {@code long} from a Logto record (epoch
 * milliseconds, which is how Logto sends every timestamp) is written as an ISO-8601 UTC date-time. This is
 * the one place where Logto timestamps are converted; everything else is the extended-scalars DateTime.
 */
public final class EpochMillisCoercing implements Coercing<Object, Object> {

    private final Coercing<?, ?> dateTime;

    /** @param dateTime extended-scalars' {@code DateTime} coercing, which this one hands every value to */
    public EpochMillisCoercing(Coercing<?, ?> dateTime) {
        this.dateTime = dateTime;
    }

    @Override
    public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return dateTime.serialize(fromEpochMillis(value), context, locale);
    }

    @Override
    public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        return dateTime.parseValue(input, context, locale);
    }

    @Override
    public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        return dateTime.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return dateTime.valueToLiteral(fromEpochMillis(input), context, locale);
    }

    private static Object fromEpochMillis(Object value) {
        return value instanceof Long millis ? OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC) : value;
    }
}
