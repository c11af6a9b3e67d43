package dev.orgbff.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateGraphQlTests extends GraphQlTestSupport {

    @Test
    void organizationTemplate_userAndMachineRoles_listsUserRolesByNameWithPermissionsAndApiScopes() {
        // given
        String invite = logto.createOrganizationScope("invite:member", null);
        String manage = logto.createOrganizationScope("manage:member", null);
        String delete = logto.createOrganizationScope("delete:member", null);
        logto.createOrganizationRole("viewer", null);
        logto.createOrganizationRole("member", "Belongs to the organization and may invite", "invite:member");
        logto.createMachineRole("billing-bot", "invite:member");
        logto.createOrganizationRole("admin", "Manages the members", "manage:member", "invite:member", "delete:member");
        String reports = logto.createApiResource("Reports API", "https://reports.example.com");
        String readReports = logto.createApiScope(reports, "read:reports", "Read reports");
        String writeReports = logto.createApiScope(reports, "write:reports", null);
        String billing = logto.createApiResource("Billing API", "https://billing.example.com");
        String viewInvoices = logto.createApiScope(billing, "view:invoices", null);
        logto.grantApiScopes("admin", writeReports, viewInvoices, readReports);
        logto.grantApiScopes("member", readReports);
        logto.grantApiScopes("billing-bot", viewInvoices);
        String user = logto.createUser("eve", "eve@example.test", "Eve");
        // when
        var response = as(user).documentName("organizationTemplate").execute();
        // then
        response.path("organizationTemplate.roles[*].name").entityList(String.class).containsExactly("admin", "member", "viewer");
        response.path("organizationTemplate.roles[0].id").entity(String.class).isEqualTo(logto.roleId("admin"));
        response.path("organizationTemplate.roles[0].description").entity(String.class).isEqualTo("Manages the members");
        response.path("organizationTemplate.roles[0].permissions[*].name").entityList(String.class)
                .containsExactly("delete:member", "invite:member", "manage:member");
        response.path("organizationTemplate.roles[0].permissions[*].id").entityList(String.class).containsExactly(delete, invite, manage);
        // sorted by resource name, then name: a sort by name alone would put view:invoices between the two
        response.path("organizationTemplate.roles[0].apiScopes[*].name").entityList(String.class)
                .containsExactly("view:invoices", "read:reports", "write:reports");
        response.path("organizationTemplate.roles[0].apiScopes[*].id").entityList(String.class)
                .containsExactly(viewInvoices, readReports, writeReports);
        response.path("organizationTemplate.roles[0].apiScopes[*].resource.id").entityList(String.class)
                .containsExactly(billing, reports, reports);
        response.path("organizationTemplate.roles[0].apiScopes[*].resource.name").entityList(String.class)
                .containsExactly("Billing API", "Reports API", "Reports API");
        response.path("organizationTemplate.roles[1].id").entity(String.class).isEqualTo(logto.roleId("member"));
        response.path("organizationTemplate.roles[1].permissions[*].id").entityList(String.class).containsExactly(invite);
        response.path("organizationTemplate.roles[1].apiScopes[*].id").entityList(String.class).containsExactly(readReports);
        response.path("organizationTemplate.roles[2].description").valueIsNull();
        response.path("organizationTemplate.roles[2].permissions").entityList(Object.class).hasSize(0);
        response.path("organizationTemplate.roles[2].apiScopes").entityList(Object.class).hasSize(0);
    }

    @Test
    void organizationTemplate_roleWithTenPermissions_sortsThemByNameNotByLogtosIdOrder() {
        // given: Logto lists a role's permissions by (random) id; with ten, an id order that happens to match
        // the name order is a one in 3.6 million chance
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add("permission:" + i);
            logto.createOrganizationScope("permission:" + i, null);
        }
        logto.createOrganizationRole("admin", null, names.toArray(String[]::new));
        String user = logto.createUser("eve", "eve@example.test", "Eve");
        // when
        var response = as(user).documentName("organizationTemplate").execute();
        // then
        response.path("organizationTemplate.roles[0].permissions[*].name").entityList(String.class).containsExactly(names.toArray(String[]::new));
    }

    @Test
    void organizationTemplatePermissions_describedAndUndescribed_listsEveryPermissionByNameWithDescription() {
        // given
        String manage = logto.createOrganizationScope("manage:member", "Change members' roles");
        String invite = logto.createOrganizationScope("invite:member", "Invite people");
        String export = logto.createOrganizationScope("export:data", null); // granted by no role: still a permission
        logto.createOrganizationRole("admin", null, "invite:member", "manage:member");
        String user = logto.createUser("eve", "eve@example.test", "Eve");
        logto.resetCalls();
        // when
        var response = as(user).documentName("organizationTemplatePermissions").execute();
        // then
        response.path("organizationTemplate.permissions[*].name").entityList(String.class)
                .containsExactly("export:data", "invite:member", "manage:member");
        response.path("organizationTemplate.permissions[*].id").entityList(String.class).containsExactly(export, invite, manage);
        response.path("organizationTemplate.permissions[0].description").valueIsNull();
        response.path("organizationTemplate.permissions[1].description").entity(String.class).isEqualTo("Invite people");
        response.path("organizationTemplate.permissions[2].description").entity(String.class).isEqualTo("Change members' roles");
        assertThat(logto.calls("GET /api/organization-scopes")).isEqualTo(1);
    }

    @Test
    void organizationTemplate_rolesOnly_costsOneUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String reports = logto.createApiResource("Reports API", "https://reports.example.com");
        logto.grantApiScopes("admin", logto.createApiScope(reports, "read:reports", null), logto.createApiScope(reports, "write:reports", null));
        logto.createMachineRole("billing-bot", "invite:member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationTemplate").execute();
        // then
        response.path("organizationTemplate.roles[*].name").entityList(String.class).containsExactly("admin", "member");
        response.path("organizationTemplate.roles[0].apiScopes[*].name").entityList(String.class).containsExactly("read:reports", "write:reports");
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(1);
    }

    @Test
    void organizationTemplateDescriptions_everyPermissionOfSeveralRoles_costsTwoUpstreamCalls() {
        // given
        seedDescribedTemplate();
        String user = logto.createUser("eve", "eve@example.test", "Eve");
        logto.resetCalls();
        // when
        var response = as(user).documentName("organizationTemplateDescriptions").execute();
        // then
        response.path("organizationTemplate.roles[*].name").entityList(String.class).containsExactly("admin", "member");
        response.path("organizationTemplate.roles[0].permissions[*].name").entityList(String.class)
                .containsExactly("invite:member", "manage:member");
        response.path("organizationTemplate.roles[0].permissions[*].description").entityList(String.class)
                .containsExactly("Invite people", "Change members' roles");
        response.path("organizationTemplate.roles[1].permissions[*].description").entityList(String.class)
                .containsExactly("Invite people");
        response.path("organizationTemplate.permissions[*].description").entityList(String.class)
                .containsExactly("Invite people", "Change members' roles");
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-scopes")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(2);
    }

    @Test
    void organizationTemplateAndSwitcherDescriptions_templateAndViewerRoles_shareOneCallOfEach() {
        // given
        seedDescribedTemplate();
        String eve = logto.createUser("eve", "eve@example.test", "Eve");
        for (int i = 0; i < 3; i++) {
            logto.addMember(logto.createOrganization("Org " + i, null), eve, i == 1 ? "admin" : "member");
        }
        logto.resetCalls();
        // when
        var response = as(eve).documentName("organizationTemplateAndSwitcherDescriptions").execute();
        // then
        response.path("organizationTemplate.roles[0].permissions[*].description").entityList(String.class)
                .containsExactly("Invite people", "Change members' roles");
        response.path("viewer.organizations.edges[*].node.name").entityList(String.class).containsExactly("Org 0", "Org 1", "Org 2");
        response.path("viewer.organizations.edges[0].node.viewerRoles[0].permissions[*].description").entityList(String.class)
                .containsExactly("Invite people");
        response.path("viewer.organizations.edges[1].node.viewerRoles[0].permissions[*].description").entityList(String.class)
                .containsExactly("Invite people", "Change members' roles");
        response.path("viewer.organizations.edges[2].node.viewerRoles[0].permissions[*].description").entityList(String.class)
                .containsExactly("Invite people");
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-scopes")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} roles besides admin and member")
    @CsvSource({"98, 1", "99, 2", "120, 2"})
    void organizationTemplate_moreRolesThanOneLogtoPage_followsThePages(int extraRoles, int expectedCalls) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        List<String> expected = new ArrayList<>(List.of("admin", "member"));
        for (int i = 0; i < extraRoles; i++) {
            String name = String.format("role-%03d", i);
            logto.createOrganizationRole(name, null, "invite:member");
            expected.add(name);
        }
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationTemplateRoleNames").execute();
        // then
        response.path("organizationTemplate.roles[*].name").entityList(String.class).containsExactly(expected.toArray(String[]::new));
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(expectedCalls);
        assertThat(logto.apiCalls()).isEqualTo(expectedCalls);
    }

    @Test
    void organizationTemplate_signedInUserInNoOrganization_readsTheTemplate() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("organizationTemplate").execute();
        // then
        response.errors().verify();
        response.path("organizationTemplate.roles[*].name").entityList(String.class).containsExactly("admin", "member");
        response.path("organizationTemplate.roles[0].permissions[*].name").entityList(String.class)
                .containsExactly(DemoTenant.ADMIN_PERMISSIONS);
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(1);
    }

    @Test
    void organizationTemplate_noToken_unauthorizedWithoutUpstreamCall() {
        // given
        DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ organizationTemplate { roles { name } } }"))
                .exchange();
        // then
        response.expectStatus().isUnauthorized();
        assertThat(logto.calls()).isEmpty();
    }

    @Test
    void organizationTemplate_logtoUnavailable_upstreamUnavailableAfterRetries() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail("GET /api/organization-roles", Fault.status(503, "unavailable"));
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("organizationTemplate").execute();
        // then
        var error = assertError(response, "UPSTREAM_UNAVAILABLE");
        assertThat(error.getMessage()).doesNotContain("503").doesNotContain(logto.endpoint());
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(3); // a read is retried twice
    }

    /** Two described permissions, {@code admin} granting both and {@code member} granting {@code invite:member}. */
    private static void seedDescribedTemplate() {
        logto.createOrganizationScope("manage:member", "Change members' roles");
        logto.createOrganizationScope("invite:member", "Invite people");
        logto.createOrganizationRole("admin", null, "manage:member", "invite:member");
        logto.createOrganizationRole("member", null, "invite:member");
    }
}
