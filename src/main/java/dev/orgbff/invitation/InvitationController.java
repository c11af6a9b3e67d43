package dev.orgbff.invitation;

import java.util.List;

import org.jspecify.annotations.Nullable;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Controller;

import dev.orgbff.graphql.relay.Connection;
import dev.orgbff.logto.Invitation;
import dev.orgbff.logto.InvitationStatus;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.User;
import dev.orgbff.organization.OrganizationEvent;
import dev.orgbff.organization.OrganizationService;
import dev.orgbff.security.Caller;
import dev.orgbff.security.Viewer;

/**
 * Maps {@code Organization.invitations}, {@code Viewer.pendingInvitations}, {@code Query.invitation}, the
 * fields of {@code Invitation}, the invitation mutations, {@code Subscription.viewerInvitationEvents} and the
 * {@code invitation} of the invitation events. Inviters and accepting users of a whole list
 * share one users batch, and organizations one call each at most: no N+1.
 */
@Controller
class InvitationController {

    private final InvitationService invitations;
    private final InviteService invites;
    private final OrganizationService organizations;

    InvitationController(InvitationService invitations, InviteService invites, OrganizationService organizations) {
        this.invitations = invitations;
        this.invites = invites;
        this.organizations = organizations;
    }

    @SchemaMapping(typeName = "Organization")
    Mono<Connection<Invitation>> invitations(Organization organization, @Argument @Nullable InvitationStatus status,
            Subrange<Integer> range, Caller caller, DataFetchingEnvironment environment) {
        return caller.prefetched(environment.getExecutionStepInfo().getPath().toString(),
                () -> invitations.organizationInvitations(caller, organization.id(), status, range));
    }

    @SchemaMapping
    Mono<List<Invitation>> pendingInvitations(Viewer viewer, Caller caller) {
        return invitations.pendingInvitations(caller);
    }

    @QueryMapping
    Mono<Invitation> invitation(@Argument String id, Caller caller) {
        return invitations.invitation(caller, id);
    }

    @SchemaMapping
    Mono<User> acceptedUser(Invitation invitation, Caller caller) {
        return invitations.acceptedUser(caller, invitation);
    }

    @SchemaMapping(typeName = "Invitation")
    Mono<Organization> organization(Invitation invitation, Caller caller) {
        return organizations.summary(caller, invitation.organizationId());
    }

    @SchemaMapping
    Mono<String> acceptUrl(Invitation invitation, Caller caller) {
        return invitations.acceptUrl(caller, invitation);
    }

    @MutationMapping
    Mono<InviteMembersPayload> inviteMembers(@Argument InviteMembersInput input, Caller caller) {
        return invites.invite(caller, input);
    }

    @MutationMapping
    Mono<InvitationPayload> resendInvitation(@Argument InvitationInput input, Caller caller) {
        return invites.resend(caller, input);
    }

    @MutationMapping
    Mono<InvitationPayload> revokeInvitation(@Argument InvitationInput input, Caller caller) {
        return invites.revoke(caller, input);
    }

    @MutationMapping
    Mono<AcceptInvitationPayload> acceptInvitation(@Argument InvitationInput input, Caller caller) {
        return invitations.accept(caller, input);
    }

    @MutationMapping
    Mono<InvitationPayload> declineInvitation(@Argument InvitationInput input, Caller caller) {
        return invitations.decline(caller, input);
    }

    @SubscriptionMapping
    Flux<ViewerInvitationEvent> viewerInvitationEvents(Caller caller) {
        return invitations.viewerInvitationEvents(caller);
    }

    @SchemaMapping(typeName = "ViewerInvitationEvent")
    Mono<Invitation> invitation(ViewerInvitationEvent event, Caller caller) {
        return invitations.invitation(caller, event.invitationId());
    }

    /** The invitation of an invitation event, as it now is: only members who may invite get those events. */
    @SchemaMapping(typeName = "OrganizationEvent")
    Mono<Invitation> invitation(OrganizationEvent event, Caller caller) {
        return Mono.justOrEmpty(event.invitationId()).flatMap(invitationId -> invitations.invitation(caller, invitationId));
    }

    @SchemaMapping(typeName = "AcceptInvitationPayload")
    Mono<Organization> organization(AcceptInvitationPayload payload, Caller caller) {
        return invitations.joined(caller, payload);
    }
}
