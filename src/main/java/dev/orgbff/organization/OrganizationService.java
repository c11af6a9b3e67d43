package dev.orgbff.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.WriteEvents;
import dev.orgbff.graphql.error.ForbiddenException;
import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.graphql.input.TextInput;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationChanges;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationsApi;
import dev.orgbff.security.Caller;
import dev.orgbff.security.RequestLoader;
import dev.orgbff.template.TemplateService;

/**
 * Creating, updating and deleting organizations on behalf of the viewer, and organizations by id for
 * people who need not be members (an invitee sees the organization an invitation is for): a per-request
 * DataLoader with one {@code GET /api/organizations/{id}} per id, all at once (Logto has no batch read),
 * primed with organizations the request already holds.
 */
@Service
public class OrganizationService {

    private static final Logger log = LoggerFactory.getLogger(OrganizationService.class);

    private final WriteEvents events;
    private final OrganizationsApi logto;
    private final OrganizationAccess access;
    private final TemplateService templates;
    private final OrganizationCaches caches;
    /** Read live, for mutations. */
    private final RequestLoader<String, Organization> organizations;
    /** Taken from the shared cache when it may serve them, for queries. */
    private final RequestLoader<String, Organization> sharedOrganizations;

    OrganizationService(OrganizationsApi logto, OrganizationAccess access, TemplateService templates,
            OrganizationCaches caches, WriteEvents events) {
        this.logto = logto;
        this.access = access;
        this.templates = templates;
        this.caches = caches;
        this.events = events;
        this.organizations = RequestLoader.of("organizations", ids -> Flux.fromIterable(ids)
                .flatMap(logto::organization)
                .collectMap(Organization::id));
        this.sharedOrganizations = RequestLoader.of("sharedOrganizations", ids -> Flux.fromIterable(ids)
                .flatMap(id -> caches.organization(id, () -> logto.organization(id)))
                .collectMap(Organization::id));
    }

    /**
     * An organization by id, whether or not the viewer belongs to it (for what an invitation shows of its
     * organization: id, name, description); empty when it does not exist. One
     * {@code GET /api/organizations/{id}} per distinct id per request, concurrent; none for an organization
     * {@link #known known} to the request, nor, in a query with webhooks configured, for one shared across requests
     * ({@link OrganizationCaches}).
     */
    public Mono<Organization> summary(Caller caller, String organizationId) {
        return caller.load(loader(caller), organizationId);
    }

    /** Records an organization the request already read (e.g. from the viewer's memberships), so {@link #summary} costs no call for it. */
    public void known(Caller caller, Organization organization) {
        caller.prime(loader(caller), organization.id(), organization);
    }

    private RequestLoader<String, Organization> loader(Caller caller) {
        return caller.readsLive() ? organizations : sharedOrganizations;
    }

    /**
     * Creates an organization and makes the viewer its admin. Invalid input gives user errors and no
     * upstream call. The admin role ({@code orgbff.access.admin-role}) is resolved to its id through the
     * request's template before anything is written ({@code GET /api/organization-roles}, shared with the
     * payload's {@code viewerRoles}); then {@code POST /api/organizations},
     * {@code POST /api/organizations/{id}/users} and {@code POST /api/organizations/{id}/users/{userId}/roles}.
     * If adding the member or the role fails, the organization is deleted again
     * ({@code DELETE /api/organizations/{id}}, retried) and the payload reports
     * {@code ORGANIZATION_SETUP_FAILED}.
     *
     * <p>Emits {@link ForbiddenException} for a token scoped to one organization (it acts only inside
     * that one), {@link IllegalStateException} before any write when the template has no user role with
     * the admin role's name (a configuration error), and the Logto exceptions of the first write, which
     * leaves nothing behind.
     */
    Mono<CreateOrganizationPayload> create(Caller caller, CreateOrganizationInput input) {
        List<UserError> errors = new ArrayList<>();
        String name = new TextInput(input.name()).name(errors, "input", "name");
        String description = input.description() == null ? null
                : new TextInput(input.description()).description(errors, "input", "description");
        if (!errors.isEmpty()) {
            return Mono.just(CreateOrganizationPayload.failed(errors));
        }
        if (caller.viewer().tokenOrganizationId() != null) {
            return Mono.error(new ForbiddenException("A token scoped to one organization cannot create organizations; "
                    + "use an access token for this API"));
        }
        return templates.template(caller)
                .map(access::adminRole)
                .flatMap(adminRole -> logto.createOrganization(name, description)
                        .flatMap(created -> makeAdmin(caller, created, adminRole).onErrorResume(failure -> undo(created, failure))));
    }

    private Mono<CreateOrganizationPayload> makeAdmin(Caller caller, Organization created, OrganizationRole adminRole) {
        String userId = caller.viewer().userId();
        return logto.addMembers(created.id(), List.of(userId))
                .then(logto.assignRoles(created.id(), userId, List.of(adminRole.id())))
                .then(Mono.fromRunnable(() -> {
                    access.forgetMemberships(caller);
                    events.published(ChangeEvent.Kind.ORGANIZATION_CREATED, created.id(), List.of(), userId);
                    events.published(ChangeEvent.Kind.MEMBERS_ADDED, created.id(), List.of(userId), userId);
                }))
                .thenReturn(CreateOrganizationPayload.created(created));
    }

    /** Compensation: an organization nobody administers must not survive a failed setup. */
    private Mono<CreateOrganizationPayload> undo(Organization created, Throwable failure) {
        log.warn("Setting up the new organization {} failed ({}); deleting it again", created.id(), failure.getMessage());
        return logto.deleteOrganization(created.id())
                // a retried delete whose first try got through finds nothing left: the goal is reached
                .onErrorResume(LogtoApiException.class,
                        error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.empty() : Mono.error(error))
                .thenReturn(CreateOrganizationPayload.failed(List.of(UserError.of(UserErrorCode.ORGANIZATION_SETUP_FAILED,
                        "The organization could not be set up, so it was not created. Try again."))))
                .onErrorResume(error -> {
                    log.error("Could not delete organization {} after its setup failed ({}); it has no admin and must be "
                            + "deleted by hand", created.id(), error.getMessage());
                    return Mono.just(CreateOrganizationPayload.failed(List.of(UserError.of(UserErrorCode.ORGANIZATION_SETUP_FAILED,
                            "The organization could not be set up. It may still be listed without an admin; ask support to remove it."))));
                });
    }

    /**
     * Changes an organization's name, description, custom data or MFA requirement
     * ({@code manage:organization} by default). Invalid input gives user errors ({@code NAME_BLANK},
     * {@code NAME_TOO_LONG}, {@code DESCRIPTION_TOO_LONG}, {@code CONTROL_CHARACTERS},
     * {@code CUSTOM_DATA_NOT_OBJECT}) and no upstream call; then the permission check (the request's
     * memberships and template), then {@code PATCH /api/organizations/{id}} with only the given fields. An
     * input that changes nothing succeeds without a write (Logto refuses an empty PATCH).
     *
     * <p>Emits {@link NotFoundException} for a non-member or unknown organization (also when it is
     * deleted meanwhile) and {@link ForbiddenException} without the permission, both before any write.
     */
    Mono<UpdateOrganizationPayload> update(Caller caller, UpdateOrganizationInput input) {
        List<UserError> errors = new ArrayList<>();
        OrganizationChanges changes = changes(input, errors);
        if (!errors.isEmpty()) {
            return Mono.just(UpdateOrganizationPayload.failed(errors));
        }
        return access.require(caller, input.organizationId(), access.permissions().updateOrganization())
                .flatMap(granted -> changes.isEmpty() ? Mono.just(granted.organization())
                        : logto.updateOrganization(input.organizationId(), changes)
                                .onErrorMap(OrganizationService::deletedMeanwhile)
                                .doOnNext(updated -> {
                                    access.updated(caller, updated);
                                    events.published(ChangeEvent.Kind.ORGANIZATION_UPDATED, updated.id(), List.of(), caller.viewer().userId());
                                }))
                .map(UpdateOrganizationPayload::updated);
    }

    @SuppressWarnings("unchecked")
    private static OrganizationChanges changes(UpdateOrganizationInput input, List<UserError> errors) {
        OrganizationChanges changes = new OrganizationChanges();
        if (input.name() != null) {
            changes.name(new TextInput(input.name()).name(errors, "input", "name"));
        }
        if (!input.description().isOmitted()) {
            String description = input.description().value();
            changes.description(description == null ? null : new TextInput(description).description(errors, "input", "description"));
        }
        if (input.customData() instanceof Map<?, ?> customData) {
            changes.customData((Map<String, Object>) customData); // a GraphQL JSON object always has string keys
        } else if (input.customData() != null) {
            errors.add(UserError.of(UserErrorCode.CUSTOM_DATA_NOT_OBJECT, "Custom data must be a JSON object.", "input", "customData"));
        }
        if (input.isMfaRequired() != null) {
            changes.isMfaRequired(input.isMfaRequired());
        }
        return changes;
    }

    /**
     * Deletes an organization with its memberships and invitations ({@code delete:organization} by default):
     * the permission check, then {@code DELETE /api/organizations/{id}} (retried; one already gone counts as
     * deleted).
     *
     * <p>Emits {@link NotFoundException} for a non-member or unknown organization and
     * {@link ForbiddenException} without the permission, both before any write.
     */
    Mono<DeleteOrganizationPayload> delete(Caller caller, DeleteOrganizationInput input) {
        return access.require(caller, input.organizationId(), access.permissions().deleteOrganization())
                .flatMap(granted -> logto.deleteOrganization(input.organizationId())
                        .onErrorResume(LogtoApiException.class,
                                error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.empty() : Mono.error(error)))
                .then(Mono.fromRunnable(() -> {
                    access.forgetMemberships(caller);
                    caches.organizationChanged(input.organizationId());
                    events.published(ChangeEvent.Kind.ORGANIZATION_DELETED, input.organizationId(), List.of(), caller.viewer().userId());
                }))
                .thenReturn(DeleteOrganizationPayload.deleted(input.organizationId()));
    }

    /** An organization deleted between the check and the write is as not found as one that never existed. */
    private static Throwable deletedMeanwhile(Throwable error) {
        return error instanceof LogtoApiException logtoError && logtoError.status() == 404
                ? new NotFoundException("Organization not found")
                : error;
    }
}
