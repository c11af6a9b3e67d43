package dev.orgbff.organization;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.graphql.error.ForbiddenException;
import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.UserOrganization;
import dev.orgbff.logto.UsersApi;
import dev.orgbff.security.Caller;
import dev.orgbff.security.RequestLoader;
import dev.orgbff.template.OrganizationTemplate;
import dev.orgbff.template.TemplateService;

/**
 * The one place where permissions are checked: the viewer's memberships, read from Logto through a per-request
 * DataLoader ({@code GET /api/users/{userId}/organizations}, at most once per request), resolved against the template
 * ({@link TemplateService}, once per request). A mutation reads them live; with webhooks configured, a query may
 * take them from {@link OrganizationCaches}, which events keep fresh, never older than
 * {@code orgbff.cache.max-staleness}. A non-member, an unknown organization
 * id and an organization the token is not scoped to get the same {@link NotFoundException}; a member
 * without the permission gets {@link ForbiddenException}. Checks run before any write.
 */
@Component
public class OrganizationAccess {

    private static final String NOT_FOUND = "Organization not found";

    /** Read live, for mutations. */
    private final RequestLoader<String, List<UserOrganization>> memberships;
    /** Taken from the shared cache when it may serve them, for queries. */
    private final RequestLoader<String, List<UserOrganization>> sharedMemberships;
    private final TemplateService templates;
    private final AccessProperties policy;
    private final OrganizationCaches caches;

    OrganizationAccess(UsersApi users, TemplateService templates, AccessProperties policy,
            OrganizationCaches caches) {
        this.templates = templates;
        this.policy = policy;
        this.caches = caches;
        this.memberships = RequestLoader.of("memberships", userIds -> Flux.fromIterable(userIds)
                .flatMap(userId -> organizationsOf(users, userId).map(organizations -> Map.entry(userId, organizations)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue));
        this.sharedMemberships = RequestLoader.of("sharedMemberships", userIds -> Flux.fromIterable(userIds)
                .flatMap(userId -> caches.memberships(userId, () -> organizationsOf(users, userId))
                        .map(organizations -> Map.entry(userId, organizations)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A user deleted while their token is still valid belongs to no organization. */
    private static Mono<List<UserOrganization>> organizationsOf(UsersApi users, String userId) {
        return users.userOrganizations(userId)
                .onErrorResume(LogtoApiException.class,
                        error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.just(List.of()) : Mono.error(error));
    }

    /**
     * Every organization the viewer belongs to, in no particular order, whatever organization their token
     * is scoped to. One call per request, shared by every field that needs the viewer's memberships.
     */
    public Mono<List<Organization>> organizations(Caller caller) {
        return memberships(caller).map(rows -> rows.stream().map(UserOrganization::organization).toList());
    }

    /**
     * The viewer's membership in an organization, whatever organization their token is scoped to; empty
     * when they are not a member.
     */
    Mono<Membership> membership(Caller caller, String organizationId) {
        return memberships(caller).flatMap(rows -> Mono.justOrEmpty(rows.stream()
                .filter(row -> row.organization().id().equals(organizationId))
                .findFirst()
                .map(row -> new Membership(organizationId, row.roleIds()))));
    }

    /**
     * {@link #viewerRoles} from what the request has loaded, the viewer's memberships and the template ({@link
     * Caller#loaded}); empty when it has not loaded both. No load is started.
     */
    Optional<List<OrganizationRole>> loadedViewerRoles(Caller caller, String organizationId) {
        return loadedViewerAccess(caller).map(loaded -> loaded.template().roles(loaded.memberships().stream()
                .filter(row -> row.organization().id().equals(organizationId))
                .findFirst()
                .map(UserOrganization::roleIds)
                .orElse(List.of())));
    }

    /** {@link #viewerPermissions} from what the request has loaded; empty when it has not loaded both. No load is started. */
    Optional<Set<String>> loadedViewerPermissions(Caller caller, String organizationId) {
        return loadedViewerAccess(caller).map(loaded -> loaded.in(organizationId).map(MemberAccess::permissions).orElse(Set.of()));
    }

    private Optional<ViewerAccess> loadedViewerAccess(Caller caller) {
        return caller.loaded(caller.readsLive() ? memberships : sharedMemberships, caller.viewer().userId())
                .flatMap(rows -> templates.loadedTemplate(caller).map(template -> new ViewerAccess(caller.viewer(), rows, template)));
    }

    /**
     * The viewer's roles in an organization, sorted by name; empty when they hold none or are not a member.
     * Shares the request's memberships and template calls.
     */
    Mono<List<OrganizationRole>> viewerRoles(Caller caller, String organizationId) {
        return Mono.zip(membership(caller, organizationId).map(Membership::roleIds).defaultIfEmpty(List.of()), templates.template(caller))
                .map(loaded -> loaded.getT2().roles(loaded.getT1()));
    }

    /**
     * The viewer's effective organization permissions in an organization, sorted: those their roles grant,
     * narrowed by an organization token for it; none where their token may not act or they are not a member.
     */
    Mono<Set<String>> viewerPermissions(Caller caller, String organizationId) {
        return memberAccess(caller, organizationId).map(MemberAccess::permissions).defaultIfEmpty(Set.of());
    }

    /**
     * Whether the request's organization token for this organization carries other permissions than the
     * viewer's roles there grant now (a role changed after it was issued); false for every other token and
     * organization.
     */
    Mono<Boolean> isViewerTokenStale(Caller caller, String organizationId) {
        Set<String> tokenPermissions = caller.viewer().tokenPermissions();
        if (tokenPermissions == null || !organizationId.equals(caller.viewer().tokenOrganizationId())) {
            return Mono.just(false);
        }
        return memberAccess(caller, organizationId)
                .map(access -> !access.template().permissions(access.membership().roleIds()).equals(tokenPermissions))
                .defaultIfEmpty(true); // no longer a member: no organization token can be refreshed
    }

    /**
     * The organization, if the viewer is a member and their token may act there. Costs the memberships
     * call only (no template).
     *
     * @throws NotFoundException (emitted) otherwise; a missing organization, one the viewer is not a
     *     member of and one their token is not scoped to are not told apart
     */
    public Mono<Organization> organization(Caller caller, String organizationId) {
        if (!caller.viewer().mayAct(organizationId)) {
            return Mono.error(new NotFoundException(NOT_FOUND));
        }
        return memberships(caller)
                .flatMap(rows -> Mono.justOrEmpty(rows.stream()
                        .map(UserOrganization::organization)
                        .filter(organization -> organization.id().equals(organizationId))
                        .findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(NOT_FOUND)));
    }

    /**
     * The viewer's access as a member of the organization: memberships and template, one call each per
     * request (shared with every other field).
     *
     * @throws NotFoundException (emitted) for a non-member, an unknown id and an organization the token is
     *     not scoped to, alike
     */
    public Mono<MemberAccess> requireMember(Caller caller, String organizationId) {
        return memberAccess(caller, organizationId).switchIfEmpty(Mono.error(() -> new NotFoundException(NOT_FOUND)));
    }

    /**
     * {@link #requireMember} plus the organization permission an operation needs.
     *
     * @throws NotFoundException (emitted) as {@link #requireMember}
     * @throws ForbiddenException (emitted) for a member without the permission (roles and token considered)
     */
    public Mono<MemberAccess> require(Caller caller, String organizationId, String permission) {
        return requireMember(caller, organizationId).flatMap(access -> access.has(permission)
                ? Mono.just(access)
                : Mono.error(new ForbiddenException("This needs the organization permission '" + permission + "'")));
    }

    /**
     * The template role named by {@code orgbff.access.admin-role}: what creators receive and what the
     * last-admin guard counts.
     *
     * @throws IllegalStateException when the template has no user role of that name (a configuration error)
     */
    public OrganizationRole adminRole(OrganizationTemplate template) {
        return template.roleNamed(policy.adminRole())
                .filter(OrganizationRole::isForUsers)
                .orElseThrow(() -> new IllegalStateException("The Logto organization template has no user role named '"
                        + policy.adminRole() + "' (orgbff.access.admin-role)"));
    }

    /** The configured permission of each operation. */
    public AccessProperties.Permissions permissions() {
        return policy.permissions();
    }

    /**
     * Puts an organization as a write returned it into the request's cached memberships, so later fields and
     * mutations of the same request see its new details without another call; and drops what other requests share
     * of it.
     */
    void updated(Caller caller, Organization organization) {
        caller.update(memberships, caller.viewer().userId(), rows -> rows.stream()
                .map(row -> row.organization().id().equals(organization.id())
                        ? new UserOrganization(organization, row.organizationRoles())
                        : row)
                .toList());
        caches.organizationChanged(organization.id());
    }

    /**
     * Drops the request's cached memberships after a write changed the viewer's own memberships or roles,
     * so later checks and fields of the same request (a second mutation, a payload) read them anew; and the ones
     * shared with later requests.
     */
    public void forgetMemberships(Caller caller) {
        caller.forget(memberships, caller.viewer().userId()); // only mutations write, and they read live
        caches.membershipsChanged(List.of(caller.viewer().userId()));
    }

    /**
     * Drops the shared memberships of users a write through this service added, removed or gave other roles, so this
     * instance's next queries read them anew even before the write's event arrives.
     */
    public void membershipsChanged(List<String> userIds) {
        caches.membershipsChanged(userIds);
    }

    /**
     * The viewer's access where their token may act and they are a member; empty otherwise (no error).
     * Loads the memberships and the template in one dispatch, each once per request.
     */
    public Mono<MemberAccess> memberAccess(Caller caller, String organizationId) {
        if (!caller.viewer().mayAct(organizationId)) {
            return Mono.empty(); // no call for an organization the token may not act in
        }
        return viewerAccess(caller).flatMap(access -> Mono.justOrEmpty(access.in(organizationId)));
    }

    /**
     * The viewer's memberships and the template, for decisions about organizations not known yet: both loads
     * start at once (in one dispatch), so call it when the field's resolution starts, alongside any other read.
     */
    public Mono<ViewerAccess> viewerAccess(Caller caller) {
        return Mono.zip(memberships(caller), templates.template(caller))
                .map(loaded -> new ViewerAccess(caller.viewer(), loaded.getT1(), loaded.getT2()));
    }

    /**
     * {@link #viewerAccess} as it is now, for one subscription event: the request's loaded data is forgotten
     * ({@link Caller#forgetAll}) and the memberships read again ({@code GET /api/users/{userId}/organizations}, the
     * template from its cache), so the event's check and the fields under it see the state after the event.
     */
    public Mono<ViewerAccess> currentAccess(Caller caller) {
        return Mono.defer(() -> {
            caller.forgetAll();
            return caller.dispatched(viewerAccess(caller));
        });
    }

    private Mono<List<UserOrganization>> memberships(Caller caller) {
        return caller.load(caller.readsLive() ? memberships : sharedMemberships, caller.viewer().userId()).defaultIfEmpty(List.of());
    }
}
