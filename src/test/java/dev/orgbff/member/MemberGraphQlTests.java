package dev.orgbff.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class MemberGraphQlTests extends GraphQlTestSupport {

    private static final String MEMBERS = "GET /api/organizations/{id}/users";

    @Test
    void members_member_listsEveryMemberWithRolesAndPermissionsOrderedById() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        List<String> ids = new ArrayList<>(List.of(demo.alice(), demo.bob()));
        ids.sort(null);
        // when
        var response = as(demo.bob()).documentName("organizationMembers").variable("id", demo.acme()).execute();
        // then
        response.path("organization.members.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("organization.members.edges[*].node.user.id").entityList(String.class).containsExactly(ids.toArray(String[]::new));
        int alice = ids.indexOf(demo.alice());
        int bob = ids.indexOf(demo.bob());
        response.path("organization.members.edges[" + alice + "].node.user.name").entity(String.class).isEqualTo("Alice Adams");
        response.path("organization.members.edges[" + alice + "].node.user.primaryEmail").entity(String.class).isEqualTo("alice@acme.test");
        response.path("organization.members.edges[" + alice + "].node.roles[*].name").entityList(String.class).containsExactly("admin");
        response.path("organization.members.edges[" + alice + "].node.permissions").entityList(String.class)
                .containsExactly(DemoTenant.ADMIN_PERMISSIONS);
        response.path("organization.members.edges[" + alice + "].node.isViewer").entity(Boolean.class).isEqualTo(false);
        response.path("organization.members.edges[" + bob + "].node.roles[*].name").entityList(String.class).containsExactly("member");
        response.path("organization.members.edges[" + bob + "].node.permissions").entityList(String.class).containsExactly("invite:member");
        response.path("organization.members.edges[" + bob + "].node.isViewer").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void organizationPage_hundredMembersAsAdmin_costsFourUpstreamCallsWithoutPerMemberLookups() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 98; i++) {
            logto.addMember(demo.acme(), logto.createUser(String.format("user%02d", i), String.format("user%02d@acme.test", i), "User " + i),
                    i % 2 == 0 ? "member" : "admin");
        }
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationPage").variable("id", demo.acme()).execute();
        // then
        response.path("organization.members.totalCount").entity(Integer.class).isEqualTo(100);
        response.path("organization.members.edges").entityList(Object.class).hasSize(100);
        response.path("organization.members.edges[*].node.roles[0].name").entityList(String.class).contains("admin", "member");
        response.path("organization.viewerCan.leave").entity(Boolean.class).isEqualTo(true);
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.calls(MEMBERS)).isEqualTo(2); // the page, and viewerCan's admin count (alice is an admin)
        assertThat(logto.calls("GET /api/users/{userId}")).isZero();
        assertThat(logto.calls("GET /api/users")).isZero();
        assertThat(logto.apiCalls()).isEqualTo(4);
    }

    @Test
    void organizationPage_hundredMembersAsMember_costsThreeUpstreamCalls() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 98; i++) {
            logto.addMember(demo.acme(), logto.createUser(String.format("user%02d", i), null, null), "member");
        }
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("organizationPage").variable("id", demo.acme()).execute();
        // then
        response.path("organization.members.edges").entityList(Object.class).hasSize(100);
        response.path("organization.viewerPermissions").entityList(String.class).containsExactly("invite:member");
        response.path("organization.viewerCan.leave").entity(Boolean.class).isEqualTo(true);
        assertThat(logto.calls()).containsOnlyKeys("GET /api/users/{userId}/organizations", "GET /api/organization-roles", MEMBERS);
        assertThat(logto.apiCalls()).isEqualTo(3);
    }

    @Test
    void members_pagedWithCursors_eachPageIsOneLogtoCallAndTheWalkCoversEveryMemberOnce() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 5; i++) {
            logto.addMember(demo.acme(), logto.createUser("user" + i, null, null), "member");
        }
        List<String> expected = new ArrayList<>(logto.memberIds(demo.acme()));
        List<String> walked = new ArrayList<>();
        String after = null;
        boolean hasNextPage = true;
        logto.resetCalls();
        // when
        int pages = 0;
        while (hasNextPage) {
            var page = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme())
                    .variable("first", 3).variable("after", after).execute();
            walked.addAll(page.path("organization.members.edges[*].node.user.id").entityList(String.class).get());
            after = page.path("organization.members.pageInfo.endCursor").entity(String.class).get();
            hasNextPage = page.path("organization.members.pageInfo.hasNextPage").entity(Boolean.class).get();
            pages++;
        }
        // then
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
        assertThat(logto.calls(MEMBERS)).isEqualTo(3);
    }

    @ParameterizedTest(name = "after edge {0}, first {1}")
    @CsvSource({"0, 3", "1, 3", "1, 5", "2, 2", "4, 1"})
    void members_afterAnyEdgeCursor_returnsTheFollowingMembersWithOneLogtoCall(int edge, int first) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        for (int i = 0; i < 6; i++) {
            logto.addMember(demo.acme(), logto.createUser("user" + i, null, null), "member");
        }
        List<String> all = new ArrayList<>(logto.memberIds(demo.acme()));
        String cursor = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme()).variable("first", 8).execute()
                .path("organization.members.edges[" + edge + "].cursor").entity(String.class).get();
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme())
                .variable("first", first).variable("after", cursor).execute();
        // then
        response.path("organization.members.edges[*].node.user.id").entityList(String.class)
                .containsExactly(all.subList(edge + 1, Math.min(all.size(), edge + 1 + first)).toArray(String[]::new));
        response.path("organization.members.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        response.path("organization.members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(edge + 1 + first < all.size());
        assertThat(logto.calls(MEMBERS)).isEqualTo(1);
    }

    @Test
    void members_firstZero_answersTotalCountWithoutEdges() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme()).variable("first", 0).execute();
        // then
        response.path("organization.members.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("organization.members.edges").entityList(Object.class).hasSize(0);
        response.path("organization.members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        assertThat(logto.calls(MEMBERS)).isEqualTo(1);
    }

    @Test
    void members_queryAndRoleFilter_passedToLogto() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.acme(), logto.createUser("eve", "eve@acme.test", "Eve Evans"), "admin");
        // when
        var byName = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme()).variable("query", "  EVANS ").execute();
        var admins = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme())
                .variable("roleId", logto.roleId("admin")).execute();
        // then
        byName.path("organization.members.edges[*].node.user.username").entityList(String.class).containsExactly("eve");
        byName.path("organization.members.totalCount").entity(Integer.class).isEqualTo(1);
        assertThat(admins.path("organization.members.edges[*].node.user.username").entityList(String.class).get())
                .containsExactlyInAnyOrder("alice", "eve");
    }

    @ParameterizedTest(name = "query \"{0}\"")
    @ValueSource(strings = {"\u00A0", "\u200B\u3000", "\u3164", "\u0085"})
    void members_queryOfUnicodeBlanks_listsEveryMember(String query) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme()).variable("query", query).execute();
        // then
        response.path("organization.members.totalCount").entity(Integer.class).isEqualTo(2);
        assertThat(response.path("organization.members.edges[*].node.user.id").entityList(String.class).get())
                .containsExactlyInAnyOrder(demo.alice(), demo.bob());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", value = {
        "padded|b2Zmc2V0OjA=",
        "signed|b2Zmc2V0Oisw",
        "leading zeros|b2Zmc2V0OjAw",
        "Arabic-Indic digit|b2Zmc2V0Otmg"})
    @ExtendWith(OutputCaptureExtension.class)
    void members_afterCursorNeverIssued_badRequestNamingAfterWithoutMembersCall(String spelling, String cursor, CapturedOutput output) {
        // given: each decodes to position 0, whose issued cursor is b2Zmc2V0OjA ("offset:0")
        DemoTenant demo = DemoTenant.seed(logto);
        String issued = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme()).variable("first", 1).execute()
                .path("organization.members.edges[0].cursor").entity(String.class).get();
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme())
                .variable("after", cursor).execute();
        // then
        assertThat(issued).isEqualTo("b2Zmc2V0OjA");
        var error = assertError(response, ErrorType.BAD_REQUEST);
        assertThat(error.getMessage()).isEqualTo("Argument 'after' is not a cursor issued by this API");
        assertThat(logto.calls(MEMBERS)).isZero();
        assertThat(output).contains("BAD_REQUEST at /organization/members: Argument 'after' is not a cursor issued by this API")
                .doesNotContain("at dev.orgbff.graphql.relay.OffsetCursorStrategy");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", value = {
        "first: 101|first",
        "first: -1|first",
        "query with a line break|query",
        "query of 129 characters|query",
        "roleId not an id|roleId",
        "after not a cursor|after"})
    void members_badArgument_badRequestNamingItWithoutMembersCall(String problem, String argument) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        Map<String, Object> variables = switch (problem) {
            case "first: 101" -> Map.of("first", 101);
            case "first: -1" -> Map.of("first", -1);
            case "query with a line break" -> Map.of("query", "bob\nDROP");
            case "query of 129 characters" -> Map.of("query", "q".repeat(129));
            case "roleId not an id" -> Map.of("roleId", "../../admin");
            default -> Map.of("after", "b2Zmc2V0OisxCg");
        };
        logto.resetCalls();
        // when
        var request = as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme());
        variables.forEach(request::variable);
        var response = request.execute();
        // then
        var error = assertError(response, ErrorType.BAD_REQUEST);
        assertThat(error.getMessage()).contains("'" + argument + "'");
        assertThat(logto.calls(MEMBERS)).isZero();
    }

    @Test
    void members_ofOrganizationTheTokenIsNotScopedTo_notFound() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "member");
        String acmeToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme()).scope("invite:member").sign();
        logto.resetCalls();
        // when
        var response = withToken(acmeToken).document("""
                { viewer { organizations { edges { node { name members { totalCount } } } } } }""").execute();
        // then
        var error = assertError(response, ErrorType.NOT_FOUND);
        assertThat(error.getPath()).isEqualTo("viewer.organizations.edges[1].node.members");
        response.path("viewer.organizations.edges[1].node.members").valueIsNull(); // nullable: the rest of the answer stands
        response.path("viewer.organizations.edges[0].node.members.totalCount").entity(Integer.class).isEqualTo(2);
        assertThat(logto.calls(MEMBERS)).isEqualTo(1);
    }

    @Test
    void member_byUserId_returnsTheMemberWithRoles() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("organizationMember").variable("id", demo.acme()).variable("userId", demo.alice()).execute();
        // then
        response.path("organization.member.user.name").entity(String.class).isEqualTo("Alice Adams");
        response.path("organization.member.roles[*].name").entityList(String.class).containsExactly("admin");
        response.path("organization.member.isViewer").entity(Boolean.class).isEqualTo(false);
        assertThat(logto.calls(MEMBERS)).isEqualTo(1);
    }

    @ParameterizedTest(name = "userId \"{0}\"")
    @ValueSource(strings = {"../users", "%", "a b", "\u200B", "user_id_that_is_far_too_long_user_id_that_is_far_too_long_user_id_that_is_far_too_long_user_id_that_is_far_too_long_user_id_that_is_far"})
    void member_malformedUserId_badRequestWithoutMembersCall(String userId) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("organizationMember").variable("id", demo.acme()).variable("userId", userId).execute();
        // then
        assertThat(assertError(response, ErrorType.BAD_REQUEST).getMessage()).contains("'userId'");
        assertThat(logto.calls(MEMBERS)).isZero();
    }

    @Test
    void member_userOfAnotherOrganization_notFoundWhileTheOrganizationIsStillShown() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.bob()).documentName("organizationMember").variable("id", demo.acme()).variable("userId", demo.dave()).execute();
        // then
        var error = assertError(response, ErrorType.NOT_FOUND);
        assertThat(error.getPath()).isEqualTo("organization.member");
        response.path("organization.member").valueIsNull();
    }

    @Test
    void member_organizationOfSomeoneElse_answersLikeMissingOrganization() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var foreign = as(demo.carol()).documentName("organizationMember").variable("id", demo.acme()).variable("userId", demo.alice()).execute();
        var missing = as(demo.carol()).documentName("organizationMember").variable("id", "nosuchorg123").variable("userId", demo.alice()).execute();
        // then
        var foreignError = assertError(foreign, ErrorType.NOT_FOUND);
        var missingError = assertError(missing, ErrorType.NOT_FOUND);
        assertThat(foreignError.getMessage()).isEqualTo(missingError.getMessage());
        assertThat(foreignError.getPath()).isEqualTo(missingError.getPath()).isEqualTo("organization");
    }

    @Test
    void viewerCan_admin_mayDoEverythingAndLeaveWhileAnotherAdminRemains() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var lastAdmin = as(demo.alice()).documentName("organizationViewerCan").variable("id", demo.acme()).execute();
        logto.addMember(demo.acme(), logto.createUser("eve", null, null), "admin");
        var oneOfTwo = as(demo.alice()).documentName("organizationViewerCan").variable("id", demo.acme()).execute();
        // then
        lastAdmin.path("organization.viewerCan").entity(Capabilities.class)
                .isEqualTo(new Capabilities(true, true, true, true, true, false));
        oneOfTwo.path("organization.viewerCan.leave").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void viewerCanOnTheSwitcher_withoutLeave_costsNoAdminCount() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "admin");
        logto.resetCalls();
        // when
        var withoutLeave = as(demo.alice()).document("""
                { viewer { organizations { edges { node { viewerCan { updateOrganization addMembers } } } } } }""").execute();
        int countsWithoutLeave = logto.calls(MEMBERS);
        var withLeave = as(demo.alice()).document("""
                { viewer { organizations { edges { node { viewerCan { leave } } } } } }""").execute();
        // then
        withoutLeave.path("viewer.organizations.edges[*].node.viewerCan.updateOrganization").entityList(Boolean.class).containsExactly(true, true);
        // alice is Acme's only admin; Globex has dave too
        withLeave.path("viewer.organizations.edges[*].node.viewerCan.leave").entityList(Boolean.class).containsExactly(false, true);
        assertThat(countsWithoutLeave).isZero();
        assertThat(logto.calls(MEMBERS)).isEqualTo(2); // one admin count per organization where alice is an admin
    }

    @Test
    void members_aliasedToFanOut_refusedByTheComplexityLimitBeforeAnyUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            aliases.append(" m").append(i).append(": members(first: 0, query: \"x").append(i).append("\") { totalCount }");
        }
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document("query($id: ID!) { organization(id: $id) {" + aliases + " } }")
                .variable("id", demo.acme()).execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("maximum query complexity")));
        assertThat(logto.calls()).isEmpty();
    }

    @Test
    void member_moreThanHundredMembersMatchTheId_stillFound() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", null, "Eve");
        logto.addMember(demo.acme(), eve, "member");
        for (int i = 0; i < 101; i++) {
            logto.addMember(demo.acme(), logto.createUser("lookalike" + i, null, "Not " + eve), "member");
        }
        // when
        var response = as(demo.bob()).documentName("organizationMember").variable("id", demo.acme()).variable("userId", eve).execute();
        // then
        response.path("organization.member.user.name").entity(String.class).isEqualTo("Eve");
        assertThat(logto.calls(MEMBERS)).isBetween(1, 2); // a second page only when eve is not among the first 100
    }

    @Test
    void viewerCan_member_mayOnlyLeave() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("organizationViewerCan").variable("id", demo.acme()).execute();
        // then
        response.path("organization.viewerCan").entity(Capabilities.class)
                .isEqualTo(new Capabilities(false, false, false, false, false, true));
        assertThat(logto.calls(MEMBERS)).isZero(); // no admin count for someone who is not an admin
    }

    @Test
    void viewerCan_organizationTokenWithFewerScopes_followsTheToken() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String token = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme()).scope("manage:member").sign();
        // when
        var response = withToken(token).documentName("organizationViewerCan").variable("id", demo.acme()).execute();
        // then
        response.path("organization.viewerCan").entity(Capabilities.class)
                .isEqualTo(new Capabilities(false, false, true, true, false, false));
    }
}
