package dev.orgbff.viewer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerGraphQlTests extends GraphQlTestSupport {

    @Test
    void viewerOrganizations_admin_listsOrganizationWithRolesAndPermissions() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        response.path("viewer.organizations.edges[0].node.id").entity(String.class).isEqualTo(demo.acme());
        response.path("viewer.organizations.edges[0].node.name").entity(String.class).isEqualTo("Acme");
        response.path("viewer.organizations.edges[0].node.description").entity(String.class).isEqualTo("Acme Corporation");
        response.path("viewer.organizations.edges[0].node.isMfaRequired").entity(Boolean.class).isEqualTo(false);
        response.path("viewer.organizations.edges[0].node.createdAt").entity(String.class)
                .satisfies(createdAt -> assertThat(createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        response.path("viewer.organizations.edges[0].node.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
        response.path("viewer.organizations.edges[0].node.viewerRoles[0].description").entity(String.class)
                .isEqualTo("Manages the organization and its members");
        response.path("viewer.organizations.edges[0].node.viewerPermissions").entityList(String.class)
                .containsExactly(DemoTenant.ADMIN_PERMISSIONS);
    }

    @Test
    void viewerOrganizations_member_hasOnlyMemberPermissions() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.bob()).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.edges[0].node.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        response.path("viewer.organizations.edges[0].node.viewerPermissions").entityList(String.class).containsExactly("invite:member");
    }

    @Test
    void viewerOrganizations_inNoOrganization_returnsEmptyConnection() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.carol()).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(0);
        response.path("viewer.organizations.edges").entityList(Object.class).hasSize(0);
        response.path("viewer.organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        response.path("viewer.organizations.pageInfo.endCursor").valueIsNull();
    }

    @ParameterizedTest(name = "{0} organizations")
    @ValueSource(ints = {1, 25})
    void viewerOrganizations_anyNumberOfOrganizations_costsTwoUpstreamCalls(int count) {
        // given
        DemoTenant.seedTemplate(logto);
        String erin = logto.createUser("erin", "erin@example.test", "Erin");
        for (int i = 0; i < count; i++) {
            String organization = logto.createOrganization(String.format("Org %02d", i), null);
            logto.addMember(organization, erin, i % 2 == 0 ? "admin" : "member");
        }
        logto.resetCalls();
        // when
        var response = as(erin).documentName("viewerOrganizations").variable("first", 100).execute();
        // then
        response.path("viewer.organizations.edges").entityList(Object.class).hasSize(count);
        for (int i = 0; i < count; i++) {
            String node = "viewer.organizations.edges[" + i + "].node";
            response.path(node + ".name").entity(String.class).isEqualTo(String.format("Org %02d", i));
            response.path(node + ".viewerRoles[*].name").entityList(String.class).containsExactly(i % 2 == 0 ? "admin" : "member");
            response.path(node + ".viewerPermissions").entityList(String.class)
                    .containsExactly(i % 2 == 0 ? DemoTenant.ADMIN_PERMISSIONS : new String[] {"invite:member"});
        }
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(2);
    }

    @Test
    void organizationAndSwitcher_sameRequest_shareUpstreamCalls() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationAndSwitcher").variable("id", demo.globex()).execute();
        // then
        response.path("organization.name").entity(String.class).isEqualTo("Globex");
        response.path("viewer.organizations.edges[*].node.name").entityList(String.class).containsExactly("Acme", "Globex");
        assertThat(logto.apiCalls()).isEqualTo(2);
    }

    @Test
    void viewerOrganizations_pagedWithCursors_walksTheListInNameOrder() {
        // given
        DemoTenant.seedTemplate(logto);
        String erin = logto.createUser("erin", "erin@example.test", "Erin");
        for (String name : List.of("beta", "Gamma", "alpha")) {
            logto.addMember(logto.createOrganization(name, null), erin, "member");
        }
        // when
        var first = as(erin).documentName("viewerOrganizations").variable("first", 2).execute();
        String endCursor = first.path("viewer.organizations.pageInfo.endCursor").entity(String.class).get();
        var second = as(erin).documentName("viewerOrganizations").variable("first", 2).variable("after", endCursor).execute();
        // then
        first.path("viewer.organizations.edges[*].node.name").entityList(String.class).containsExactly("alpha", "beta");
        first.path("viewer.organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.path("viewer.organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        first.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(3);
        second.path("viewer.organizations.edges[*].node.name").entityList(String.class).containsExactly("Gamma");
        second.path("viewer.organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.path("viewer.organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void viewerOrganizations_noArguments_returnsFirstTwenty() {
        // given
        DemoTenant.seedTemplate(logto);
        String erin = logto.createUser("erin", "erin@example.test", "Erin");
        for (int i = 0; i < 21; i++) {
            logto.addMember(logto.createOrganization(String.format("Org %02d", i), null), erin, "member");
        }
        // when
        var response = as(erin).documentName("viewerOrganizationsDefaultPage").execute();
        // then
        response.path("viewer.organizations.edges").entityList(Object.class).hasSize(20);
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(21);
    }

    @ParameterizedTest(name = "first: {0}")
    @ValueSource(ints = {-1, 101})
    void viewerOrganizations_firstOutOfRange_badRequestWithoutUpstreamCall(int first) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").variable("first", first).execute();
        // then
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains("'first'");
        });
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void viewerOrganizations_cursorNotFromThisApi_badRequestNamingAfter() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").variable("after", "not-a-cursor!").execute();
        // then
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.get(0).getMessage()).contains("'after'");
        });
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void viewerOrganizations_organizationToken_narrowsPermissionsToThatOrganizationAndTokenScopes() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "admin");
        String acmeToken = logto.token(demo.alice())
                .audience("urn:logto:organization:" + demo.acme())
                .scope("invite:member manage:member")
                .sign();
        // when
        var response = withToken(acmeToken).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.edges[0].node.name").entity(String.class).isEqualTo("Acme");
        response.path("viewer.organizations.edges[0].node.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
        response.path("viewer.organizations.edges[0].node.viewerPermissions").entityList(String.class)
                .containsExactly("invite:member", "manage:member");
        response.path("viewer.organizations.edges[1].node.name").entity(String.class).isEqualTo("Globex");
        response.path("viewer.organizations.edges[1].node.viewerPermissions").entityList(String.class).hasSize(0);
    }

    @Test
    void viewerOrganizations_apiTokenWithOrganizationId_keepsPermissionsThereAndGrantsNoneElsewhere() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "member");
        String token = logto.token(demo.alice())
                .audience(logto.apiResource())
                .organizationId(demo.acme())
                .scope("read:reports write:reports") // API resource permissions, not organization permissions
                .sign();
        // when
        var response = withToken(token).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.edges[0].node.name").entity(String.class).isEqualTo("Acme");
        response.path("viewer.organizations.edges[0].node.viewerPermissions").entityList(String.class)
                .containsExactly(DemoTenant.ADMIN_PERMISSIONS);
        response.path("viewer.organizations.edges[1].node.name").entity(String.class).isEqualTo("Globex");
        response.path("viewer.organizations.edges[1].node.viewerPermissions").entityList(String.class).hasSize(0);
    }

    @Test
    void viewer_signedIn_returnsProfileFromLogto() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("viewer").execute();
        // then
        response.path("viewer.user").entity(new ParameterizedTypeReference<Map<String, Object>>() { }).satisfies(user -> {
            assertThat(user).containsEntry("id", demo.bob())
                    .containsEntry("username", "bob")
                    .containsEntry("name", "Bob Brown")
                    .containsEntry("primaryEmail", "bob@acme.test");
            assertThat(user.get("avatar")).isNull();
        });
        assertThat(logto.calls("GET /api/users")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(1);
    }

    @Test
    void viewer_userAskedFiveTimesWithAliases_costsOneUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("viewerAliases").execute();
        // then
        response.path("a.user.name").entity(String.class).isEqualTo("Bob Brown");
        response.path("e.user.name").entity(String.class).isEqualTo("Bob Brown");
        assertThat(logto.calls("GET /api/users")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(1);
    }

    @Test
    void viewer_userDeletedWhileTokenStillValid_notFound() {
        // given
        String ghost = "ghost0000001"; // a token for a user id Logto does not know
        // when
        var response = as(ghost).documentName("viewer").execute();
        // then
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
            assertThat(errors.get(0).getMessage()).isEqualTo("User not found");
        });
    }

    @Test
    void viewerOrganizations_userDeletedWhileTokenStillValid_noOrganizations() {
        // given
        DemoTenant.seedTemplate(logto);
        // when
        var response = as("ghost0000001").documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void viewerOrganizations_cursorPastTheEnd_returnsEmptyPage() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String lastPossible = Base64.getUrlEncoder().withoutPadding().encodeToString("offset:2147483646".getBytes(StandardCharsets.UTF_8));
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").variable("after", lastPossible).execute();
        // then
        response.path("viewer.organizations.edges").entityList(Object.class).hasSize(0);
        response.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        response.path("viewer.organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }
}
