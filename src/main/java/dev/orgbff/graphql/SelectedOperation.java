package dev.orgbff.graphql;

import graphql.execution.UnknownOperationException;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
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
