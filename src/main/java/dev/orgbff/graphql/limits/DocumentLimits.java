package dev.orgbff.graphql.limits;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;

/**
 * The depth and complexity limits ({@link QueryLimits}), checked once per document and operation rather than once per
 * request: a client repeats the same few documents, whose parsed form {@link dev.orgbff.graphql.persisted.DocumentCache} keeps, and walking one again
 * for every request cost more than its limits were worth. A document whose {@code @skip} or {@code @include} takes a
 * variable is checked on every request, as its selection may change with the variables. Errors as graphql-java's own
 * instrumentations word them: {@code maximum query depth exceeded 16 > 15}, {@code maximum query complexity exceeded
 * 401 > 400}.
 */
public final class DocumentLimits extends SimplePerformantInstrumentation {

    private final MaxQueryDepthInstrumentation depth;
    private final int maxComplexity;
    private final FieldComplexityCalculator weights;
    /** The operations of each document that passed, by operation name ({@code ""} for an anonymous one); weak keys: the document cache owns them. */
    private final Cache<Document, Set<String>> passed = Caffeine.newBuilder().weakKeys().build();

    /**
     * @param maxDepth the deepest field nesting allowed
     * @param maxComplexity the most weight an operation may select
     * @param weights each field's weight with its selections'
     */
    public DocumentLimits(int maxDepth, int maxComplexity, FieldComplexityCalculator weights) {
        this.depth = new MaxQueryDepthInstrumentation(maxDepth);
        this.maxComplexity = maxComplexity;
        this.weights = weights;
    }

    /** @throws AbortExecutionException when the operation is too deep or too complex; nothing has run then */
    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Document document = execution.getDocument();
        String operation = execution.getOperationDefinition().getName() == null ? "" : execution.getOperationDefinition().getName();
        Set<String> operations = passed.getIfPresent(document);
        if (operations != null && operations.contains(operation)) {
            return null;
        }
        depth.beginExecuteOperation(parameters, state);
        int complexity = QueryComplexityCalculator.newCalculator().fieldComplexityCalculator(weights).schema(execution.getGraphQLSchema())
                .document(document).operationName(execution.getOperationDefinition().getName()).variables(execution.getCoercedVariables())
                .build().calculate();
        if (complexity > maxComplexity) {
            throw new AbortExecutionException("maximum query complexity exceeded " + complexity + " > " + maxComplexity);
        }
        if (!selectsByVariable(document)) {
            passed.get(document, key -> ConcurrentHashMap.newKeySet()).add(operation);
        }
        return null;
    }

    /** Whether a directive anywhere in the document (its fragments too) takes a variable, as {@code @include(if: $x)} does. */
    private static boolean selectsByVariable(Document document) {
        boolean[] found = {false};
        NodeVisitorStub visitor = new NodeVisitorStub() {
            @Override
            public TraversalControl visitDirective(Directive directive, TraverserContext<Node> context) {
                if (directive.getArguments().stream().map(Argument::getValue).anyMatch(VariableReference.class::isInstance)) {
                    found[0] = true;
                    return TraversalControl.QUIT;
                }
                return TraversalControl.CONTINUE;
            }
        };
        new NodeTraverser().depthFirst(visitor, document);
        return found[0];
    }
}
