package dev.orgbff.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seeding and inspection: what tests set up directly is what the Management API then shows, and the reverse. */
class LogtoEmulatorSeedingTests extends LogtoEmulatorTestBase {

    @Test
    void addMember_withRoleNames_showsInMemberRowsAndTheUsersOrganizations() {
        // given
        logto.createOrganizationScope("invite:member", "Invite people");
        logto.createOrganizationScope("read:data", null);
        logto.createOrganizationRole("viewer", null, "read:data");
        logto.createOrganizationRole("admin", "Administrators", "invite:member", "read:data");
        String acme = logto.createOrganization("Acme", "The Acme company");
        String alice = logto.createUser("alice", "alice@example.com", "Alice");
        logto.resetCalls();

        // when
        logto.addMember(acme, alice, "viewer", "admin");
        JsonNode members = client.get("/api/organizations/" + acme + "/users").json();
        JsonNode organizations = client.get("/api/users/" + alice + "/organizations").json();
        JsonNode scopes = client.get("/api/organizations/" + acme + "/users/" + alice + "/scopes").json();

        // then
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("username").stringValue()).isEqualTo("alice");
        assertThat(members.get(0).get("organizationRoles").findValuesAsString("name")).containsExactly("admin", "viewer");
        assertThat(organizations.get(0).get("id").stringValue()).isEqualTo(acme);
        assertThat(organizations.get(0).get("organizationRoles")).hasSize(2);
        assertThat(scopes.findValuesAsString("name")).containsExactly("invite:member", "read:data");
        assertThat(logto.memberIds(acme)).containsExactly(alice);
        assertThat(logto.memberRoleNames(acme, alice)).containsExactly("admin", "viewer");
        assertThat(logto.calls("POST /oidc/token") + logto.apiCalls()).as("seeding is not counted").isEqualTo(4);
    }

    @Test
    void inspection_afterManagementApiWrites_reflectsThem() {
        // given
        String acme = logto.createOrganization("Acme", null);
        String bob = logto.createUser("bob", "bob@example.com", null);
        logto.createOrganizationRole("member", null);

        // when
        client.post("/api/organizations/" + acme + "/users", "{\"userIds\": [\"" + bob + "\"]}");
        client.post("/api/organizations/" + acme + "/users/" + bob + "/roles", "{\"organizationRoleNames\": [\"member\"]}");
        String created = client.post("/api/organizations", "{\"name\": \"Globex\"}").json().get("id").stringValue();
        client.delete("/api/organizations/" + acme);

        // then
        assertThat(logto.organizationIds()).containsExactly(created);
        assertThat(logto.organizationExists(acme)).isFalse();
        assertThat(logto.memberIds(acme)).isEmpty();
        assertThat(logto.memberRoleNames(acme, bob)).isEmpty();
        assertThat(logto.userIdByUsername("bob")).isEqualTo(bob);
    }

    @Test
    void createUser_takenUsernameOrEmail_isRejected() {
        // given
        logto.createUser("alice", "alice@example.com", null);

        // when / then
        assertThatThrownBy(() -> logto.createUser("alice", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> logto.createUser("alice2", "ALICE@example.com", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addMember_unknownRoleName_isRejectedAndAddsNothing() {
        // given
        String acme = logto.createOrganization("Acme", null);
        String alice = logto.createUser("alice", null, null);

        // when / then
        assertThatThrownBy(() -> logto.addMember(acme, alice, "nope")).isInstanceOf(IllegalArgumentException.class);
        assertThat(logto.memberIds(acme)).isEmpty();
    }

    @Test
    void invitationMessages_withoutEmailConnector_answer501LikeLogto() {
        // given
        String acme = logto.createOrganization("Acme", null);

        // when
        ManagementApiClient.Result result = client.post("/api/organization-invitations", invitationWithMessage(acme));

        // then
        assertThat(result.status()).isEqualTo(501);
        assertThat(result.json().get("code").stringValue()).isEqualTo("connector.not_found");
        assertThat(client.get("/api/organization-invitations?organizationId=" + acme).json()).isEmpty();
        assertThat(logto.sentMessages()).isEmpty();
    }

    @Test
    void invitationMessages_withEmailConnector_areAcceptedAndRecorded() {
        // given
        logto.enableEmailConnector();
        String acme = logto.createOrganization("Acme", null);

        // when
        ManagementApiClient.Result created = client.post("/api/organization-invitations", invitationWithMessage(acme));
        String invitationId = created.json().get("id").stringValue();
        ManagementApiClient.Result resent = client.post("/api/organization-invitations/" + invitationId + "/message",
                "{\"link\": \"https://app.example.com/invitations/again\"}");

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(resent.status()).isEqualTo(204);
        assertThat(logto.sentMessages()).hasSize(2).allSatisfy(message -> {
            assertThat(message.invitationId()).isEqualTo(invitationId);
            assertThat(message.invitee()).isEqualTo("carol@example.com");
        });
        assertThat(logto.sentMessages().get(0).payload().get("link").stringValue())
                .isEqualTo("https://app.example.com/invitations/accept");
        assertThat(logto.sentMessages().get(1).payload().get("link").stringValue())
                .isEqualTo("https://app.example.com/invitations/again");
    }

    @Test
    void grantApiScopes_toRole_listedOnRoleRowsAndByResourceScopesRoute() {
        // given
        String reports = logto.createApiResource("Reports API", "https://reports.example.com");
        String read = logto.createApiScope(reports, "read:reports", "Read reports");
        String write = logto.createApiScope(reports, "write:reports", null);
        logto.createApiScope(reports, "delete:reports", null);
        logto.createOrganizationRole("analyst", null);
        logto.createOrganizationRole("viewer", null);
        logto.grantApiScopes("analyst", write, read);
        String analyst = logto.roleId("analyst");

        // when
        JsonNode roles = client.get("/api/organization-roles").json();
        JsonNode resourceScopes = client.get("/api/organization-roles/" + analyst + "/resource-scopes").json();

        // then
        assertThat(texts(roles, "name")).containsExactly("analyst", "viewer");
        JsonNode granted = roles.get(0).get("resourceScopes");
        assertThat(granted).hasSize(2);
        for (JsonNode scope : granted) {
            assertThat(scope.get("id").stringValue()).isIn(read, write);
            assertThat(scope.get("name").stringValue()).isEqualTo(scope.get("id").stringValue().equals(read) ? "read:reports" : "write:reports");
            assertThat(scope.get("resource").get("id").stringValue()).isEqualTo(reports);
            assertThat(scope.get("resource").get("name").stringValue()).isEqualTo("Reports API");
        }
        assertThat(roles.get(1).get("resourceScopes")).isEmpty();
        assertThat(texts(resourceScopes, "id")).containsExactly(read, write);
        assertThat(texts(resourceScopes, "name")).containsExactly("read:reports", "write:reports");
        assertThat(texts(resourceScopes, "resourceId")).containsExactly(reports, reports);
        assertThat(resourceScopes.get(0).get("description").stringValue()).isEqualTo("Read reports");
    }

    @Test
    void replaceResourceScopes_unknownScopeId_answers422AndChangesNothing() {
        // given
        String reports = logto.createApiResource("Reports API", "https://reports.example.com");
        String read = logto.createApiScope(reports, "read:reports", null);
        String write = logto.createApiScope(reports, "write:reports", null);
        logto.createOrganizationRole("analyst", null);
        logto.grantApiScopes("analyst", read);
        String analyst = logto.roleId("analyst");

        // when
        ManagementApiClient.Result result = client.put("/api/organization-roles/" + analyst + "/resource-scopes",
                "{\"scopeIds\": [\"" + write + "\", \"nosuchscope0000000000\"]}");

        // then
        assertThat(result.status()).isEqualTo(422);
        assertThat(result.json().get("code").stringValue()).isEqualTo("entity.relation_foreign_key_not_found");
        assertThat(texts(client.get("/api/organization-roles/" + analyst + "/resource-scopes").json(), "id"))
                .containsExactly(read);
        assertThat(texts(client.get("/api/organization-roles").json().get(0).get("resourceScopes"), "id"))
                .containsExactly(read);
    }

    @Test
    void setJitSettings_showInTheJitRoutes() {
        // given
        logto.createOrganizationRole("member", null);
        logto.createOrganizationRole("admin", null);
        String acme = logto.createOrganization("Acme", null);
        logto.resetCalls();

        // when
        logto.setJitEmailDomains(acme, "acme.test", "Acme-Labs.test");
        logto.setJitRoles(acme, "member", "admin");
        JsonNode domains = client.get("/api/organizations/" + acme + "/jit/email-domains").json();
        JsonNode roles = client.get("/api/organizations/" + acme + "/jit/roles").json();

        // then
        assertThat(texts(domains, "emailDomain")).containsExactly("acme.test", "Acme-Labs.test");
        assertThat(texts(domains, "organizationId")).containsExactly(acme, acme);
        assertThat(texts(roles, "name")).containsExactly("admin", "member");
        assertThat(logto.jitEmailDomains(acme)).containsExactly("acme.test", "Acme-Labs.test");
        assertThat(logto.jitRoleNames(acme)).containsExactly("admin", "member");
        assertThat(logto.apiCalls()).as("seeding and inspection are not counted").isEqualTo(2);
    }

    @Test
    void jitInspection_afterManagementApiWrites_reflectsThem() {
        // given
        logto.createOrganizationRole("member", null);
        String admin = logto.createOrganizationRole("admin", null);
        String acme = logto.createOrganization("Acme", null);
        logto.setJitEmailDomains(acme, "old.test");
        logto.setJitRoles(acme, "member");

        // when
        ManagementApiClient.Result domains = client.put("/api/organizations/" + acme + "/jit/email-domains",
                "{\"emailDomains\": [\"new.test\", \"newer.test\"]}");
        ManagementApiClient.Result roles = client.put("/api/organizations/" + acme + "/jit/roles",
                "{\"organizationRoleIds\": [\"" + admin + "\"]}");

        // then
        assertThat(domains.status()).isEqualTo(204);
        assertThat(roles.status()).isEqualTo(204);
        assertThat(logto.jitEmailDomains(acme)).containsExactly("new.test", "newer.test");
        assertThat(logto.jitRoleNames(acme)).containsExactly("admin");
        assertThat(logto.jitEmailDomains("nosuchorg123")).isEmpty();
        assertThat(logto.jitRoleNames("nosuchorg123")).isEmpty();
    }

    @Test
    void setJitRoles_unknownOrganizationOrRole_isRejectedAndSetsNothing() {
        // given
        logto.createOrganizationRole("member", null);
        String acme = logto.createOrganization("Acme", null);

        // when / then
        assertThatThrownBy(() -> logto.setJitRoles(acme, "member", "nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> logto.setJitRoles("nosuchorg123", "member")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> logto.setJitEmailDomains("nosuchorg123", "acme.test")).isInstanceOf(IllegalArgumentException.class);
        assertThat(logto.jitRoleNames(acme)).isEmpty();
    }

    @Test
    void advanceClock_pastAnInvitationsExpiry_pendingInvitationReadsExpired() {
        // given
        String acme = logto.createOrganization("Acme", null);
        String invitation = logto.createInvitation(acme, null, "carol@example.com", Instant.now().plus(Duration.ofHours(1)));
        String before = client.get("/api/organization-invitations/" + invitation).json().get("status").stringValue();

        // when
        logto.advanceClock(Duration.ofHours(2));
        ManagementApiClient.Result after = client.get("/api/organization-invitations/" + invitation);

        // then
        assertThat(before).isEqualTo("Pending");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("status").stringValue()).isEqualTo("Expired");
        assertThat(logto.invitationStatus(invitation)).isEqualTo("Expired");
    }

    @Test
    void advanceClock_shortOfTheExpiry_invitationStaysPending() {
        // given
        String acme = logto.createOrganization("Acme", null);
        String invitation = logto.createInvitation(acme, null, "carol@example.com", Instant.now().plus(Duration.ofHours(1)));

        // when
        logto.advanceClock(Duration.ofMinutes(50));
        JsonNode read = client.get("/api/organization-invitations/" + invitation).json();

        // then
        assertThat(read.get("status").stringValue()).isEqualTo("Pending");
    }

    @Test
    void disableEmailConnector_afterEnabling_messagesAnswer501Again() {
        // given
        logto.enableEmailConnector();
        String acme = logto.createOrganization("Acme", null);
        String invitation = logto.createInvitation(acme, null, "carol@example.com", Instant.now().plus(Duration.ofHours(1)));
        String path = "/api/organization-invitations/" + invitation + "/message";
        ManagementApiClient.Result sent = client.post(path, "{\"link\": \"https://app.example.com/invitations/accept\"}");

        // when
        logto.disableEmailConnector();
        ManagementApiClient.Result refused = client.post(path, "{\"link\": \"https://app.example.com/invitations/accept\"}");

        // then
        assertThat(sent.status()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(501);
        assertThat(refused.json().get("code").stringValue()).isEqualTo("connector.not_found");
        assertThat(logto.sentMessages()).hasSize(1);
    }

    /** The {@code field} of each row of a JSON array (unlike {@code findValuesAsString}, not of nested objects). */
    private static List<String> texts(JsonNode rows, String field) {
        List<String> texts = new ArrayList<>();
        rows.forEach(row -> texts.add(row.get(field).stringValue()));
        return texts;
    }

    private static String invitationWithMessage(String organizationId) {
        return "{\"invitee\": \"carol@example.com\", \"organizationId\": \"" + organizationId + "\", \"expiresAt\": "
                + Instant.now().plusSeconds(3600).toEpochMilli()
                + ", \"messagePayload\": {\"link\": \"https://app.example.com/invitations/accept\"}}";
    }
}
