package dev.orgbff.invitation;

import java.util.List;
import java.util.Optional;

import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import dev.orgbff.logto.Invitation;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.User;
import dev.orgbff.security.InHandDataFetcher;
import dev.orgbff.template.TemplateService;
import dev.orgbff.viewer.ViewerService;

/**
 * {@code Invitation.inviter} and {@code Invitation.roles}, asked once per invitation of a page: answered from the
 * users and the template the request holds (an inviter who is a member came with the members page), else loaded
 * through the users DataLoader and the template ({@link InHandDataFetcher}).
 */
@Component
class InvitationFields implements RuntimeWiringConfigurer {

    private final InvitationService invitations;
    private final ViewerService viewers;
    private final TemplateService templates;

    InvitationFields(InvitationService invitations, ViewerService viewers, TemplateService templates) {
        this.invitations = invitations;
        this.viewers = viewers;
        this.templates = templates;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Invitation", type -> type
                .dataFetcher("inviter", InHandDataFetcher.<Invitation, User>of(
                        (caller, invitation) -> Optional.ofNullable(invitation.inviterId()).flatMap(userId -> viewers.loadedUser(caller, userId)),
                        invitations::inviter))
                .dataFetcher("roles", InHandDataFetcher.<Invitation, List<OrganizationRole>>of(
                        (caller, invitation) -> templates.loadedTemplate(caller).map(template -> template.roles(invitation.roleIds())),
                        invitations::roles)));
    }
}
