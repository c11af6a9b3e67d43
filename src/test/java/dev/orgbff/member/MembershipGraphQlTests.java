package dev.orgbff.member;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/** The member mutations: what they write, what they refuse, and what they undo. */
class MembershipGraphQlTests extends GraphQlTestSupport {

    private static final String ADD_MEMBERS = "POST /api/organizations/{id}/users";
    private static final String ASSIGN_IN_BULK = "POST /api/organizations/{id}/users/roles";
    private static final String REPLACE_ROLES = "PUT /api/organizations/{id}/users/{userId}/roles";
    private static final String REMOVE_MEMBER = "DELETE /api/organizations/{id}/users/{userId}";
    private static final String MEMBERS = "GET /api/organizations/{id}/users";

    /**
     * The demo tenant plus two roles and two more members of Acme: maria holds {@code manager}
     * (only {@code manage:member}), gus holds {@code guest} (no permissions).
     */
    private record Acme(DemoTenant demo, String maria, String gus) {

        static Acme seed(dev.orgbff.emulator.LogtoEmulator logto) {
            DemoTenant demo = DemoTenant.seed(logto);
            logto.createOrganizationRole("manager", "Manages members", "manage:member");
            logto.createOrganizationRole("guest", "Sees the organization");
            String maria = logto.createUser("maria", "maria@acme.test", "Maria Miller");
            String gus = logto.createUser("gus", "gus@acme.test", "Gus Green");
            logto.addMember(demo.acme(), maria, "manager");
            logto.addMember(demo.acme(), gus, "guest");
            return new Acme(demo, maria, gus);
        }

        String id() {
            return demo.acme();
        }
    }

    // ---------------------------------------------------------------- addOrganizationMembers

    @Test
    void addOrganizationMembers_byIdAndByEmail_addsBothWithTheRolesInFiveCalls() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(),
                "userIds", List.of(demo.carol()),
                "emails", List.of("  DAVE@Globex.TEST "),
                "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        response.path("addOrganizationMembers.userErrors").entityList(Object.class).hasSize(0);
        response.path("addOrganizationMembers.members[*].user.username").entityList(String.class).containsExactly("carol", "dave");
        response.path("addOrganizationMembers.members[*].roles[0].name").entityList(String.class).containsExactly("member", "member");
        assertThat(logto.memberIds(demo.acme())).contains(demo.carol(), demo.dave());
        assertThat(logto.memberRoleNames(demo.acme(), demo.carol())).containsExactly("member");
        assertThat(logto.memberRoleNames(demo.acme(), demo.dave())).containsExactly("member");
        assertThat(logto.calls("GET /api/users")).isEqualTo(2); // who exists, who is not a member yet: in parallel
        assertThat(logto.calls(ADD_MEMBERS)).isEqualTo(1);
        assertThat(logto.calls(ASSIGN_IN_BULK)).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(6); // plus the memberships and the template of the permission check
    }

    @Test
    void addOrganizationMembers_emailWithUnicodeBlanksAround_addsThatUser() {
        // given: an address pasted from a document, with a byte-order mark, no-break and zero-width spaces
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(),
                "emails", List.of("\uFEFF\u00A0dave@globex.test\u200B\u202F"),
                "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        response.path("addOrganizationMembers.userErrors").entityList(Object.class).hasSize(0);
        response.path("addOrganizationMembers.members[*].user.username").entityList(String.class).containsExactly("dave");
        assertThat(logto.memberIds(demo.acme())).contains(demo.dave());
    }

    @Test
    void addOrganizationMembers_somePeopleCannotBeAdded_reportsEachByIndexAndAddsTheRest() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(),
                "userIds", List.of(demo.carol(), "nosuchuser12", demo.bob(), "../admin"),
                "emails", List.of("not-an-email", "nobody@example.test", "carol@EXAMPLE.test"),
                "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        response.path("addOrganizationMembers.members[*].user.username").entityList(String.class).containsExactly("carol");
        List<Map<String, Object>> errors = userErrors(response, "addOrganizationMembers");
        assertThat(errors).extracting(error -> error.get("code") + " " + error.get("field")).containsExactlyInAnyOrder(
                "USER_NOT_FOUND [input, userIds, 1]",
                "ALREADY_MEMBER [input, userIds, 2]",
                "USER_NOT_FOUND [input, userIds, 3]",
                "INVALID_EMAIL [input, emails, 0]",
                "USER_NOT_FOUND [input, emails, 1]");
        assertThat(logto.memberIds(demo.acme())).containsExactlyInAnyOrder(demo.alice(), demo.bob(), demo.carol());
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("member");
    }

    @ParameterizedTest(name = "{1} for the user with {0}")
    @CsvSource({"kate@example.test, \u212Aate@example.test", "\u212Aate@example.test, kate@example.test"})
    void addOrganizationMembers_emailDifferingByTheKelvinSign_userNotFoundAndNobodyAdded(String primaryEmail, String email) {
        // given: Logto's search lower-cases both sides, which turns the Kelvin sign (U+212A) into k, and finds the other address
        DemoTenant demo = DemoTenant.seed(logto);
        String kate = logto.createUser("kate", primaryEmail, "Kate");
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(),
                "emails", List.of(email),
                "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        assertThat(userErrors(response, "addOrganizationMembers")).extracting(error -> error.get("code") + " " + error.get("field"))
                .containsExactly("USER_NOT_FOUND [input, emails, 0]");
        assertThat(logto.memberIds(demo.acme())).doesNotContain(kate);
    }

    @Test
    void addOrganizationMembers_everyoneAlreadyAMember_writesNothing() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(), "emails", List.of("bob@acme.test"), "roleIds", List.of(logto.roleId("admin")))).execute();
        // then
        response.path("addOrganizationMembers.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_MEMBER");
        response.path("addOrganizationMembers.members").entityList(Object.class).hasSize(0);
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("member");
        assertThat(logto.calls(ADD_MEMBERS) + logto.calls(ASSIGN_IN_BULK)).isZero();
    }

    @Test
    void addOrganizationMembers_memberWithoutManageMember_forbiddenWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(), "userIds", List.of(demo.carol()), "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        assertThat(assertError(response, ErrorType.FORBIDDEN).getMessage()).contains("manage:member");
        assertThat(logto.memberIds(demo.acme())).doesNotContain(demo.carol());
        assertThat(logto.calls()).containsOnlyKeys("GET /api/users/{userId}/organizations", "GET /api/organization-roles");
    }

    @Test
    void addOrganizationMembers_toAnotherUsersOrganization_answersLikeMissingOrganization() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        Map<String, Object> toGlobex = Map.of("organizationId", demo.globex(), "userIds", List.of(demo.carol()),
                "roleIds", List.of(logto.roleId("admin")));
        Map<String, Object> toNowhere = Map.of("organizationId", "nosuchorg123", "userIds", List.of(demo.carol()),
                "roleIds", List.of(logto.roleId("admin")));
        logto.resetCalls();
        // when
        var foreign = as(demo.alice()).documentName("addOrganizationMembers").variable("input", toGlobex).execute();
        var missing = as(demo.alice()).documentName("addOrganizationMembers").variable("input", toNowhere).execute();
        // then
        assertThat(assertError(foreign, ErrorType.NOT_FOUND).getMessage()).isEqualTo(assertError(missing, ErrorType.NOT_FOUND).getMessage());
        assertThat(logto.memberIds(demo.globex())).containsExactly(demo.dave());
        assertThat(logto.calls(ADD_MEMBERS)).isZero();
    }

    @Test
    void addOrganizationMembers_managerGrantingAdmin_roleEscalationWithoutWrite() {
        // given
        Acme acme = Acme.seed(logto);
        logto.resetCalls();
        // when
        var response = as(acme.maria()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", acme.id(), "userIds", List.of(acme.demo().carol()),
                "roleIds", List.of(logto.roleId("guest"), logto.roleId("admin")))).execute();
        // then
        response.path("addOrganizationMembers.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        response.path("addOrganizationMembers.userErrors[0].field").entityList(String.class).containsExactly("input", "roleIds", "1");
        response.path("addOrganizationMembers.userErrors").entityList(Object.class).hasSize(1);
        assertThat(logto.memberIds(acme.id())).doesNotContain(acme.demo().carol());
        assertThat(logto.calls("GET /api/users") + logto.calls(ADD_MEMBERS)).isZero();
    }

    @Test
    void addOrganizationMembers_roleGrantingAnApiScopeTheCallerLacks_roleEscalation() {
        // given
        Acme acme = Acme.seed(logto);
        String reports = logto.createApiResource("Reports", "https://reports.acme.test");
        logto.createOrganizationRole("reporter", "Reads reports");
        logto.grantApiScopes("reporter", logto.createApiScope(reports, "read:reports", "Read reports"));
        // when
        var byManager = as(acme.maria()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", acme.id(), "userIds", List.of(acme.demo().carol()), "roleIds", List.of(logto.roleId("reporter")))).execute();
        logto.grantApiScopes("manager", logto.createApiScope(reports, "write:reports", null));
        var stillLacking = as(acme.maria()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", acme.id(), "userIds", List.of(acme.demo().carol()), "roleIds", List.of(logto.roleId("reporter")))).execute();
        // then
        byManager.path("addOrganizationMembers.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        stillLacking.path("addOrganizationMembers.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        assertThat(logto.memberIds(acme.id())).doesNotContain(acme.demo().carol());
    }

    @Test
    void addOrganizationMembers_callerHoldingTheApiScope_mayGrantTheRoleButNotWithAnOrganizationToken() {
        // given
        Acme acme = Acme.seed(logto);
        String reports = logto.createApiResource("Reports", "https://reports.acme.test");
        String readReports = logto.createApiScope(reports, "read:reports", "Read reports");
        logto.createOrganizationRole("reporter", "Reads reports");
        logto.grantApiScopes("reporter", readReports);
        logto.grantApiScopes("manager", readReports);
        // an organization token carries organization permissions only, so it holds no API scope to grant
        String organizationToken = logto.token(acme.maria()).audience("urn:logto:organization:" + acme.id()).scope("manage:member").sign();
        Map<String, Object> input = Map.of("organizationId", acme.id(), "userIds", List.of(acme.demo().carol()),
                "roleIds", List.of(logto.roleId("reporter")));
        // when
        var withOrganizationToken = withToken(organizationToken).documentName("addOrganizationMembers").variable("input", input).execute();
        var withApiToken = as(acme.maria()).documentName("addOrganizationMembers").variable("input", input).execute();
        // then
        withOrganizationToken.path("addOrganizationMembers.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        withApiToken.path("addOrganizationMembers.userErrors").entityList(Object.class).hasSize(0);
        withApiToken.path("addOrganizationMembers.members[0].roles[*].name").entityList(String.class).containsExactly("reporter");
        assertThat(logto.memberRoleNames(acme.id(), acme.demo().carol())).containsExactly("reporter");
    }

    @Test
    void addOrganizationMembers_moreThanHundredRoleIds_badRequestWithoutAnyUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(), "userIds", List.of(demo.carol()),
                "roleIds", IntStream.range(0, 101).mapToObj(i -> "role" + i).toList())).execute();
        // then
        assertThat(assertError(response, ErrorType.BAD_REQUEST).getMessage()).contains("roleIds");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void addOrganizationMembers_unknownAndMachineRoles_userErrorsWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String botRole = logto.createMachineRole("bot");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(), "userIds", List.of(demo.carol()),
                "roleIds", List.of("nosuchrole00000000000", botRole))).execute();
        // then
        response.path("addOrganizationMembers.userErrors[*].code").entityList(String.class)
                .containsExactly("ROLE_NOT_FOUND", "ROLE_NOT_ASSIGNABLE");
        assertThat(logto.calls(ADD_MEMBERS)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MEMBERS_REQUIRED", "TOO_MANY_MEMBERS", "ROLE_REQUIRED"})
    void addOrganizationMembers_badInput_userErrorWithoutAnyUpstreamCall(String code) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        Map<String, Object> input = switch (code) {
            case "MEMBERS_REQUIRED" -> Map.of("organizationId", demo.acme(), "userIds", List.of(), "roleIds", List.of(logto.roleId("member")));
            case "TOO_MANY_MEMBERS" -> Map.of("organizationId", demo.acme(),
                    "userIds", IntStream.range(0, 60).mapToObj(i -> "user" + i).toList(),
                    "emails", IntStream.range(0, 41).mapToObj(i -> "user" + i + "@example.test").toList(),
                    "roleIds", List.of(logto.roleId("member")));
            default -> Map.of("organizationId", demo.acme(), "userIds", List.of(demo.carol()), "roleIds", List.of());
        };
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", input).execute();
        // then
        response.path("addOrganizationMembers.userErrors[0].code").entity(String.class).isEqualTo(code);
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void addOrganizationMembers_rolesCannotBeAssigned_removesOnlyTheNewMembersAgain() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", "eve@example.test", "Eve");
        logto.failNext(ASSIGN_IN_BULK, Fault.status(500, "unexpected"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(), "userIds", List.of(demo.carol(), eve, demo.bob()),
                "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        response.path("addOrganizationMembers.members").entityList(Object.class).hasSize(0);
        assertThat(response.path("addOrganizationMembers.userErrors[*].code").entityList(String.class).get())
                .containsExactlyInAnyOrder("ALREADY_MEMBER", "ROLE_ASSIGNMENT_FAILED");
        assertThat(logto.memberIds(demo.acme())).containsExactlyInAnyOrder(demo.alice(), demo.bob());
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("member");
        assertThat(logto.calls(REMOVE_MEMBER)).isEqualTo(2);
    }

    @Test
    void addOrganizationMembers_answerToTheAddLost_removesTheNewMembersAgainAndReportsUnavailable() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext(ADD_MEMBERS, Fault.lostAnswer()); // Logto adds them, but its answer never arrives
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("addOrganizationMembers").variable("input", Map.of(
                "organizationId", demo.acme(), "userIds", List.of(demo.carol(), demo.erin(), demo.bob()),
                "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        assertError(response, "UPSTREAM_UNAVAILABLE");
        assertThat(logto.memberIds(demo.acme())).containsExactlyInAnyOrder(demo.alice(), demo.bob());
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("member");
        assertThat(logto.calls(ASSIGN_IN_BULK)).isZero();
        assertThat(logto.calls(REMOVE_MEMBER)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- updateMemberRoles

    @Test
    void updateMemberRoles_admin_replacesTheMembersRoles() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob(), "roleIds", List.of(logto.roleId("admin")))).execute();
        // then
        response.path("updateMemberRoles.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateMemberRoles.member.roles[*].name").entityList(String.class).containsExactly("admin");
        response.path("updateMemberRoles.member.permissions").entityList(String.class).containsExactly(DemoTenant.ADMIN_PERMISSIONS);
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("admin");
        assertThat(logto.calls(REPLACE_ROLES)).isEqualTo(1);
        assertThat(logto.calls(MEMBERS)).isEqualTo(1); // bob's current roles; no admin count: nobody loses the admin role
        assertThat(logto.apiCalls()).isEqualTo(4);
    }

    @Test
    void updateMemberRoles_sameRolesAgain_succeedsWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob(), "roleIds", List.of(logto.roleId("member"), logto.roleId("member")))).execute();
        // then
        response.path("updateMemberRoles.member.roles[*].name").entityList(String.class).containsExactly("member");
        assertThat(logto.calls(REPLACE_ROLES)).isZero();
    }

    @Test
    void updateMemberRoles_lastAdminDemotesHerself_lastAdminWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.alice(), "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        response.path("updateMemberRoles.userErrors[0].code").entity(String.class).isEqualTo("LAST_ADMIN");
        response.path("updateMemberRoles.member").valueIsNull();
        assertThat(logto.memberRoleNames(demo.acme(), demo.alice())).containsExactly("admin");
        assertThat(logto.calls(REPLACE_ROLES)).isZero();
    }

    @Test
    void updateMemberRoles_oneOfTwoAdminsDemoted_succeedsAfterCountingTheAdminsAgain() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", null, "Eve");
        logto.addMember(demo.acme(), eve, "admin");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", eve, "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        response.path("updateMemberRoles.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.memberRoleNames(demo.acme(), eve)).containsExactly("member");
        assertThat(logto.calls(MEMBERS)).isEqualTo(3); // eve's roles, the admin count before and after the write
    }

    @Test
    void updateMemberRoles_managerDemotingAnAdmin_outrankedWithoutWrite() {
        // given
        Acme acme = Acme.seed(logto);
        logto.resetCalls();
        // when
        var response = as(acme.maria()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", acme.id(), "userId", acme.demo().alice(), "roleIds", List.of(logto.roleId("guest")))).execute();
        // then
        response.path("updateMemberRoles.userErrors[0].code").entity(String.class).isEqualTo("OUTRANKED");
        response.path("updateMemberRoles.userErrors[0].field").entityList(String.class).containsExactly("input", "userId");
        assertThat(logto.memberRoleNames(acme.id(), acme.demo().alice())).containsExactly("admin");
        assertThat(logto.calls(REPLACE_ROLES)).isZero();
    }

    @Test
    void updateMemberRoles_managerPromotingAGuestToManager_allowed() {
        // given
        Acme acme = Acme.seed(logto);
        // when
        var response = as(acme.maria()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", acme.id(), "userId", acme.gus(), "roleIds", List.of(logto.roleId("manager")))).execute();
        // then
        response.path("updateMemberRoles.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.memberRoleNames(acme.id(), acme.gus())).containsExactly("manager");
    }

    @Test
    void updateMemberRoles_managerGrantingAdmin_roleEscalationWithoutWrite() {
        // given
        Acme acme = Acme.seed(logto);
        logto.resetCalls();
        // when
        var response = as(acme.maria()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", acme.id(), "userId", acme.gus(), "roleIds", List.of(logto.roleId("admin")))).execute();
        // then
        response.path("updateMemberRoles.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        assertThat(logto.memberRoleNames(acme.id(), acme.gus())).containsExactly("guest");
        assertThat(logto.calls(REPLACE_ROLES) + logto.calls(MEMBERS)).isZero();
    }

    @Test
    void updateMemberRoles_userOfAnotherOrganization_notAMemberWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.dave(), "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        response.path("updateMemberRoles.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_MEMBER");
        assertThat(logto.memberIds(demo.acme())).doesNotContain(demo.dave());
        assertThat(logto.calls(REPLACE_ROLES)).isZero();
    }

    @Test
    void updateMemberRoles_member_forbiddenWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob(), "roleIds", List.of(logto.roleId("admin")))).execute();
        // then
        assertError(response, ErrorType.FORBIDDEN);
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("member");
        assertThat(logto.calls(REPLACE_ROLES)).isZero();
    }

    @Test
    void updateMemberRoles_emptyRoleList_roleRequiredWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob(), "roleIds", List.of())).execute();
        // then
        response.path("updateMemberRoles.userErrors[0].code").entity(String.class).isEqualTo("ROLE_REQUIRED");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void updateMemberRoles_logtoUnavailableForTheWrite_upstreamUnavailableAndRolesUnchanged() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(REPLACE_ROLES, Fault.status(503, "unavailable"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob(), "roleIds", List.of(logto.roleId("admin")))).execute();
        // then
        assertError(response, "UPSTREAM_UNAVAILABLE");
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("member");
        assertThat(logto.calls(REPLACE_ROLES)).isEqualTo(3); // a PUT replaces the roles whole: retried like a read
    }

    @Test
    void updateMemberRoles_lastTwoAdminsDemoteEachOtherConcurrently_anAdminRemains() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", null, "Eve");
        logto.addMember(demo.acme(), eve, "admin");
        String member = logto.roleId("member");
        logto.latency(Duration.ofMillis(150)); // both checks pass before either write lands
        // when
        CompletableFuture<String> aliceDemotesEve = CompletableFuture.supplyAsync(() -> outcome(demo.alice(), "updateMemberRoles",
                Map.of("organizationId", demo.acme(), "userId", eve, "roleIds", List.of(member))));
        CompletableFuture<String> eveDemotesAlice = CompletableFuture.supplyAsync(() -> outcome(eve, "updateMemberRoles",
                Map.of("organizationId", demo.acme(), "userId", demo.alice(), "roleIds", List.of(member))));
        List<String> outcomes = List.of(aliceDemotesEve.join(), eveDemotesAlice.join());
        // then
        List<String> admins = admins(demo.acme(), demo.alice(), eve);
        assertThat(admins).isNotEmpty();
        assertThat(outcomes).contains("LAST_ADMIN");
        assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(2 - admins.size());
    }

    @Test
    void updateMemberRoles_undoRefusedAfterTheAdminsCouldNotBeCounted_anErrorNotAUserError() {
        // given: alice and eve are Acme's admins; after alice demotes eve the admins cannot be counted again, and Logto
        // refuses the undo as it would for a member who left meanwhile
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", null, "Eve");
        logto.addMember(demo.acme(), eve, "admin");
        logto.failNext(MEMBERS, 2, Fault.status(500, "injected")); // eve's read and the count before the write go through
        logto.fail(MEMBERS, Fault.status(500, "injected"));
        logto.failNext(REPLACE_ROLES, 1, Fault.status(422, "organization.require_membership"));
        // when
        var response = as(demo.alice()).documentName("updateMemberRoles").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", eve, "roleIds", List.of(logto.roleId("member")))).execute();
        // then: the demotion stands, so the answer is an error, never NOT_A_MEMBER ("nothing changed")
        assertError(response, "INTERNAL_ERROR");
        assertThat(logto.memberRoleNames(demo.acme(), eve)).containsExactly("member");
        assertThat(logto.calls(REPLACE_ROLES)).isEqualTo(2);
    }

    /** Which of these users hold the admin role in the organization now. */
    private List<String> admins(String organizationId, String... userIds) {
        List<String> admins = new ArrayList<>();
        for (String user : userIds) {
            if (logto.memberRoleNames(organizationId, user).contains("admin")) {
                admins.add(user);
            }
        }
        return admins;
    }

    // ---------------------------------------------------------------- removeOrganizationMember

    @Test
    void removeOrganizationMember_admin_removesTheMemberWithTheirRoles() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob())).execute();
        // then
        response.path("removeOrganizationMember.removedUserId").entity(String.class).isEqualTo(demo.bob());
        assertThat(logto.memberIds(demo.acme())).containsExactly(demo.alice());
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).isEmpty();
        assertThat(logto.calls(REMOVE_MEMBER)).isEqualTo(1);
    }

    @Test
    void removeOrganizationMember_managerWithoutDeleteMember_forbiddenWithoutWrite() {
        // given
        Acme acme = Acme.seed(logto);
        logto.resetCalls();
        // when
        var response = as(acme.maria()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", acme.id(), "userId", acme.gus())).execute();
        // then
        assertThat(assertError(response, ErrorType.FORBIDDEN).getMessage()).contains("delete:member");
        assertThat(logto.memberIds(acme.id())).contains(acme.gus());
        assertThat(logto.calls(REMOVE_MEMBER)).isZero();
    }

    @Test
    void removeOrganizationMember_removerWithoutTheAdminsPermissions_outrankedWithoutWrite() {
        // given
        Acme acme = Acme.seed(logto);
        logto.createOrganizationRole("remover", null, "delete:member");
        String rita = logto.createUser("rita", null, "Rita");
        logto.addMember(acme.id(), rita, "remover");
        logto.resetCalls();
        // when
        var response = as(rita).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", acme.id(), "userId", acme.demo().alice())).execute();
        var guest = as(rita).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", acme.id(), "userId", acme.gus())).execute();
        // then
        response.path("removeOrganizationMember.userErrors[0].code").entity(String.class).isEqualTo("OUTRANKED");
        guest.path("removeOrganizationMember.removedUserId").entity(String.class).isEqualTo(acme.gus());
        assertThat(logto.memberIds(acme.id())).contains(acme.demo().alice()).doesNotContain(acme.gus());
        assertThat(logto.calls(REMOVE_MEMBER)).isEqualTo(1);
    }

    @Test
    void removeOrganizationMember_theLastAdmin_lastAdminWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.alice())).execute();
        // then
        response.path("removeOrganizationMember.userErrors[0].code").entity(String.class).isEqualTo("LAST_ADMIN");
        assertThat(logto.memberIds(demo.acme())).contains(demo.alice());
        assertThat(logto.calls(REMOVE_MEMBER)).isZero();
    }

    @Test
    void removeOrganizationMember_logtoFailsTheDelete_errorAndTheMemberStays() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(REMOVE_MEMBER, Fault.status(500, "unexpected"));
        // when
        var response = as(demo.alice()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.bob())).execute();
        // then
        assertError(response, ErrorType.INTERNAL_ERROR);
        assertThat(logto.memberIds(demo.acme())).contains(demo.bob());
        assertThat(logto.memberRoleNames(demo.acme(), demo.bob())).containsExactly("member");
    }

    @Test
    void removeOrganizationMember_lastTwoAdminsRemoveEachOtherConcurrently_anAdminRemainsWithTheirRoles() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", null, "Eve");
        logto.addMember(demo.acme(), eve, "admin");
        logto.latency(Duration.ofMillis(150)); // both checks pass before either removal lands
        // when
        CompletableFuture<String> aliceRemovesEve = CompletableFuture.supplyAsync(() -> outcome(demo.alice(), "removeOrganizationMember",
                Map.of("organizationId", demo.acme(), "userId", eve)));
        CompletableFuture<String> eveRemovesAlice = CompletableFuture.supplyAsync(() -> outcome(eve, "removeOrganizationMember",
                Map.of("organizationId", demo.acme(), "userId", demo.alice())));
        List<String> outcomes = List.of(aliceRemovesEve.join(), eveRemovesAlice.join());
        // then: whoever is still a member is an admin again, roles restored by the undo
        List<String> admins = admins(demo.acme(), demo.alice(), eve);
        assertThat(admins).isNotEmpty();
        assertThat(outcomes).contains("LAST_ADMIN");
        assertThat(logto.memberIds(demo.acme())).contains(admins.toArray(String[]::new));
    }

    @Test
    void removeOrganizationMember_memberOfAnotherOrganization_notFoundOrNotAMemberWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var fromGlobex = as(demo.alice()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", demo.globex(), "userId", demo.dave())).execute();
        var daveFromAcme = as(demo.alice()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", demo.dave())).execute();
        // then
        assertError(fromGlobex, ErrorType.NOT_FOUND);
        daveFromAcme.path("removeOrganizationMember.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_MEMBER");
        assertThat(logto.memberIds(demo.globex())).containsExactly(demo.dave());
        assertThat(logto.calls(REMOVE_MEMBER)).isZero();
    }

    @ParameterizedTest(name = "userId \"{0}\"")
    @ValueSource(strings = {"../users", "%", "", "\u00A0"})
    void removeOrganizationMember_malformedUserId_notAMemberWithoutAnyUpstreamCall(String userId) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("removeOrganizationMember").variable("input", Map.of(
                "organizationId", demo.acme(), "userId", userId)).execute();
        // then
        response.path("removeOrganizationMember.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_MEMBER");
        assertThat(logto.memberIds(demo.acme())).containsExactlyInAnyOrder(demo.alice(), demo.bob());
        assertThat(logto.apiCalls()).isZero();
    }

    // ---------------------------------------------------------------- leaveOrganization

    @Test
    void leaveOrganization_member_leavesAndNoLongerSeesTheOrganization() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.bob()).documentName("leaveOrganization").variable("input", Map.of("organizationId", demo.acme())).execute();
        var afterwards = as(demo.bob()).documentName("organization").variable("id", demo.acme()).execute();
        // then
        response.path("leaveOrganization.leftOrganizationId").entity(String.class).isEqualTo(demo.acme());
        assertThat(logto.memberIds(demo.acme())).containsExactly(demo.alice());
        assertError(afterwards, ErrorType.NOT_FOUND);
    }

    @Test
    void leaveOrganization_lastAdmin_lastAdminWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("leaveOrganization").variable("input", Map.of("organizationId", demo.acme())).execute();
        // then
        response.path("leaveOrganization.userErrors[0].code").entity(String.class).isEqualTo("LAST_ADMIN");
        response.path("leaveOrganization.userErrors[0].field").entityList(String.class).containsExactly("input", "organizationId");
        assertThat(logto.memberIds(demo.acme())).contains(demo.alice());
        assertThat(logto.calls(REMOVE_MEMBER)).isZero();
    }

    @Test
    void leaveOrganization_logtoUnavailable_upstreamUnavailableAndStillAMember() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(REMOVE_MEMBER, Fault.status(503, "unavailable"));
        // when
        var response = as(demo.bob()).documentName("leaveOrganization").variable("input", Map.of("organizationId", demo.acme())).execute();
        // then
        assertError(response, "UPSTREAM_UNAVAILABLE");
        assertThat(logto.memberIds(demo.acme())).contains(demo.bob());
        assertThat(logto.calls(REMOVE_MEMBER)).isEqualTo(3); // a DELETE is retried like a read
    }

    @Test
    void leaveOrganization_nonMemberOrTokenForAnotherOrganization_notFoundWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.bob(), "member");
        String globexToken = logto.token(demo.bob()).audience("urn:logto:organization:" + demo.globex()).sign();
        logto.resetCalls();
        // when
        var nonMember = as(demo.carol()).documentName("leaveOrganization").variable("input", Map.of("organizationId", demo.acme())).execute();
        var otherToken = withToken(globexToken).documentName("leaveOrganization").variable("input", Map.of("organizationId", demo.acme())).execute();
        // then
        assertError(nonMember, ErrorType.NOT_FOUND);
        assertError(otherToken, ErrorType.NOT_FOUND);
        assertThat(logto.memberIds(demo.acme())).contains(demo.bob());
        assertThat(logto.calls(REMOVE_MEMBER)).isZero();
    }

    @Test
    void leaveOrganization_thenAnotherMutationInTheSameRequest_seesTheViewerNoLongerAMember() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", null, "Eve");
        logto.addMember(demo.acme(), eve, "admin");
        // when
        var response = as(demo.alice()).document("""
                mutation($acme: ID!, $bob: ID!) {
                  leaveOrganization(input: {organizationId: $acme}) { leftOrganizationId }
                  removeOrganizationMember(input: {organizationId: $acme, userId: $bob}) { removedUserId }
                }""").variable("acme", demo.acme()).variable("bob", demo.bob()).execute();
        // then
        // the payloads are non-null, so the refused second mutation nulls the whole data
        assertThat(assertError(response, ErrorType.NOT_FOUND).getPath()).isEqualTo("removeOrganizationMember");
        assertThat(logto.memberIds(demo.acme())).containsExactlyInAnyOrder(demo.bob(), eve);
    }

    @Test
    void updateMemberRoles_selfDemotionThenPrivilegedMutationInTheSameRequest_forbidden() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", null, "Eve");
        logto.addMember(demo.acme(), eve, "admin");
        // when
        var response = as(demo.alice()).document("""
                mutation($acme: ID!, $alice: ID!, $bob: ID!, $member: ID!) {
                  updateMemberRoles(input: {organizationId: $acme, userId: $alice, roleIds: [$member]}) { userErrors { code } }
                  removeOrganizationMember(input: {organizationId: $acme, userId: $bob}) { removedUserId }
                }""").variable("acme", demo.acme()).variable("alice", demo.alice()).variable("bob", demo.bob())
                .variable("member", logto.roleId("member")).execute();
        // then
        assertThat(assertError(response, ErrorType.FORBIDDEN).getPath()).isEqualTo("removeOrganizationMember");
        assertThat(logto.memberRoleNames(demo.acme(), demo.alice())).containsExactly("member");
        assertThat(logto.memberIds(demo.acme())).contains(demo.bob());
    }

    // ---------------------------------------------------------------- viewerCan agrees with the mutations

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alice", "bob", "maria"})
    void viewerCan_forEachPersona_agreesWithWhatEachMutationThenDoes(String persona) {
        // given
        Capabilities can = as(personaId(Acme.seed(logto), persona)).documentName("organizationViewerCan")
                .variable("id", logto.organizationIds().get(0)).execute()
                .path("organization.viewerCan").entity(Capabilities.class).get();
        // when
        boolean updated = succeeded(persona, "updateOrganization", acme -> Map.of("organizationId", acme.id(), "name", "Renamed"));
        boolean deleted = succeeded(persona, "deleteOrganization", acme -> Map.of("organizationId", acme.id()));
        boolean added = succeeded(persona, "addOrganizationMembers", acme -> Map.of("organizationId", acme.id(),
                "userIds", List.of(acme.demo().carol()), "roleIds", List.of(logto.roleId("guest"))));
        boolean rolesUpdated = succeeded(persona, "updateMemberRoles", acme -> Map.of("organizationId", acme.id(),
                "userId", acme.gus(), "roleIds", List.of(logto.roleId("manager"))));
        boolean removed = succeeded(persona, "removeOrganizationMember", acme -> Map.of("organizationId", acme.id(), "userId", acme.gus()));
        boolean left = succeeded(persona, "leaveOrganization", acme -> Map.of("organizationId", acme.id()));
        // then
        assertThat(new Capabilities(updated, deleted, added, rolesUpdated, removed, left)).isEqualTo(can);
    }

    /** Runs one mutation as the persona on a fresh tenant: true when it did what it was asked, false when refused. */
    private boolean succeeded(String persona, String mutation, java.util.function.Function<Acme, Map<String, Object>> input) {
        logto.reset();
        Acme acme = Acme.seed(logto);
        var response = as(personaId(acme, persona)).document("mutation($input: " + Character.toUpperCase(mutation.charAt(0))
                + mutation.substring(1) + "Input!) { " + mutation + "(input: $input) { userErrors { code } } }")
                .variable("input", input.apply(acme)).execute();
        List<Object> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        if (!errors.isEmpty()) {
            assertError(response, ErrorType.FORBIDDEN);
            return false;
        }
        return response.path(mutation + ".userErrors").entityList(Object.class).get().isEmpty();
    }

    private static String personaId(Acme acme, String persona) {
        return switch (persona) {
            case "alice" -> acme.demo().alice();
            case "bob" -> acme.demo().bob();
            default -> acme.maria();
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> userErrors(GraphQlTester.Response response, String mutation) {
        return (List<Map<String, Object>>) (List<?>) response.path(mutation + ".userErrors").entityList(Map.class).get();
    }
}
