package dev.orgbff.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.codec.ServerSentEvent;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.events.ChangeEvent;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationEventsGraphQlTests extends GraphQlTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String VIEWER_EVENTS = """
            subscription { viewerOrganizationEvents { kind source organizationId viewerPermissions
                organization { name viewerPermissions viewerRoles { name } } } }""";

    @Test
    void viewerOrganizationEvents_webhookJoinsAndRemovals_tellJoinedThenRemovedWithTheStateAfterEach() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        var events = subscribe(logto.userToken(demo.alice()), VIEWER_EVENTS, Map.of());
        // when: dave adds alice to Globex in the Logto Console, then removes her
        logto.addMember(demo.globex(), demo.alice(), "member");
        webhook(ChangeEvent.Kind.MEMBERS_ADDED, demo.globex(), demo.alice());
        webhook(ChangeEvent.Kind.MEMBERS_ADDED, demo.globex(), demo.alice()); // the service's event of the same joining
        assertThat(outcome(demo.dave(), "removeOrganizationMember", Map.of("organizationId", demo.globex(), "userId", demo.alice())))
                .isEqualTo("OK");
        webhook(ChangeEvent.Kind.MEMBERS_REMOVED, demo.globex(), demo.alice());
        // then
        List<Map<String, Object>> told = payloads(events, "viewerOrganizationEvents", 2);
        assertThat(told.get(0)).containsEntry("kind", "JOINED").containsEntry("source", "LOGTO_WEBHOOK")
                .containsEntry("organizationId", demo.globex()).containsEntry("viewerPermissions", List.of("invite:member"))
                .containsEntry("organization", Map.of("name", "Globex", "viewerPermissions", List.of("invite:member"),
                        "viewerRoles", List.of(Map.of("name", "member"))));
        assertThat(told.get(1)).containsEntry("kind", "REMOVED").containsEntry("organizationId", demo.globex())
                .containsEntry("viewerPermissions", List.of());
        assertThat(told.get(1).get("organization")).isNull();
    }

    @Test
    void viewerOrganizationEvents_writesThroughTheService_tellEachWithTheStateAfterIt() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        var events = subscribe(logto.userToken(demo.bob()), VIEWER_EVENTS, Map.of());
        // when: alice makes bob admin, renames Acme, then removes bob; bob joins Globex and leaves it
        assertThat(outcome(demo.alice(), "updateMemberRoles", Map.of("organizationId", demo.acme(), "userId", demo.bob(),
                "roleIds", List.of(logto.roleId("admin"))))).isEqualTo("OK");
        assertThat(outcome(demo.alice(), "updateOrganization", Map.of("organizationId", demo.acme(), "name", "Acme Inc."))).isEqualTo("OK");
        assertThat(outcome(demo.alice(), "removeOrganizationMember", Map.of("organizationId", demo.acme(), "userId", demo.bob())))
                .isEqualTo("OK");
        assertThat(outcome(demo.dave(), "addOrganizationMembers", Map.of("organizationId", demo.globex(), "userIds", List.of(demo.bob()),
                "roleIds", List.of(logto.roleId("member"))))).isEqualTo("OK");
        assertThat(outcome(demo.bob(), "leaveOrganization", Map.of("organizationId", demo.globex()))).isEqualTo("OK");
        // then
        List<Map<String, Object>> told = payloads(events, "viewerOrganizationEvents", 5);
        assertThat(told).extracting(event -> event.get("kind")).containsExactly("ROLES_CHANGED", "UPDATED", "REMOVED", "JOINED", "LEFT");
        assertThat(told).extracting(event -> event.get("source")).containsOnly("SERVICE");
        assertThat(told.get(0)).containsEntry("viewerPermissions", List.of(DemoTenant.ADMIN_PERMISSIONS));
        assertThat(told.get(1)).containsEntry("organization", Map.of("name", "Acme Inc.", "viewerPermissions", List.of(DemoTenant.ADMIN_PERMISSIONS),
                "viewerRoles", List.of(Map.of("name", "admin"))));
        assertThat(told.get(2).get("organization")).isNull();
        assertThat(told.get(3)).containsEntry("organizationId", demo.globex()).containsEntry("viewerPermissions", List.of("invite:member"));
        assertThat(told.get(4)).containsEntry("organizationId", demo.globex()).containsEntry("viewerPermissions", List.of());
    }

    @Test
    void viewerOrganizationEvents_threeSubscribersOneJoins_logtoReadForTheJoinerOnly() {
        // given: alice, bob and carol subscribed
        DemoTenant demo = DemoTenant.seed(logto);
        subscribe(logto.userToken(demo.alice()), VIEWER_EVENTS, Map.of());
        subscribe(logto.userToken(demo.bob()), VIEWER_EVENTS, Map.of());
        var carols = subscribe(logto.userToken(demo.carol()), VIEWER_EVENTS, Map.of());
        logto.addMember(demo.globex(), demo.carol(), "member");
        logto.resetCalls();
        // when: carol is added to Globex in the Logto Console
        webhook(ChangeEvent.Kind.MEMBERS_ADDED, demo.globex(), demo.carol());
        List<Map<String, Object>> carolTold = payloads(carols, "viewerOrganizationEvents", 1);
        Map<String, Integer> calls = Map.copyOf(logto.calls());
        // then: carol's memberships read once (and the template, not cached here), nothing for the others
        assertThat(carolTold.get(0)).containsEntry("kind", "JOINED").containsEntry("organizationId", demo.globex());
        assertThat(calls).isEqualTo(Map.of("GET /api/users/{userId}/organizations", 1, "GET /api/organization-roles", 1));
    }

    @Test
    void viewerOrganizationEvents_tokenExpires_lastEventUnauthorizedThenComplete() {
        // given: a subscription with a token valid for an hour more
        DemoTenant demo = DemoTenant.seed(logto);
        Instant now = Instant.now();
        String token = logto.token(demo.alice()).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).sign();
        var events = subscribe(token, VIEWER_EVENTS, Map.of());
        int subscribed = eventStream.subscribers();
        // when: the service's clock reaches its exp
        clock.advance(Duration.ofHours(1));
        // then
        List<ServerSentEvent<Map<String, Object>>> all = events.collectList().block(WAIT);
        assertThat(all).extracting(ServerSentEvent::event).containsExactly("next", "complete");
        assertThat(all.get(0).data().toString()).contains("UNAUTHORIZED").contains("Token expired");
        assertThat(eventStream.subscribers()).isEqualTo(subscribed - 1);
    }

    @Test
    void viewerOrganizationEvents_organizationToken_hearsOfThatOrganizationOnly() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String acmeToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme()).scope("invite:member").sign();
        var events = subscribe(acmeToken, VIEWER_EVENTS, Map.of());
        // when: alice joins Globex (her token may not act there), then Acme is renamed
        logto.addMember(demo.globex(), demo.alice(), "member");
        webhook(ChangeEvent.Kind.MEMBERS_ADDED, demo.globex(), demo.alice());
        assertThat(outcome(demo.alice(), "updateOrganization", Map.of("organizationId", demo.acme(), "name", "Acme Inc."))).isEqualTo("OK");
        // then: the one event is Acme's, with the permissions the token narrows to
        List<Map<String, Object>> told = payloads(events, "viewerOrganizationEvents", 1);
        assertThat(told.get(0)).containsEntry("kind", "UPDATED").containsEntry("organizationId", demo.acme())
                .containsEntry("viewerPermissions", List.of("invite:member"));
    }

    private static final String ORGANIZATION_EVENTS = """
            subscription($id: ID!) { organizationEvents(organizationId: $id) { kind source userIds
                organization { name members { totalCount } } invitation { invitee status } } }""";

    @Test
    void organizationEvents_member_getsChangesWithTheStateAfterEachAtOneMembershipsCallPerEvent() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        var events = subscribe(logto.userToken(demo.bob()), ORGANIZATION_EVENTS, Map.of("id", demo.acme()));
        // when
        assertThat(outcome(demo.alice(), "inviteMembers", Map.of("organizationId", demo.acme(), "emails", List.of("erin@example.test"),
                "roleIds", List.of(logto.roleId("member"))))).isEqualTo("OK");
        assertThat(outcome(demo.alice(), "addOrganizationMembers", Map.of("organizationId", demo.acme(), "userIds", List.of(demo.carol()),
                "roleIds", List.of(logto.roleId("member"))))).isEqualTo("OK");
        List<Map<String, Object>> told = payloads(events, "organizationEvents", 2);
        logto.resetCalls();
        webhook(ChangeEvent.Kind.ORGANIZATION_UPDATED, demo.acme());
        List<Map<String, Object>> third = payloads(events.skip(2), "organizationEvents", 1);
        // then
        assertThat(told.get(0)).containsEntry("kind", "INVITATION_CREATED").containsEntry("source", "SERVICE")
                .containsEntry("invitation", Map.of("invitee", "erin@example.test", "status", "PENDING"));
        assertThat(told.get(1)).containsEntry("kind", "MEMBERS_ADDED").containsEntry("userIds", List.of(demo.carol()))
                .containsEntry("organization", Map.of("name", "Acme", "members", Map.of("totalCount", 3)));
        assertThat(third.get(0)).containsEntry("kind", "ORGANIZATION_UPDATED").containsEntry("source", "LOGTO_WEBHOOK");
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
    }

    @Test
    void organizationEvents_memberWithoutInvitePermission_getsNoInvitationEvents_andAccessLostLastWhenRemoved() {
        // given: carol, a member without roles
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.acme(), demo.carol());
        var events = subscribe(logto.userToken(demo.carol()), ORGANIZATION_EVENTS, Map.of("id", demo.acme()));
        // when
        assertThat(outcome(demo.alice(), "inviteMembers", Map.of("organizationId", demo.acme(), "emails", List.of("erin@example.test"),
                "roleIds", List.of(logto.roleId("member"))))).isEqualTo("OK");
        assertThat(outcome(demo.alice(), "removeOrganizationMember", Map.of("organizationId", demo.acme(), "userId", demo.carol())))
                .isEqualTo("OK");
        webhook(ChangeEvent.Kind.ORGANIZATION_UPDATED, demo.acme());
        // then: the removal is the last event, and the subscription completes
        List<ServerSentEvent<Map<String, Object>>> all = events.collectList().block(WAIT);
        assertThat(all).extracting(ServerSentEvent::event).containsExactly("next", "complete");
        assertThat(payloads(events, "organizationEvents", 1).get(0)).containsEntry("kind", "ACCESS_LOST")
                .containsEntry("userIds", List.of(demo.carol())).containsEntry("organization", null);
    }

    @Test
    void organizationEvents_nonMemberOrTokenOfAnotherOrganization_getsNotFound() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String globexToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.globex()).scope("").sign();
        logto.addMember(demo.globex(), demo.alice(), "member");
        // when
        var nonMember = subscribeOnly(logto.userToken(demo.carol()), ORGANIZATION_EVENTS, Map.of("id", demo.acme())).collectList().block(WAIT);
        var otherToken = subscribeOnly(globexToken, ORGANIZATION_EVENTS, Map.of("id", demo.acme())).collectList().block(WAIT);
        // then
        for (var answer : List.of(nonMember, otherToken)) {
            assertThat(answer).extracting(ServerSentEvent::event).containsExactly("next", "complete");
            assertThat(answer.get(0).data().toString()).contains("NOT_FOUND").contains("Organization not found");
        }
    }

    @Test
    void viewerOrganizationEvents_templateChangeThatChangesNothingThenDeletion_toldTheDeletionOnly() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        var events = subscribe(logto.userToken(demo.bob()), VIEWER_EVENTS, Map.of());
        // when: a template change that leaves bob's permissions as they were, then Acme deleted in the Logto Console
        webhook(ChangeEvent.Kind.TEMPLATE_CHANGED, null);
        webhook(ChangeEvent.Kind.ORGANIZATION_DELETED, demo.globex()); // not bob's
        webhook(ChangeEvent.Kind.ORGANIZATION_DELETED, demo.acme());
        // then
        List<Map<String, Object>> told = payloads(events, "viewerOrganizationEvents", 1);
        assertThat(told.get(0)).containsEntry("kind", "DELETED").containsEntry("source", "LOGTO_WEBHOOK")
                .containsEntry("organizationId", demo.acme()).containsEntry("viewerPermissions", List.of());
    }
}
