package dev.orgbff.invitation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.events.ChangeEvent;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerInvitationEventsGraphQlTests extends GraphQlTestSupport {

    private static final String EVENTS = "subscription { viewerInvitationEvents { kind source invitation { invitee status organization { name } } } }";

    @Test
    void viewerInvitationEvents_invitationsToTheViewersEmail_toldWithTheInvitationAsItNowIs() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        var events = subscribe(logto.userToken(demo.erin()), EVENTS, Map.of());
        var raw = eventStream.events(16).replay().autoConnect(0);
        // when: alice invites dave's address, then erin's, then revokes erin's; a failed invitation publishes nothing
        assertThat(outcome(demo.alice(), "inviteMembers", Map.of("organizationId", demo.acme(), "emails", List.of("dave@globex.test"),
                "roleIds", List.of(logto.roleId("member"))))).isEqualTo("OK");
        assertThat(outcome(demo.alice(), "inviteMembers", Map.of("organizationId", demo.acme(), "emails", List.of("carol@example.test"),
                "roleIds", List.of(logto.roleId("member"))))).isEqualTo("INVITATION_PENDING");
        assertThat(outcome(demo.alice(), "inviteMembers", Map.of("organizationId", demo.acme(), "emails", List.of("Erin@Example.test"),
                "roleIds", List.of(logto.roleId("member"))))).isEqualTo("OK");
        String invitationId = logto.invitationIds(demo.acme()).stream()
                .filter(id -> "erin@example.test".equals(logto.invitationInvitee(id))).findFirst().orElseThrow();
        assertThat(outcome(demo.alice(), "revokeInvitation", Map.of("invitationId", invitationId))).isEqualTo("OK");
        // then
        var told = payloads(events, "viewerInvitationEvents", 2);
        assertThat(told.get(0)).containsEntry("kind", "CREATED").containsEntry("source", "SERVICE")
                .containsEntry("invitation", Map.of("invitee", "erin@example.test", "status", "PENDING", "organization", Map.of("name", "Acme")));
        assertThat(told.get(1)).containsEntry("kind", "REVOKED")
                .containsEntry("invitation", Map.of("invitee", "erin@example.test", "status", "REVOKED", "organization", Map.of("name", "Acme")));
        assertThat(raw.take(3).map(ChangeEvent::kind).collectList().block(Duration.ofSeconds(30))).containsExactly(
                ChangeEvent.Kind.INVITATION_CREATED, ChangeEvent.Kind.INVITATION_CREATED, ChangeEvent.Kind.INVITATION_REVOKED);
    }
}
