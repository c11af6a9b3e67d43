package dev.orgbff.member;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Controller;

import dev.orgbff.graphql.relay.Connection;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.security.Caller;

/**
 * Maps {@code Organization.members}, {@code Organization.member}, {@code Organization.viewerCan} with
 * {@code OrganizationCapabilities.leave}, the fields of {@code Member} and the member mutations. Member roles and permissions of a whole page share the
 * request's one template call, and member users come from the members page: no N+1.
 */
@Controller
class MemberController {

    private final MemberService members;
    private final MembershipService memberships;

    MemberController(MemberService members, MembershipService memberships) {
        this.members = members;
        this.memberships = memberships;
    }

    @SchemaMapping(typeName = "Organization")
    Mono<Connection<Member>> members(Organization organization, Subrange<Integer> range, @Argument @Nullable String query,
            @Argument @Nullable String roleId, Caller caller, DataFetchingEnvironment environment) {
        return caller.prefetched(environment.getExecutionStepInfo().getPath().toString(),
                () -> members.members(caller, organization.id(), range, query, roleId));
    }

    @SchemaMapping(typeName = "Organization")
    Mono<Member> member(Organization organization, @Argument String userId, Caller caller) {
        return members.member(caller, organization.id(), userId);
    }

    @SchemaMapping(typeName = "Organization")
    Mono<OrganizationCapabilities> viewerCan(Organization organization, Caller caller) {
        return members.capabilities(caller, organization.id());
    }

    @SchemaMapping
    Mono<Boolean> leave(OrganizationCapabilities capabilities, Caller caller) {
        return members.canLeave(caller, capabilities.organizationId());
    }

    @MutationMapping
    Mono<AddOrganizationMembersPayload> addOrganizationMembers(@Argument AddOrganizationMembersInput input, Caller caller) {
        return memberships.add(caller, input);
    }

    @MutationMapping
    Mono<UpdateMemberRolesPayload> updateMemberRoles(@Argument UpdateMemberRolesInput input, Caller caller) {
        return memberships.updateRoles(caller, input);
    }

    @MutationMapping
    Mono<RemoveOrganizationMemberPayload> removeOrganizationMember(@Argument RemoveOrganizationMemberInput input, Caller caller) {
        return memberships.remove(caller, input);
    }

    @MutationMapping
    Mono<LeaveOrganizationPayload> leaveOrganization(@Argument LeaveOrganizationInput input, Caller caller) {
        return memberships.leave(caller, input);
    }
}
