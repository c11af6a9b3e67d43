package dev.orgbff.member;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;
import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.LogtoUnavailableException;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationsApi;

/**
 * The last-admin guard: no removal, demotion or leave may leave an organization without a member holding
 * the admin role. The check counts the role's holders ({@code GET /api/organizations/{id}/users?organizationRoleId=…&page_size=1},
 * only when a write takes the role away). Logto has no conditional writes, so two concurrent demotions of the
 * last two admins could both pass it: after such a write the admins are counted again and, with none left or
 * when they cannot be counted, the write is undone.
 */
@Component
class LastAdminGuard {

    private static final Logger log = LoggerFactory.getLogger(LastAdminGuard.class);

    private final OrganizationsApi organizations;

    LastAdminGuard(OrganizationsApi organizations) {
        this.organizations = organizations;
    }

    /** Whether taking the admin role away from one member leaves none: one call, only when {@code takesAdminAway}. */
    Mono<Boolean> isLastAdmin(boolean takesAdminAway, String organizationId, OrganizationRole admin) {
        return takesAdminAway
                ? organizations.countMembersWithRole(organizationId, admin.id()).map(count -> count <= 1)
                : Mono.just(false);
    }

    /**
     * Runs {@code write} unless it takes the last admin away (then emits {@code lastAdmin}, nothing written).
     * After a write that took the role away, counts the admins again: with none left the write is undone and
     * {@code lastAdmin} emitted; when they cannot be counted (Logto failed, after the retries of a read) none
     * may be left, so the write is undone too and {@code ADMIN_COUNT_UNAVAILABLE} emitted. Completes empty once
     * the write stands. A write that got no answer ({@link LogtoUnavailableException}) may have been made: the
     * admins are counted again all the same, and the write undone as above, before its error is emitted. An undo
     * that fails emits its error (the caller must not read a user error, "nothing changed", then) and is logged
     * as an error naming the organization, which then needs an admin given by hand.
     */
    Mono<UserError> write(boolean takesAdminAway, String organizationId, OrganizationRole admin, Mono<Void> write, Mono<Void> undo,
            UserError lastAdmin) {
        return isLastAdmin(takesAdminAway, organizationId, admin).flatMap(last -> last
                ? Mono.just(lastAdmin)
                : takesAdminAway
                        ? write
                                // it may have been made, and with a concurrent change have left no admin
                                .onErrorResume(LogtoUnavailableException.class, failure -> recount(organizationId, admin, undo, lastAdmin)
                                        .then(Mono.error(failure)))
                                .then(recount(organizationId, admin, undo, lastAdmin))
                        : write.then(Mono.empty()));
    }

    /**
     * Removes a member, keeping an admin, as {@link #write}; the undo adds them again with the roles they had
     * (Logto drops a member's roles with the membership). A membership already gone counts as removed.
     */
    Mono<UserError> remove(String organizationId, String userId, List<String> roleIds, OrganizationRole admin, UserError lastAdmin) {
        Mono<Void> remove = organizations.removeMember(organizationId, userId)
                .onErrorResume(LogtoApiException.class, error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.empty() : Mono.error(error));
        Mono<Void> undo = organizations.addMembers(organizationId, List.of(userId))
                .then(roleIds.isEmpty() ? Mono.empty() : organizations.assignRoles(organizationId, userId, roleIds));
        return write(roleIds.contains(admin.id()), organizationId, admin, remove, undo, lastAdmin);
    }

    private Mono<UserError> recount(String organizationId, OrganizationRole admin, Mono<Void> undo, UserError lastAdmin) {
        Mono<UserError> noAdminLeft = organizations.countMembersWithRole(organizationId, admin.id())
                .flatMap(count -> count > 0 ? Mono.<UserError>empty() : Mono.fromSupplier(() -> {
                    log.warn("A concurrent change left organization {} without an admin; undoing ours", organizationId);
                    return lastAdmin;
                }))
                // a count that cannot be made may hide a concurrent change that took the last other admin away
                .onErrorResume(error -> {
                    log.warn("Could not count the admins of organization {} after a change that took the admin role away ({}); "
                            + "undoing it", organizationId, error.getMessage());
                    return Mono.just(UserError.of(UserErrorCode.ADMIN_COUNT_UNAVAILABLE,
                            "The organization's admins could not be counted to make sure one is left, so nothing was changed. Try again."));
                });
        return noAdminLeft.flatMap(reason -> undo.thenReturn(reason).doOnError(error -> log.error(
                "Could not undo a change that may have left organization {} without an admin ({}); make sure a member holds the "
                        + "'{}' role", organizationId, error.getMessage(), admin.name())));
    }
}
