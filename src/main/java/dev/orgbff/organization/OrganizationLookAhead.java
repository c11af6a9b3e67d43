package dev.orgbff.organization;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;

import org.springframework.stereotype.Component;

import dev.orgbff.security.Caller;

/**
 * Starts the reads of the selected {@link OrganizationFieldPrefetch prefetchable} fields of {@code Query.organization}
 * together with its membership check, so an organization page costs two dependent round trips, not three.
 */
@Component
class OrganizationLookAhead {

    private final Map<String, OrganizationFieldPrefetch> prefetches;

    OrganizationLookAhead(List<OrganizationFieldPrefetch> prefetches) {
        this.prefetches = prefetches.stream().collect(Collectors.toUnmodifiableMap(OrganizationFieldPrefetch::field, Function.identity()));
    }

    /** For each selection of a prefetchable field (aliases apart), starts its read; nothing for an organization the token may not act for. */
    void start(Caller caller, String organizationId, DataFetchingEnvironment environment) {
        if (!caller.viewer().mayAct(organizationId)) {
            return;
        }
        ResultPath path = environment.getExecutionStepInfo().getPath();
        for (SelectedField field : environment.getSelectionSet().getImmediateFields()) {
            OrganizationFieldPrefetch prefetch = prefetches.get(field.getName());
            if (prefetch == null) {
                continue;
            }
            try {
                caller.prefetch(path.segment(field.getResultKey()).toString(), prefetch.read(caller, organizationId, field));
            } catch (RuntimeException rejected) {
                // bad arguments: the field itself reports them when it runs
            }
        }
    }
}
