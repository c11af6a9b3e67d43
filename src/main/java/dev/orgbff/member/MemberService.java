package dev.orgbff.member;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import graphql.schema.SelectedField;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Service;

import dev.orgbff.graphql.error.BadRequestException;
import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.graphql.input.TextInput;
import dev.orgbff.graphql.relay.Connection;
import dev.orgbff.graphql.relay.Connections;
import dev.orgbff.logto.OrganizationMember;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationsApi;
import dev.orgbff.logto.Page;
import dev.orgbff.organization.AccessProperties;
import dev.orgbff.organization.OrganizationAccess;
import dev.orgbff.organization.OrganizationFieldPrefetch;
import dev.orgbff.security.Caller;
import dev.orgbff.template.OrganizationTemplate;
import dev.orgbff.template.TemplateService;
import dev.orgbff.viewer.ViewerService;

/**
 * Reading an organization's members, paged by Logto, with their roles and permissions from the request's
 * template; and what the viewer may do there ({@code viewerCan}), by the checks the mutations run.
 */
@Service
class MemberService implements OrganizationFieldPrefetch {

    /** Logto's ids are [0-9a-z]; anything far from that is not an id of anything. */
    static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,128}");
    private static final int MAX_QUERY_LENGTH = 128;

    private final OrganizationsApi organizations;
    private final OrganizationAccess access;
    private final TemplateService templates;
    private final ViewerService viewers;
    private final LastAdminGuard lastAdmin;
    private final Connections connections;

    MemberService(OrganizationsApi organizations, OrganizationAccess access, TemplateService templates, ViewerService viewers,
            LastAdminGuard lastAdmin, Connections connections) {
        this.organizations = organizations;
        this.access = access;
        this.templates = templates;
        this.viewers = viewers;
        this.lastAdmin = lastAdmin;
        this.connections = connections;
    }

    /**
     * One page of an organization's members, ordered by user id, paged by Logto: exactly one
     * {@code GET /api/organizations/{id}/users} per call (plus the viewer's memberships, shared), whatever
     * the cursor, requested together with the membership check (a read may; writes check first). Member rows carry the users and their roles, and prime the users DataLoader.
     *
     * @param query a case-insensitive substring of id, email, phone, username or name; blank for everyone
     * @param roleId only holders of this role
     * @throws BadRequestException (emitted) for a bad {@code first}, {@code after}, {@code query} or {@code roleId}, before any call
     * @throws NotFoundException (emitted) when the viewer may not see the organization
     */
    Mono<Connection<Member>> members(Caller caller, String organizationId, Subrange<Integer> range, @Nullable String query,
            @Nullable String roleId) {
        // a read: the membership check and the page are requested together; the rows are used only once it passed
        return Mono.fromCallable(() -> Filter.of(query, roleId)).flatMap(filter -> connections.page(range,
                page -> Mono.zip(access.organization(caller, organizationId),
                                organizations.members(organizationId, filter.keyword(), filter.roleId(), page), templates.template(caller))
                        .map(checked -> new Page<>(checked.getT2().items().stream()
                                .map(row -> known(caller, organizationId, row, checked.getT3())).toList(), checked.getT2().totalCount()))));
    }

    /** {@code Organization.members}, read ahead by {@code Query.organization}. */
    @Override
    public String field() {
        return "members";
    }

    /** {@link #members} for the field's resolved arguments. */
    @Override
    public Mono<Connection<Member>> read(Caller caller, String organizationId, SelectedField field) {
        Map<String, Object> arguments = field.getArguments();
        return members(caller, organizationId, connections.range(arguments), (String) arguments.get("query"), (String) arguments.get("roleId"));
    }

    /**
     * One member of an organization with their roles: one {@code GET /api/organizations/{id}/users?q=<userId>}.
     *
     * @throws NotFoundException (emitted) when the user is not a member, or the viewer may not see the organization
     * @throws BadRequestException (emitted) for a malformed {@code userId}
     */
    Mono<Member> member(Caller caller, String organizationId, String userId) {
        // a read: the membership check and the lookup are requested together; the row is used only once it passed
        return Mono.fromRunnable(() -> checkId("userId", userId))
                .then(Mono.zip(access.organization(caller, organizationId),
                        organizations.member(organizationId, userId).map(Optional::of).defaultIfEmpty(Optional.empty()), templates.template(caller)))
                .flatMap(checked -> Mono.justOrEmpty(checked.getT2().map(row -> known(caller, organizationId, row, checked.getT3()))))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Member not found")));
    }

    /**
     * What the viewer may do in the organization, by the permission checks the mutations run (the
     * memberships and template, shared); all false when the viewer may not act there. No call of its own.
     */
    Mono<OrganizationCapabilities> capabilities(Caller caller, String organizationId) {
        AccessProperties.Permissions needs = access.permissions();
        return access.memberAccess(caller, organizationId)
                .map(granted -> new OrganizationCapabilities(organizationId,
                        granted.has(needs.updateOrganization()),
                        granted.has(needs.deleteOrganization()),
                        granted.has(needs.addMembers()),
                        granted.has(needs.updateMemberRoles()),
                        granted.has(needs.removeMembers())))
                .defaultIfEmpty(OrganizationCapabilities.none(organizationId));
    }

    /**
     * Whether {@code leaveOrganization} would succeed: the viewer is a member their token may act for, and
     * not the last admin. One call (the admin count) when the viewer holds the admin role.
     */
    Mono<Boolean> canLeave(Caller caller, String organizationId) {
        return access.memberAccess(caller, organizationId)
                .flatMap(granted -> {
                    OrganizationRole admin = access.adminRole(granted.template());
                    return lastAdmin.isLastAdmin(granted.holdsRole(admin.id()), organizationId, admin).map(isLastAdmin -> !isLastAdmin);
                })
                .defaultIfEmpty(false);
    }

    private Member known(Caller caller, String organizationId, OrganizationMember row, OrganizationTemplate template) {
        viewers.known(caller, row.user());
        return Member.of(organizationId, row, template, caller.viewer().userId());
    }

    private static void checkId(String argument, @Nullable String id) {
        if (id != null && !ID.matcher(id).matches()) {
            throw new BadRequestException(argument, "is not a Logto id");
        }
    }

    /**
     * The members filter as Logto takes it.
     *
     * @param keyword Logto's {@code q}: the query stripped, {@code null} when blank ({@link TextInput}'s blanks)
     * @param roleId Logto's {@code organizationRoleId}
     */
    private record Filter(@Nullable String keyword, @Nullable String roleId) {

        /** @throws BadRequestException naming {@code query} or {@code roleId} when one is malformed */
        static Filter of(@Nullable String query, @Nullable String roleId) {
            checkId("roleId", roleId);
            String keyword = query == null ? "" : new TextInput(query).stripped();
            if (keyword.isEmpty()) {
                return new Filter(null, roleId);
            }
            if (keyword.length() > MAX_QUERY_LENGTH) {
                throw new BadRequestException("query", "must have at most " + MAX_QUERY_LENGTH + " characters");
            }
            if (keyword.codePoints().anyMatch(Character::isISOControl)) {
                throw new BadRequestException("query", "must not contain control characters");
            }
            return new Filter(keyword, roleId);
        }
    }
}
