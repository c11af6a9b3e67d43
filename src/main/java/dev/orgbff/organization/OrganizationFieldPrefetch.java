package dev.orgbff.organization;

import graphql.schema.SelectedField;
import reactor.core.publisher.Mono;

import dev.orgbff.security.Caller;

/**
 * A field of {@code Organization} whose Logto read {@code Query.organization} may start together with the
 * viewer's memberships, a round trip earlier than GraphQL's level-by-level execution would: reads only, as the
 * field still checks the membership before anything it fetched is returned (writes keep the "check first" rule).
 * When the viewer turns out not to be a member, the read is dropped unseen (cancelled if still under way): each
 * selection read ahead costs one call, which the query complexity limit bounds like any {@code @upstreamCall}.
 */
public interface OrganizationFieldPrefetch {

    /** The field's name in the SDL, e.g. {@code members}. */
    String field();

    /**
     * The field's value for this selection of it, as its resolver would compute it, not yet subscribed to.
     *
     * @param field the selection: its arguments as graphql-java resolved them (defaults applied, enums by name) and
     *        its own selection set
     * @throws RuntimeException for arguments the field rejects: nothing is started, and the field reports it
     */
    Mono<?> read(Caller caller, String organizationId, SelectedField field);
}
