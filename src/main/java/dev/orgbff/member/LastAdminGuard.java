package dev.orgbff.member;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.orgbff.logto.LogtoApiException;
import dev.orgbff.logto.LogtoErrorCode;
import dev.orgbff.logto.OrganizationRole;
import dev.orgbff.logto.OrganizationsApi;

/**
 * The last-admin guard: no removal, demotion or leave may leave an organization without a member holding
 * the admin role. The check counts the role's holders ({@code GET /api/organizations/{id}/users?organizationRoleId=…&page_size=1},
 * only when a write takes the role away). Logto has no conditional writes, so two concurrent demotions of the
 * last two admins could both pass it: after such a write the admins are counted again, and with none left
 * the write is undone.
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
     * Runs {@code write} unless it takes the last admin away ({@code lastAdmin}, nothing written); after a
     * write that took the role away, counts the admins again and, with none left, runs {@code undo} and
     * answers {@code lastAdmin}. An undo that fails emits its error (the caller must not read
     * {@code LAST_ADMIN}, "nothing changed", then) and is logged as an error naming the organization,
     * which then needs an admin given by hand.
     */
    <P> Mono<P> write(boolean takesAdminAway, String organizationId, OrganizationRole admin, Mono<Void> write, Mono<Void> undo,
            P done, P lastAdmin) {
        return isLastAdmin(takesAdminAway, organizationId, admin).flatMap(last -> last
                ? Mono.just(lastAdmin)
                : write.then(takesAdminAway ? recount(organizationId, admin, undo, done, lastAdmin) : Mono.just(done)));
    }

    /**
     * Removes a member, keeping an admin; the undo adds them again with the roles they had (Logto drops a
     * member's roles with the membership). A membership already gone counts as removed.
     */
    <P> Mono<P> remove(String organizationId, String userId, List<String> roleIds, OrganizationRole admin, P done, P lastAdmin) {
        Mono<Void> remove = organizations.removeMember(organizationId, userId)
                .onErrorResume(LogtoApiException.class, error -> error.is(LogtoErrorCode.ENTITY_NOT_FOUND) ? Mono.empty() : Mono.error(error));
        Mono<Void> undo = organizations.addMembers(organizationId, List.of(userId))
                .then(roleIds.isEmpty() ? Mono.empty() : organizations.assignRoles(organizationId, userId, roleIds));
        return write(roleIds.contains(admin.id()), organizationId, admin, remove, undo, done, lastAdmin);
    }

    private <P> Mono<P> recount(String organizationId, OrganizationRole admin, Mono<Void> undo, P done, P lastAdmin) {
        return organizations.countMembersWithRole(organizationId, admin.id())
                .onErrorResume(error -> {
                    log.warn("Could not count the admins of organization {} after a change ({}); the check before it passed",
                            organizationId, error.getMessage());
                    return Mono.just(1);
                })
                .flatMap(count -> count > 0 ? Mono.just(done) : Mono.defer(() -> {
                    log.warn("A concurrent change left organization {} without an admin; undoing ours", organizationId);
                    return undo.thenReturn(lastAdmin).doOnError(error -> log.error(
                            "Could not undo a change that left organization {} without an admin ({}); give a member the '{}' "
                                    + "role by hand", organizationId, error.getMessage(), admin.name()));
                }));
    }
}
