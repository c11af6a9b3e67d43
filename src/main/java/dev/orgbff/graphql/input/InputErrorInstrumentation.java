package dev.orgbff.graphql.input;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.UnknownOperationException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.micrometer.context.ContextSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orgbff.graphql.error.LogTrace;
import dev.orgbff.graphql.limits.SelectedOperation;

/**
 * Rewrites graphql-java's errors about input values, whose messages name Java classes and print syntax-tree
 * nodes ({@code Expected type 'Map' but was 'ArrayList'}, {@code with value 'ObjectValue{…}'}), into messages
 * that name only the schema's types, fields, arguments and variables ({@link InputValueCheck}), e.g.
 * {@code Variable 'input' has an invalid value: field 'bogus' is not defined on CreateOrganizationInput}.
 * These errors are raised while the document is validated or its variables coerced, before any data fetcher
 * runs, so no exception resolver sees them. The classification stays {@code ValidationError}; each rewritten
 * error is logged on one line, without a stack trace. Other errors pass unchanged.
 */
public final class InputErrorInstrumentation implements Instrumentation {

    private static final Logger log = LoggerFactory.getLogger(InputErrorInstrumentation.class);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
            @Nullable InstrumentationState state) {
        if (result.getErrors().stream().noneMatch(InputErrorInstrumentation::isAboutInput)) {
            return CompletableFuture.completedFuture(result);
        }
        Request request = new Request(parameters);
        List<GraphQLError> errors = result.getErrors().stream()
                .map(error -> isAboutInput(error) ? request.rewrite(error) : error)
                .toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    /**
     * A literal of the wrong type, a bad variable default, or a variable value that could not be coerced
     * (graphql-java throws those as exceptions that are themselves the error, classified {@code ValidationError}).
     */
    private static boolean isAboutInput(GraphQLError error) {
        if (error instanceof ValidationError validation) {
            return validation.getValidationErrorType() == ValidationErrorType.WrongType
                    || validation.getValidationErrorType() == ValidationErrorType.BadValueForDefaultArg;
        }
        // "Must provide operation name…" and "Unknown operation named…" name only the operation: kept as they are
        return error.getErrorType() == ErrorType.ValidationError && !(error instanceof UnknownOperationException);
    }

    /** One request's document, variables and schema, read again only for a request with input errors. */
    private static final class Request {

        private final GraphQLSchema schema;
        private final GraphQLContext context;
        private final InputValueCheck check;
        private final Map<String, Object> variables;
        private final @Nullable String operationName;
        private final @Nullable Document document;
        /** The problem of each literal argument and variable default, by the position of the argument or variable. */
        private final Map<String, String> literalProblems = new HashMap<>();

        Request(InstrumentationExecutionParameters parameters) {
            this.schema = parameters.getSchema();
            this.context = parameters.getGraphQLContext();
            Locale locale = parameters.getExecutionInput().getLocale();
            this.check = new InputValueCheck(parameters.getGraphQLContext(), locale == null ? Locale.ROOT : locale);
            this.variables = parameters.getVariables();
            this.operationName = parameters.getOperation();
            this.document = parse(parameters.getQuery());
            if (document != null) {
                findLiteralProblems(document);
            }
        }

        private static @Nullable Document parse(String query) {
            try {
                return Parser.parse(query);
            } catch (RuntimeException unparsable) {
                return null; // cannot happen after validation; the fallback messages need no document
            }
        }

        GraphQLError rewrite(GraphQLError error) {
            GraphQLError rewritten = error instanceof ValidationError validation ? rewrite(validation) : rewriteVariableError(error);
            try (ContextSnapshot.Scope trace = LogTrace.of(context)) {
                log.info("Invalid input refused: {}", rewritten.getMessage());
            }
            return rewritten;
        }

        private GraphQLError rewrite(ValidationError error) {
            String prefix = "Validation error (" + error.getValidationErrorType()
                    + (error.getQueryPath() == null || error.getQueryPath().isEmpty() ? "" : "@[" + String.join("/", error.getQueryPath()) + "]")
                    + ") : ";
            String problem = error.getLocations() == null || error.getLocations().isEmpty() ? null
                    : literalProblems.get(key(error.getLocations().get(0)));
            String fallback = error.getValidationErrorType() == ValidationErrorType.WrongType
                    ? "an argument has a value that does not fit its type" : "a variable's default value does not fit its type";
            return ValidationError.newValidationError()
                    .validationErrorType(error.getValidationErrorType())
                    .sourceLocations(error.getLocations())
                    .queryPath(error.getQueryPath())
                    .description(prefix + (problem == null ? fallback : problem))
                    .build();
        }

        /** graphql-java stops at the first variable it cannot coerce: the first one with a problem is that one. */
        private GraphQLError rewriteVariableError(GraphQLError error) {
            OperationDefinition operation = operation();
            if (operation != null) {
                for (VariableDefinition definition : operation.getVariableDefinitions()) {
                    String problem = variableProblem(definition);
                    if (problem != null) {
                        return GraphqlErrorBuilder.newError().errorType(ErrorType.ValidationError)
                                .message(problem).location(definition.getSourceLocation()).build();
                    }
                }
            }
            return GraphqlErrorBuilder.newError().errorType(ErrorType.ValidationError)
                    .message("A variable has a value that does not fit its type").locations(error.getLocations()).build();
        }

        private @Nullable String variableProblem(VariableDefinition definition) {
            GraphQLType type = type(definition.getType());
            if (!(type instanceof GraphQLInputType inputType)) {
                return null;
            }
            String name = definition.getName();
            boolean given = variables.containsKey(name);
            Object value = variables.get(name);
            if (!given && definition.getDefaultValue() != null) {
                return null; // the default was checked with the document
            }
            if (value == null) {
                return GraphQLTypeUtil.isNonNull(inputType)
                        ? "Variable '" + name + "' must not be null (" + GraphQLTypeUtil.simplePrint(inputType) + ")" : null;
            }
            String problem = check.problem(inputType, value, name);
            return problem == null ? null : "Variable '" + name + "' has an invalid value: " + problem;
        }

        private @Nullable OperationDefinition operation() {
            if (document == null) {
                return null;
            }
            return SelectedOperation.of(document, operationName);
        }

        private void findLiteralProblems(Document document) {
            for (Definition<?> definition : document.getDefinitions()) {
                if (definition instanceof OperationDefinition operation) {
                    for (VariableDefinition variable : operation.getVariableDefinitions()) {
                        GraphQLType type = type(variable.getType());
                        if (variable.getDefaultValue() != null && type instanceof GraphQLInputType inputType) {
                            String problem = check.problem(inputType, variable.getDefaultValue(), variable.getName());
                            if (problem != null) {
                                literalProblems.put(key(variable.getSourceLocation()),
                                        "variable '" + variable.getName() + "' has an invalid default value: " + problem);
                            }
                        }
                        directives(variable.getDirectives());
                    }
                    directives(operation.getDirectives());
                    selections(switch (operation.getOperation()) {
                        case QUERY -> schema.getQueryType();
                        case MUTATION -> schema.getMutationType();
                        case SUBSCRIPTION -> schema.getSubscriptionType();
                    }, operation.getSelectionSet());
                } else if (definition instanceof FragmentDefinition fragment) {
                    directives(fragment.getDirectives());
                    selections(schema.getType(fragment.getTypeCondition().getName()), fragment.getSelectionSet());
                }
            }
        }

        private void selections(@Nullable GraphQLType parent, @Nullable SelectionSet selectionSet) {
            if (selectionSet == null) {
                return;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    directives(field.getDirectives());
                    GraphQLFieldDefinition definition = field(parent, field.getName());
                    if (definition != null) {
                        arguments(field.getArguments(), definition.getArguments(), "field '" + field.getName() + "'");
                        selections(GraphQLTypeUtil.unwrapAll(definition.getType()), field.getSelectionSet());
                    }
                } else if (selection instanceof InlineFragment fragment) {
                    directives(fragment.getDirectives());
                    selections(fragment.getTypeCondition() == null ? parent : schema.getType(fragment.getTypeCondition().getName()),
                            fragment.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread) {
                    directives(spread.getDirectives());
                }
            }
        }

        private @Nullable GraphQLFieldDefinition field(@Nullable GraphQLType parent, String name) {
            if (Introspection.SchemaMetaFieldDef.getName().equals(name)) {
                return Introspection.SchemaMetaFieldDef;
            }
            if (Introspection.TypeMetaFieldDef.getName().equals(name)) {
                return Introspection.TypeMetaFieldDef;
            }
            return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
        }

        private void directives(List<Directive> directives) {
            for (Directive directive : directives) {
                GraphQLDirective definition = schema.getDirective(directive.getName());
                if (definition != null) {
                    arguments(directive.getArguments(), definition.getArguments(), "directive '@" + directive.getName() + "'");
                }
            }
        }

        private void arguments(List<Argument> arguments, List<GraphQLArgument> definitions, String owner) {
            for (Argument argument : arguments) {
                definitions.stream().filter(definition -> definition.getName().equals(argument.getName())).findFirst().ifPresent(definition -> {
                    String problem = check.problem(definition.getType(), argument.getValue(), argument.getName());
                    if (problem != null) {
                        literalProblems.put(key(argument.getSourceLocation()),
                                "argument '" + argument.getName() + "' of " + owner + " has an invalid value: " + problem);
                    }
                });
            }
        }

        /** The schema type a variable declares, or {@code null} when the schema has no type of that name. */
        private @Nullable GraphQLType type(Type<?> type) {
            if (type instanceof NonNullType nonNull) {
                GraphQLType wrapped = type(nonNull.getType());
                return wrapped == null ? null : GraphQLNonNull.nonNull(wrapped);
            }
            if (type instanceof ListType list) {
                GraphQLType wrapped = type(list.getType());
                return wrapped == null ? null : GraphQLList.list(wrapped);
            }
            return schema.getType(((TypeName) type).getName());
        }

        private static String key(@Nullable SourceLocation location) {
            return location == null ? "" : location.getLine() + ":" + location.getColumn();
        }
    }
}
