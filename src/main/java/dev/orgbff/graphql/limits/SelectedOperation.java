package dev.orgbff.graphql.limits;

import graphql.execution.UnknownOperationException;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;

/**
 * The operation graphql-java will execute for a document and an operation name, chosen by graphql-java's own rule
 * ({@code NodeUtil.getOperation}, which its execution uses), so that a check made before execution (GET serves
 * queries only; each mutation field takes from the caller's budget) can never look at another operation than
 * the one that runs. An empty {@code operationName}, for example, selects the first operation of several.
 */
public final class SelectedOperation {

    private SelectedOperation() {
    }

    /**
     * Parses a request's document for a check made before execution, with the same limits as execution
     * ({@code orgbff.graphql.max-tokens}: the {@code ParserOptions} bean).
     *
     * @return the document, or {@code null} when it does not parse (execution then reports it)
     */
    public static @Nullable Document parse(String document, ParserOptions options) {
        try {
            return Parser.parse(ParserEnvironment.newParserEnvironment().document(document).parserOptions(options).build());
        } catch (InvalidSyntaxException unparsable) {
            return null;
        }
    }

    /**
     * @param document the parsed request document
     * @param operationName the request's {@code operationName}, as sent
     * @return the operation that runs, or {@code null} when execution refuses the request (no operation of that name,
     *         or several operations and no name)
     */
    public static @Nullable OperationDefinition of(Document document, @Nullable String operationName) {
        try {
            return NodeUtil.getOperation(document, operationName).operationDefinition;
        } catch (UnknownOperationException refused) {
            return null;
        }
    }
}
