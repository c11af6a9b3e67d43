package dev.orgbff.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;
import dev.orgbff.emulator.SentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Invitations: inviting, resending, revoking, what invitees see, accepting and declining. */
class InvitationGraphQlTests extends GraphQlTestSupport {

    private static final String CREATE = "POST /api/organization-invitations";
    private static final String MESSAGE = "POST /api/organization-invitations/{id}/message";
    private static final String STATUS = "PUT /api/organization-invitations/{id}/status";

    private Map<String, Object> invite(String organizationId, List<String> emails, String... roleNames) {
        return Map.of("organizationId", organizationId, "emails", emails,
                "roleIds", List.of(roleNames).stream().map(logto::roleId).toList());
    }

    private static String acceptUrl(String invitationId) {
        return ACCEPT_URL.replace("{invitationId}", invitationId);
    }

    // ---------------------------------------------------------------- inviteMembers

    @Test
    void inviteMembers_admin_createsLowerCasedInvitationsAndEmailsEachItsAcceptLink() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("inviteMembers")
                .variable("input", invite(demo.acme(), List.of("erin@example.test", "  Frank@Example.TEST "), "member")).execute();
        // then
        response.path("inviteMembers.userErrors").entityList(Object.class).hasSize(0);
        response.path("inviteMembers.invitations[*].invitee").entityList(String.class).containsExactly("erin@example.test", "frank@example.test");
        response.path("inviteMembers.invitations[*].status").entityList(String.class).containsExactly("PENDING", "PENDING");
        response.path("inviteMembers.invitations[0].roles[*].name").entityList(String.class).containsExactly("member");
        response.path("inviteMembers.invitations[0].inviter.id").entity(String.class).isEqualTo(demo.alice());
        String expiresAt = response.path("inviteMembers.invitations[0].expiresAt").entity(String.class).get();
        assertThat(OffsetDateTime.parse(expiresAt).toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        List<String> ids = response.path("inviteMembers.invitations[*].id").entityList(String.class).get();
        response.path("inviteMembers.invitations[0].acceptUrl").entity(String.class).isEqualTo(acceptUrl(ids.get(0)));
        // the emails go out concurrently, in no set order
        assertThat(logto.sentMessages()).extracting(SentMessage::invitee, message -> message.payload().path("link").asString())
                .containsExactlyInAnyOrder(tuple("erin@example.test", acceptUrl(ids.get(0))), tuple("frank@example.test", acceptUrl(ids.get(1))));
        assertThat(logto.calls(CREATE)).isEqualTo(2);
        assertThat(logto.calls(MESSAGE)).isEqualTo(2);
        assertThat(logto.calls("GET /api/organization-invitations")).isEqualTo(1); // the pending ones, checked first
        // who has these emails, who of them is not a member (at once); then the payload's inviter
        assertThat(logto.calls("GET /api/users")).isEqualTo(3);
    }

    @Test
    void inviteMembers_emailsWithUnicodeBlanksAround_invitesTheStrippedAddresses() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.acme(),
                List.of("\u00A0erin@example.test\u200B", "\uFEFFfrank@example.test\u3000", "\u3164\u2800"), "member")).execute();
        // then
        response.path("inviteMembers.invitations[*].invitee").entityList(String.class).containsExactly("erin@example.test", "frank@example.test");
        response.path("inviteMembers.userErrors[*].code").entityList(String.class).containsExactly("INVALID_EMAIL");
        response.path("inviteMembers.userErrors[0].field").entityList(String.class).containsExactly("input", "emails", "2");
        assertThat(logto.sentMessages()).extracting(SentMessage::invitee).containsExactlyInAnyOrder("erin@example.test", "frank@example.test");
    }

    @Test
    void inviteMembers_someAddressesCannotBeInvited_reportsEachByIndexAndInvitesTheRest() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.acme(),
                List.of("not an email", "BOB@acme.test", "carol@example.test", "erin@example.test", "erin@EXAMPLE.test"), "member")).execute();
        // then
        response.path("inviteMembers.invitations[*].invitee").entityList(String.class).containsExactly("erin@example.test");
        response.path("inviteMembers.pendingInvitations[*].id").entityList(String.class).containsExactly(demo.carolsInvitation());
        assertThat(response.path("inviteMembers.userErrors").entityList(Map.class).get())
                .extracting(error -> error.get("code") + " " + error.get("field"))
                .containsExactlyInAnyOrder("INVALID_EMAIL [input, emails, 0]", "ALREADY_MEMBER [input, emails, 1]",
                        "INVITATION_PENDING [input, emails, 2]");
        assertThat(logto.invitationIds(demo.acme())).hasSize(2);
    }

    @Test
    void inviteMembers_addressesLogtoWouldRefuse_invalidEmailWhileTheOthersAreInvited() {
        // given: Logto checks invitees with zod's stricter email rule than its user pattern
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.acme(),
                List.of("a@b@example.test", "erin@example.test", "j\u00F6rg@example.test", "a..b@example.test"), "member")).execute();
        // then
        response.path("inviteMembers.invitations[*].invitee").entityList(String.class).containsExactly("erin@example.test");
        response.path("inviteMembers.userErrors[*].code").entityList(String.class).containsExactly("INVALID_EMAIL", "INVALID_EMAIL", "INVALID_EMAIL");
    }

    @Test
    void inviteMembers_addressWithTheKelvinSign_invalidEmailAndNoInvitationForTheAsciiAddress() {
        // given: String.toLowerCase turns the Kelvin sign (U+212A) into an ASCII k, another mailbox
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("inviteMembers")
                .variable("input", invite(demo.acme(), List.of("\u212Aate@example.test"), "member")).execute();
        // then
        response.path("inviteMembers.invitations").entityList(Object.class).hasSize(0);
        response.path("inviteMembers.userErrors[*].code").entityList(String.class).containsExactly("INVALID_EMAIL");
        assertThat(logto.invitationIds(demo.acme())).containsExactly(demo.carolsInvitation());
        assertThat(logto.calls(CREATE)).isZero();
        assertThat(logto.sentMessages()).isEmpty();
    }

    @Test
    void inviteMembers_memberWithTheKelvinSignInTheirAddress_invitesTheAsciiAddress() {
        // given: Logto's search lower-cases both sides and finds the member for kate's address
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.acme(), logto.createUser("kelvin", "\u212Aate@example.test", "Kelvin"), "member");
        // when
        var response = as(demo.alice()).documentName("inviteMembers")
                .variable("input", invite(demo.acme(), List.of("kate@example.test"), "member")).execute();
        // then
        response.path("inviteMembers.userErrors").entityList(Object.class).hasSize(0);
        response.path("inviteMembers.invitations[*].invitee").entityList(String.class).containsExactly("kate@example.test");
    }

    @Test
    void inviteMembers_logtoFailsOneCreate_invitationFailedForThatAddressAndTheOthersInvitedAndEmailed() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext(CREATE, Fault.status(500, "unexpected"));
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.acme(),
                List.of("one@example.test", "two@example.test", "three@example.test"), "member")).execute();
        // then
        response.path("inviteMembers.invitations").entityList(Object.class).hasSize(2);
        response.path("inviteMembers.userErrors[*].code").entityList(String.class).containsExactly("INVITATION_FAILED");
        assertThat(logto.invitationIds(demo.acme())).hasSize(3); // carol's and the two new ones
        assertThat(logto.sentMessages()).hasSize(2);
    }

    @Test
    void inviteMembers_payloadOrganization_costsNoCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document("""
                mutation($input: InviteMembersInput!) { inviteMembers(input: $input) { invitations { organization { name } } } }""")
                .variable("input", invite(demo.acme(), List.of("erin@example.test"), "member")).execute();
        // then
        response.path("inviteMembers.invitations[0].organization.name").entity(String.class).isEqualTo("Acme");
        assertThat(logto.calls("GET /api/organizations/{id}")).isZero();
    }

    @Test
    void inviteMembers_memberGrantingAdmin_roleEscalationWithoutWrite() {
        // given: bob holds invite:member only
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("inviteMembers")
                .variable("input", invite(demo.acme(), List.of("erin@example.test"), "admin")).execute();
        var asMember = as(demo.bob()).documentName("inviteMembers")
                .variable("input", invite(demo.acme(), List.of("erin@example.test"), "member")).execute();
        // then
        response.path("inviteMembers.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        asMember.path("inviteMembers.invitations[0].invitee").entity(String.class).isEqualTo("erin@example.test");
        assertThat(logto.calls(CREATE)).isEqualTo(1);
    }

    @Test
    void inviteMembers_memberWithoutInviteMember_forbiddenWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.createOrganizationRole("viewer", "Reads only");
        String gus = logto.createUser("gus", "gus@acme.test", "Gus");
        logto.addMember(demo.acme(), gus, "viewer");
        logto.resetCalls();
        // when
        var response = as(gus).documentName("inviteMembers").variable("input", invite(demo.acme(), List.of("erin@example.test"), "viewer")).execute();
        // then
        assertThat(assertError(response, ErrorType.FORBIDDEN).getMessage()).contains("invite:member");
        assertThat(logto.calls(CREATE) + logto.calls(MESSAGE)).isZero();
    }

    @Test
    void inviteMembers_toAnotherUsersOrganization_answersLikeMissingOrganization() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var foreign = as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.globex(), List.of("erin@example.test"), "member")).execute();
        var missing = as(demo.alice()).documentName("inviteMembers").variable("input", Map.of("organizationId", "nosuchorg123",
                "emails", List.of("erin@example.test"), "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        assertThat(assertError(foreign, ErrorType.NOT_FOUND).getMessage()).isEqualTo(assertError(missing, ErrorType.NOT_FOUND).getMessage());
        assertThat(logto.calls(CREATE)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EMAILS_REQUIRED", "TOO_MANY_EMAILS", "INVALID_EXPIRY 0", "INVALID_EXPIRY 31", "ROLE_REQUIRED"})
    void inviteMembers_badInput_userErrorWithoutAnyUpstreamCall(String problem) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        List<String> oneEmail = List.of("erin@example.test");
        Map<String, Object> input = switch (problem) {
            case "EMAILS_REQUIRED" -> invite(demo.acme(), List.of(), "member");
            case "TOO_MANY_EMAILS" -> invite(demo.acme(), IntStream.range(0, 51).mapToObj(i -> "user" + i + "@example.test").toList(), "member");
            case "INVALID_EXPIRY 0" -> Map.of("organizationId", demo.acme(), "emails", oneEmail, "roleIds", List.of(logto.roleId("member")), "expiresInDays", 0);
            case "INVALID_EXPIRY 31" -> Map.of("organizationId", demo.acme(), "emails", oneEmail, "roleIds", List.of(logto.roleId("member")), "expiresInDays", 31);
            default -> Map.of("organizationId", demo.acme(), "emails", oneEmail, "roleIds", List.of());
        };
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", input).execute();
        // then
        response.path("inviteMembers.userErrors[0].code").entity(String.class).isEqualTo(problem.split(" ")[0]);
        response.path("inviteMembers.invitations").entityList(Object.class).hasSize(0);
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void inviteMembers_thirtyDays_expiresInThirtyDays() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", Map.of("organizationId", demo.acme(),
                "emails", List.of("erin@example.test"), "roleIds", List.of(logto.roleId("member")), "expiresInDays", 30)).execute();
        // then
        assertThat(OffsetDateTime.parse(response.path("inviteMembers.invitations[0].expiresAt").entity(String.class).get()).toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
    }

    @Test
    void inviteMembers_noEmailConnector_keepsTheInvitationsAndSaysTheEmailWasNotSent() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.disableEmailConnector();
        // when
        var response = as(demo.alice()).documentName("inviteMembers")
                .variable("input", invite(demo.acme(), List.of("erin@example.test", "frank@example.test"), "member")).execute();
        // then
        response.path("inviteMembers.invitations").entityList(Object.class).hasSize(2);
        response.path("inviteMembers.userErrors[*].code").entityList(String.class).containsExactly("EMAIL_NOT_SENT", "EMAIL_NOT_SENT");
        response.path("inviteMembers.userErrors[1].field").entityList(String.class).containsExactly("input", "emails", "1");
        assertThat(logto.invitationIds(demo.acme())).hasSize(3);
        assertThat(logto.sentMessages()).isEmpty();
    }

    @Test
    void inviteMembers_overTheHourlyEmailBudget_rateLimitedAndNothingSent() {
        // given: 100 emails an hour by default
        DemoTenant demo = DemoTenant.seed(logto);
        for (int batch = 0; batch < 2; batch++) {
            int from = batch * 50;
            as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.acme(),
                    IntStream.range(from, from + 50).mapToObj(i -> "user" + i + "@example.test").toList(), "member")).execute()
                    .path("inviteMembers.invitations").entityList(Object.class).hasSize(50);
        }
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.acme(), List.of("erin@example.test"), "member")).execute();
        // then
        ResponseError error = assertError(response, "RATE_LIMITED");
        assertThat(((Number) error.getExtensions().get("retryAfterSeconds")).longValue()).isBetween(1L, 3600L);
        assertThat(logto.calls(CREATE) + logto.calls(MESSAGE)).isZero();
        // another user has a budget of their own
        as(demo.bob()).documentName("inviteMembers").variable("input", invite(demo.acme(), List.of("erin@example.test"), "member")).execute()
                .path("inviteMembers.invitations").entityList(Object.class).hasSize(1);
    }

    // ---------------------------------------------------------------- resendInvitation and revokeInvitation

    @Test
    void resendInvitation_pending_sendsTheEmailAgainForTheSameInvitation() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("resendInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        response.path("resendInvitation.invitation.id").entity(String.class).isEqualTo(demo.carolsInvitation());
        response.path("resendInvitation.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.invitee()).isEqualTo("carol@example.test");
            assertThat(message.payload().path("link").asString()).isEqualTo(acceptUrl(demo.carolsInvitation()));
        });
    }

    @Test
    void resendInvitation_expired_createsOneNewPendingInvitationWithTheSameRolesAndKeepsTheOld() {
        // given: an invitation that expired a minute ago (seeded: Logto's API refuses a past expiry)
        DemoTenant demo = DemoTenant.seed(logto);
        String expired = logto.createInvitation(demo.acme(), demo.alice(), "erin@example.test", Instant.now().minusSeconds(60), "member");
        // when
        var response = as(demo.alice()).documentName("resendInvitation").variable("input", Map.of("invitationId", expired)).execute();
        // then
        String fresh = response.path("resendInvitation.invitation.id").entity(String.class).get();
        assertThat(fresh).isNotEqualTo(expired);
        response.path("resendInvitation.invitation.status").entity(String.class).isEqualTo("PENDING");
        response.path("resendInvitation.invitation.invitee").entity(String.class).isEqualTo("erin@example.test");
        response.path("resendInvitation.invitation.roles[*].name").entityList(String.class).containsExactly("member");
        assertThat(OffsetDateTime.parse(response.path("resendInvitation.invitation.expiresAt").entity(String.class).get()).toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        assertThat(logto.invitationStatus(expired)).isEqualTo("Expired");
        assertThat(logto.invitationIds(demo.acme()).stream().filter(id -> "Pending".equals(logto.invitationStatus(id))))
                .containsExactlyInAnyOrder(fresh, demo.carolsInvitation()); // one pending invitation for erin, carol's untouched
        assertThat(logto.sentMessages()).singleElement().satisfies(message ->
                assertThat(message.payload().path("link").asString()).isEqualTo(acceptUrl(fresh)));
    }

    @Test
    void resendInvitation_expiredInvitationToAnAddressWithTheKelvinSign_doesNotInviteTheAsciiAddress() {
        // given: seeded (Logto's API refuses such an invitee); lower-casing it with String.toLowerCase gives kate's address
        DemoTenant demo = DemoTenant.seed(logto);
        String expired = logto.createInvitation(demo.acme(), demo.alice(), "\u212Aate@example.test", Instant.now().minusSeconds(60), "member");
        // when
        var response = as(demo.alice()).documentName("resendInvitation").variable("input", Map.of("invitationId", expired)).execute();
        // then
        response.path("resendInvitation.userErrors[*].code").entityList(String.class).containsExactly("INVITATION_FAILED");
        assertThat(logto.invitationIds(demo.acme())).extracting(logto::invitationInvitee).doesNotContain("kate@example.test");
        assertThat(logto.sentMessages()).isEmpty();
    }

    @Test
    void resendInvitation_expiredAdminInvitationByAMember_roleEscalationWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String invitation = logto.createInvitation(demo.acme(), demo.alice(), "erin@example.test", Instant.now().minusSeconds(60), "admin");
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("resendInvitation").variable("input", Map.of("invitationId", invitation)).execute();
        // then
        response.path("resendInvitation.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        assertThat(logto.calls(CREATE) + logto.calls(MESSAGE)).isZero();
    }

    @Test
    void resendInvitation_pendingAdminInvitationByAMember_roleEscalationAndNoEmail() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String invitation = logto.createInvitation(demo.acme(), demo.alice(), "erin@example.test", Instant.now().plus(Duration.ofDays(1)), "admin");
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("resendInvitation").variable("input", Map.of("invitationId", invitation)).execute();
        // then
        response.path("resendInvitation.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        assertThat(logto.sentMessages()).isEmpty();
        assertThat(logto.calls(MESSAGE)).isZero();
    }

    @Test
    void resendInvitation_accepted_invitationNotPending() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.carol()).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("resendInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        response.path("resendInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVITATION_NOT_PENDING");
        assertThat(logto.calls(MESSAGE) + logto.calls(CREATE)).isZero();
    }

    @Test
    void revokeInvitation_admin_revokesAndASecondRevokeIsNotPending() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var first = as(demo.alice()).documentName("revokeInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        var second = as(demo.alice()).documentName("revokeInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        first.path("revokeInvitation.invitation.status").entity(String.class).isEqualTo("REVOKED");
        second.path("revokeInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVITATION_NOT_PENDING");
        assertThat(logto.invitationStatus(demo.carolsInvitation())).isEqualTo("Revoked");
    }

    @Test
    void revokeAndResend_byNonMemberOrWithoutPermission_notFoundOrForbiddenWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.createOrganizationRole("viewer", "Reads only");
        String gus = logto.createUser("gus", "gus@acme.test", "Gus");
        logto.addMember(demo.acme(), gus, "viewer");
        Map<String, Object> input = Map.of("invitationId", demo.carolsInvitation());
        logto.resetCalls();
        // when
        var byDave = as(demo.dave()).documentName("revokeInvitation").variable("input", input).execute();
        var unknown = as(demo.dave()).documentName("revokeInvitation").variable("input", Map.of("invitationId", "nosuchinvitation00000")).execute();
        var byGus = as(gus).documentName("resendInvitation").variable("input", input).execute();
        // then
        assertThat(assertError(byDave, ErrorType.NOT_FOUND).getMessage()).isEqualTo(assertError(unknown, ErrorType.NOT_FOUND).getMessage());
        assertError(byGus, ErrorType.FORBIDDEN);
        assertThat(logto.invitationStatus(demo.carolsInvitation())).isEqualTo("Pending");
        assertThat(logto.calls(STATUS) + logto.calls(MESSAGE)).isZero();
    }

    // ---------------------------------------------------------------- acceptInvitation and declineInvitation

    @Test
    void acceptInvitation_invitee_joinsWithTheInvitationsRolesAndAcceptingAgainSucceeds() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.carol()).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        var again = as(demo.carol()).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        response.path("acceptInvitation.userErrors").entityList(Object.class).hasSize(0);
        response.path("acceptInvitation.organization.name").entity(String.class).isEqualTo("Acme");
        response.path("acceptInvitation.organization.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        again.path("acceptInvitation.organization.id").entity(String.class).isEqualTo(demo.acme());
        assertThat(logto.memberRoleNames(demo.acme(), demo.carol())).containsExactly("member");
        assertThat(logto.invitationStatus(demo.carolsInvitation())).isEqualTo("Accepted");
        assertThat(logto.calls(STATUS)).isEqualTo(1);
    }

    @Test
    void acceptInvitation_twiceAtTheSameTime_bothSucceed() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.latency(Duration.ofMillis(150)); // both read the invitation pending before either accepts
        // when
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> acceptCodes(demo));
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> acceptCodes(demo));
        // then
        assertThat(first.join()).isEmpty();
        assertThat(second.join()).isEmpty();
        assertThat(logto.memberRoleNames(demo.acme(), demo.carol())).containsExactly("member");
    }

    private List<String> acceptCodes(DemoTenant demo) {
        return as(demo.carol()).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute()
                .path("acceptInvitation.userErrors[*].code").entityList(String.class).get();
    }

    @Test
    void declineInvitation_expired_invitationExpired() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.advanceClock(Duration.ofDays(8));
        // when
        var response = as(demo.carol()).documentName("declineInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        response.path("declineInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVITATION_EXPIRED");
        assertThat(logto.invitationStatus(demo.carolsInvitation())).isEqualTo("Expired");
    }

    @Test
    void acceptInvitation_primaryEmailInAnotherCase_accepted() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String frank = logto.createUser("frank", "Frank@Example.test", "Frank");
        String invitation = as(demo.alice()).documentName("inviteMembers").variable("input", invite(demo.acme(), List.of("frank@example.test"), "member"))
                .execute().path("inviteMembers.invitations[0].id").entity(String.class).get();
        // when
        var response = as(frank).documentName("acceptInvitation").variable("input", Map.of("invitationId", invitation)).execute();
        // then
        response.path("acceptInvitation.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.memberIds(demo.acme())).contains(frank);
    }

    @Test
    void acceptInvitation_someoneElse_emailMismatchWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.erin()).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        response.path("acceptInvitation.userErrors[0].code").entity(String.class).isEqualTo("EMAIL_MISMATCH");
        response.path("acceptInvitation.organization").valueIsNull();
        assertThat(logto.memberIds(demo.acme())).doesNotContain(demo.erin());
        assertThat(logto.calls(STATUS)).isZero();
    }

    @Test
    void acceptInvitation_invitationToTheAddressInUpperCase_accepted() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String invitation = logto.createInvitation(demo.acme(), demo.alice(), "Erin@Example.TEST", Instant.now().plus(Duration.ofDays(7)), "member");
        // when
        var response = as(demo.erin()).documentName("acceptInvitation").variable("input", Map.of("invitationId", invitation)).execute();
        // then
        response.path("acceptInvitation.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.memberIds(demo.acme())).contains(demo.erin());
    }

    @ParameterizedTest(name = "{0} accepting an invitation to {1}")
    @CsvSource({"\u212Aate@example.test, kate@example.test", "kate@example.test, \u212Aate@example.test"})
    void acceptInvitation_addressesDifferingByTheKelvinSign_emailMismatchWithoutWrite(String primaryEmail, String invitee) {
        // given: Logto compares them lower-cased by JavaScript's toLowerCase, which turns the Kelvin sign (U+212A) into k;
        // the invitation to the Kelvin sign is seeded (Logto's API refuses such an invitee)
        DemoTenant demo = DemoTenant.seed(logto);
        String kate = logto.createUser("kate", primaryEmail, "Kate");
        String invitation = logto.createInvitation(demo.acme(), demo.alice(), invitee, Instant.now().plus(Duration.ofDays(7)), "member");
        logto.resetCalls();
        // when
        var response = as(kate).documentName("acceptInvitation").variable("input", Map.of("invitationId", invitation)).execute();
        // then
        response.path("acceptInvitation.userErrors[0].code").entity(String.class).isEqualTo("EMAIL_MISMATCH");
        assertThat(logto.memberIds(demo.acme())).doesNotContain(kate);
        assertThat(logto.calls(STATUS)).isZero();
    }

    @Test
    void acceptInvitation_afterExpiry_invitationExpiredWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.advanceClock(Duration.ofDays(8));
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        response.path("acceptInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVITATION_EXPIRED");
        assertThat(logto.memberIds(demo.acme())).doesNotContain(demo.carol());
        assertThat(logto.calls(STATUS)).isZero();
    }

    @Test
    void acceptInvitation_revoked_notPending() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.alice()).documentName("revokeInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // when
        var response = as(demo.carol()).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        response.path("acceptInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVITATION_NOT_PENDING");
        assertThat(logto.memberIds(demo.acme())).doesNotContain(demo.carol());
    }

    @Test
    void acceptInvitation_unknownIdOrTokenScopedToAnotherOrganization_notFoundOrForbiddenWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.carol(), "member");
        String globexToken = logto.token(demo.carol()).audience("urn:logto:organization:" + demo.globex()).sign();
        logto.resetCalls();
        // when
        var unknown = as(demo.carol()).documentName("acceptInvitation").variable("input", Map.of("invitationId", "nosuchinvitation00000")).execute();
        var scoped = withToken(globexToken).documentName("acceptInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        assertError(unknown, ErrorType.NOT_FOUND);
        assertError(scoped, ErrorType.FORBIDDEN);
        assertThat(logto.memberIds(demo.acme())).doesNotContain(demo.carol());
        assertThat(logto.calls(STATUS)).isZero();
    }

    @Test
    void declineInvitation_invitee_revokesItAndOthersCannot() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var byErin = as(demo.erin()).documentName("declineInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        var byCarol = as(demo.carol()).documentName("declineInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        var again = as(demo.carol()).documentName("declineInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute();
        // then
        byErin.path("declineInvitation.userErrors[0].code").entity(String.class).isEqualTo("EMAIL_MISMATCH");
        byCarol.path("declineInvitation.invitation.status").entity(String.class).isEqualTo("REVOKED");
        again.path("declineInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVITATION_NOT_PENDING");
        assertThat(logto.memberIds(demo.acme())).doesNotContain(demo.carol());
    }

    // ---------------------------------------------------------------- reading invitations

    @Test
    void invitation_inviteeAndInviters_seeItOnlyInvitersGetTheAcceptLink() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var byCarol = as(demo.carol()).documentName("invitation").variable("id", demo.carolsInvitation()).execute();
        var byAlice = as(demo.alice()).documentName("invitation").variable("id", demo.carolsInvitation()).execute();
        // then
        byCarol.path("invitation.organization.name").entity(String.class).isEqualTo("Acme");
        byCarol.path("invitation.inviter.name").entity(String.class).isEqualTo("Alice Adams");
        byCarol.path("invitation.roles[*].name").entityList(String.class).containsExactly("member");
        byCarol.path("invitation.status").entity(String.class).isEqualTo("PENDING");
        byCarol.path("invitation.acceptUrl").valueIsNull();
        byAlice.path("invitation.acceptUrl").entity(String.class).isEqualTo(acceptUrl(demo.carolsInvitation()));
    }

    @Test
    void invitation_anyoneElse_answersLikeAnUnknownId() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var byErin = as(demo.erin()).documentName("invitation").variable("id", demo.carolsInvitation()).execute();
        var byDave = as(demo.dave()).documentName("invitation").variable("id", demo.carolsInvitation()).execute();
        var unknown = as(demo.erin()).documentName("invitation").variable("id", "nosuchinvitation00000").execute();
        // then
        String message = assertError(unknown, ErrorType.NOT_FOUND).getMessage();
        assertThat(assertError(byErin, ErrorType.NOT_FOUND).getMessage()).isEqualTo(message);
        assertThat(assertError(byDave, ErrorType.NOT_FOUND).getMessage()).isEqualTo(message);
    }

    @Test
    void pendingInvitations_acrossFiveOrganizations_costsOneCallEachBesidesEmailInvitationsAndInviters() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        List<String> inviters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String organization = logto.createOrganization("Org " + i, "Description " + i);
            String inviter = logto.createUser("inviter" + i, null, "Inviter " + i);
            logto.addMember(organization, inviter, "admin");
            logto.createInvitation(organization, inviter, "carol@example.test", Instant.now().plus(Duration.ofDays(3)), "member");
            inviters.add(inviter);
        }
        logto.createInvitation(demo.globex(), demo.dave(), "carol@example.test", Instant.now().minusSeconds(60), "member"); // expired
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("viewerPendingInvitations").execute();
        // then
        response.path("viewer.pendingInvitations").entityList(Object.class).hasSize(5);
        assertThat(response.path("viewer.pendingInvitations[*].organization.name").entityList(String.class).get())
                .containsExactlyInAnyOrder("Acme", "Org 0", "Org 1", "Org 2", "Org 3");
        assertThat(response.path("viewer.pendingInvitations[*].inviter.name").entityList(String.class).get())
                .containsExactlyInAnyOrder("Alice Adams", "Inviter 0", "Inviter 1", "Inviter 2", "Inviter 3");
        assertThat(response.path("viewer.pendingInvitations[*].acceptUrl").entityList(Object.class).get()).containsOnlyNulls();
        assertThat(logto.calls("GET /api/users")).isEqualTo(2); // carol's email, then the inviters in one batch
        assertThat(logto.calls("GET /api/organization-invitations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organizations/{id}")).isEqualTo(5);
    }

    @Test
    void invitation_aliasedToFanOut_refusedByTheComplexityLimitBeforeAnyUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        StringBuilder aliases = new StringBuilder("query($id: ID!) {");
        for (int i = 0; i < 20; i++) {
            aliases.append(" i").append(i).append(": invitation(id: $id) { id }");
        }
        logto.resetCalls();
        // when
        var response = as(demo.carol()).document(aliases.append(" }").toString()).variable("id", demo.carolsInvitation()).execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("maximum query complexity")));
        assertThat(logto.calls()).isEmpty();
    }

    @Test
    void organizationInvitations_firstOverHundred_badRequestWithoutInvitationsCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationInvitations").variable("id", demo.acme()).variable("first", 101).execute();
        // then
        assertThat(assertError(response, ErrorType.BAD_REQUEST).getMessage()).contains("'first'");
        assertThat(logto.calls("GET /api/organization-invitations")).isZero();
    }

    @Test
    void pendingInvitations_addressWithTheKelvinSign_neitherListsNorShowsTheAsciiAddressesInvitation() {
        // given: Logto's invitee filter lower-cases both sides and finds kate's invitation for the Kelvin sign (U+212A)
        DemoTenant demo = DemoTenant.seed(logto);
        String kelvin = logto.createUser("kelvin", "\u212Aate@example.test", "Kelvin");
        String invitation = logto.createInvitation(demo.acme(), demo.alice(), "kate@example.test", Instant.now().plus(Duration.ofDays(7)), "member");
        // when
        var pending = as(kelvin).documentName("viewerPendingInvitations").execute();
        var byId = as(kelvin).documentName("invitation").variable("id", invitation).execute();
        // then
        pending.path("viewer.pendingInvitations").entityList(Object.class).hasSize(0);
        assertError(byId, ErrorType.NOT_FOUND);
    }

    @Test
    void pendingInvitations_userWithoutInvitations_isEmpty() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.erin()).documentName("viewerPendingInvitations").execute();
        // then
        response.path("viewer.pendingInvitations").entityList(Object.class).hasSize(0);
    }

    @Test
    void organizationInvitations_thirtyWithInvitersRolesAndOrganization_costTwoCallsBeyondThePermissionCheck() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 29; i++) {
            String inviter = i % 2 == 0 ? demo.alice() : demo.bob();
            logto.createInvitation(demo.acme(), inviter, "guest" + i + "@example.test", Instant.now().plus(Duration.ofDays(1)), "member");
        }
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationInvitations").variable("id", demo.acme()).variable("first", 100).execute();
        // then
        response.path("organization.invitations.totalCount").entity(Integer.class).isEqualTo(30);
        response.path("organization.invitations.edges[*].node.organization.name").entityList(String.class).hasSize(30);
        response.path("organization.invitations.edges[0].node.invitee").entity(String.class).isEqualTo("guest28@example.test"); // newest first
        response.path("organization.invitations.edges[0].node.roles[0].name").entity(String.class).isEqualTo("member");
        assertThat(logto.calls("GET /api/organization-invitations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/users")).isEqualTo(1); // alice and bob, once
        assertThat(logto.calls("GET /api/organizations/{id}")).isZero();
        assertThat(logto.apiCalls()).isEqualTo(4); // plus the memberships and the template of the permission check
    }

    @Test
    void organizationInvitations_statusFilter_keepsOnlyThatStatus() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.createInvitation(demo.acme(), demo.alice(), "late@example.test", Instant.now().minusSeconds(60), "member");
        // when
        var expired = as(demo.alice()).documentName("organizationInvitations").variable("id", demo.acme()).variable("status", "EXPIRED").execute();
        // then
        expired.path("organization.invitations.edges[*].node.invitee").entityList(String.class).containsExactly("late@example.test");
        expired.path("organization.invitations.edges[0].node.status").entity(String.class).isEqualTo("EXPIRED");
    }

    @Test
    void organizationInvitations_memberWithoutInviteMember_forbiddenWhileTheOrganizationStands() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.createOrganizationRole("viewer", "Reads only");
        String gus = logto.createUser("gus", "gus@acme.test", "Gus");
        logto.addMember(demo.acme(), gus, "viewer");
        logto.resetCalls();
        // when
        var response = as(gus).documentName("organizationInvitations").variable("id", demo.acme()).execute();
        // then
        assertThat(assertError(response, ErrorType.FORBIDDEN).getPath()).isEqualTo("organization.invitations");
        response.path("organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("organization.invitations").valueIsNull();
        // a read may fetch alongside its check; what it fetched is dropped: nothing of carol's invitation shows
        assertThat(response.returnResponse().toString()).doesNotContain("carol@example.test");
    }
}
