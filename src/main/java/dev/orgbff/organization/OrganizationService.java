package dev.orgbff.organization;

import java.util.ArrayList;
import java.util.List;

import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.orgbff.graphql.NotFoundException;
import dev.orgbff.graphql.UserError;
import dev.orgbff.graphql.UserErrorCode;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoClient;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationRoleRef;
import dev.orgbff.logto.OrganizationTemplate;
import dev.orgbff.security.AccessProperties;
import dev.orgbff.security.OrganizationAccess;
import dev.orgbff.security.Viewer;

/** Reading and creating organizations on behalf of the viewer. */
@Service
class OrganizationService {

    /** Logto's limits (CONTRACT.md §1), counted in UTF-16 code units as Logto's request guard counts them. */
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_DESCRIPTION_LENGTH = 256;

    private static final Logger log = LoggerFactory.getLogger(OrganizationService.class);

    private final LogtoClient logto;
    private final OrganizationAccess access;
    private final AccessProperties policy;

    OrganizationService(LogtoClient logto, OrganizationAccess access, AccessProperties policy) {
        this.logto = logto;
        this.access = access;
        this.policy = policy;
    }

    /**
     * The organization with this id, carrying the viewer's roles, if the viewer is a member.
     *
     * @throws NotFoundException (emitted) when the viewer is not a member or no such organization exists;
     *     the two are deliberately indistinguishable
     */
    Mono<Organization> find(Viewer viewer, String id, DataLoader<String, List<Organization>> userOrganizations) {
        return access.membership(viewer, id, userOrganizations)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Organization not found")));
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
     * <p>Emits {@link IllegalStateException} before any write when the template has no user role with the
     * admin role's name (a configuration error), and the Logto exceptions of the first write, which leaves
     * nothing behind.
     */
    Mono<CreateOrganizationPayload> create(Viewer viewer, CreateOrganizationInput input,
            DataLoader<String, OrganizationTemplate> organizationTemplate) {
        String name = input.name().strip();
        String description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
        List<UserError> errors = validate(name, description);
        if (!errors.isEmpty()) {
            return Mono.just(CreateOrganizationPayload.failed(errors));
        }
        return access.template(organizationTemplate)
                .map(this::adminRole)
                .flatMap(adminRole -> logto.createOrganization(name, description)
                        .flatMap(created -> makeAdmin(created, viewer, adminRole).onErrorResume(failure -> undo(created, failure))));
    }

    private OrganizationRole adminRole(OrganizationTemplate template) {
        return template.roleNamed(policy.adminRole())
                .filter(OrganizationRole::isForUsers)
                .orElseThrow(() -> new IllegalStateException("The Logto organization template has no user role named '"
                        + policy.adminRole() + "' (orgbff.access.admin-role), so organizations cannot be created"));
    }

    private Mono<CreateOrganizationPayload> makeAdmin(Organization created, Viewer viewer, OrganizationRole adminRole) {
        return logto.addOrganizationUsers(created.id(), List.of(viewer.userId()))
                .then(logto.assignOrganizationRoles(created.id(), viewer.userId(), List.of(adminRole.id())))
                .thenReturn(CreateOrganizationPayload.created(
                        created.withOrganizationRoles(List.of(new OrganizationRoleRef(adminRole.id(), adminRole.name())))));
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

    private static List<UserError> validate(String name, @Nullable String description) {
        List<UserError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(UserError.of(UserErrorCode.NAME_BLANK, "Enter a name.", "input", "name"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(UserError.of(UserErrorCode.NAME_TOO_LONG,
                    "The name can have at most " + MAX_NAME_LENGTH + " characters.", "input", "name"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(UserError.of(UserErrorCode.DESCRIPTION_TOO_LONG,
                    "The description can have at most " + MAX_DESCRIPTION_LENGTH + " characters.", "input", "description"));
        }
        return errors;
    }
}
