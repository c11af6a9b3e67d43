package dev.orgbff.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationGraphQlTests extends GraphQlTestSupport {

    @Test
    void organization_member_returnsOrganizationWithViewerRolesAndPermissions() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("organization").variable("id", demo.acme()).execute();
        // then
        response.path("organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("organization.name").entity(String.class).isEqualTo("Acme");
        response.path("organization.customData").entity(Map.class).isEqualTo(Map.of());
        response.path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        response.path("organization.viewerPermissions").entityList(String.class).containsExactly("invite:member");
        assertThat(logto.apiCalls()).isEqualTo(2);
    }

    @Test
    void organization_nonMember_answersLikeMissingOrganization() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var nonMember = as(demo.carol()).documentName("organization").variable("id", demo.acme()).execute();
        var missing = as(demo.carol()).documentName("organization").variable("id", "nosuchorg123").execute();
        // then
        List<ResponseError> nonMemberErrors = errorsOf(nonMember);
        List<ResponseError> missingErrors = errorsOf(missing);
        nonMember.path("organization").valueIsNull();
        missing.path("organization").valueIsNull();
        assertThat(nonMemberErrors).hasSize(1);
        assertThat(nonMemberErrors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(missingErrors).hasSize(1);
        assertThat(missingErrors.get(0).getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(nonMemberErrors.get(0).getMessage()).isEqualTo(missingErrors.get(0).getMessage());
        assertThat(nonMemberErrors.get(0).getPath()).isEqualTo(missingErrors.get(0).getPath());
    }

    @Test
    void createOrganization_signedInUser_createsOrganizationWithCallerAsAdmin() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization")
                .variable("input", Map.of("name", "  Initech  ", "description", "Printers and TPS reports"))
                .execute();
        // then
        response.path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("createOrganization.organization.name").entity(String.class).isEqualTo("Initech");
        response.path("createOrganization.organization.description").entity(String.class).isEqualTo("Printers and TPS reports");
        response.path("createOrganization.organization.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
        response.path("createOrganization.organization.viewerPermissions").entityList(String.class)
                .containsExactly(DemoTenant.ADMIN_PERMISSIONS);
        String id = response.path("createOrganization.organization.id").entity(String.class).get();
        assertThat(logto.organizationExists(id)).isTrue();
        assertThat(logto.memberIds(id)).containsExactly(demo.carol());
        assertThat(logto.memberRoleNames(id, demo.carol())).containsExactly("admin");
        assertThat(logto.calls("POST /api/organizations")).isEqualTo(1);
        assertThat(logto.calls("POST /api/organizations/{id}/users")).isEqualTo(1);
        assertThat(logto.calls("POST /api/organizations/{id}/users/{userId}/roles")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1); // the admin role, then the payload's viewerRoles
        // the payload's viewerRoles read the new membership live, after the writes
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(5);
    }

    @Test
    void createOrganization_thenSwitcher_showsTheNewOrganization() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        as(demo.alice()).documentName("createOrganization").variable("input", Map.of("name", "Acme Labs")).execute()
                .path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
        // when
        var response = as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        response.path("viewer.organizations.edges[*].node.name").entityList(String.class).containsExactly("Acme", "Acme Labs");
        response.path("viewer.organizations.edges[1].node.description").valueIsNull();
    }

    @Test
    void createOrganization_blankName_returnsNameBlankWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", " \t ")).execute();
        // then
        response.path("createOrganization.organization").valueIsNull();
        response.path("createOrganization.userErrors[0].code").entity(String.class).isEqualTo("NAME_BLANK");
        response.path("createOrganization.userErrors[0].field").entityList(String.class).containsExactly("input", "name");
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.organizationIds()).hasSize(2);
    }

    @Test
    void createOrganization_nameAndDescriptionTooLong_returnsBothUserErrorsWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization")
                .variable("input", Map.of("name", "n".repeat(129), "description", "d".repeat(257)))
                .execute();
        // then
        response.path("createOrganization.organization").valueIsNull();
        response.path("createOrganization.userErrors[*].code").entityList(String.class)
                .containsExactly("NAME_TOO_LONG", "DESCRIPTION_TOO_LONG");
        response.path("createOrganization.userErrors[1].field").entityList(String.class).containsExactly("input", "description");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void createOrganization_longestAllowedName_isCreated() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String name = "\uD83C\uDFE2".repeat(64); // 128 UTF-16 code units, the unit Logto's guard counts
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", name)).execute();
        // then
        response.path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("createOrganization.organization.name").entity(String.class).isEqualTo(name);
    }

    @Test
    void createOrganization_nameOverLogtosLimitInCodeUnits_returnsNameTooLongWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        String name = "\uD83C\uDFE2".repeat(65); // 65 characters but 130 UTF-16 code units: Logto would refuse it
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", name)).execute();
        // then
        response.path("createOrganization.userErrors[0].code").entity(String.class).isEqualTo("NAME_TOO_LONG");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void createOrganization_missingName_badRequestWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("description", "x")).execute();
        // then
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getMessage()).contains("name");
        });
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void createOrganization_addingMemberFails_deletesOrganizationAndReportsSetupFailure() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext("POST /api/organizations/{id}/users", Fault.status(500, "unexpected"));
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
        // then
        response.path("createOrganization.organization").valueIsNull();
        response.path("createOrganization.userErrors[0].code").entity(String.class).isEqualTo("ORGANIZATION_SETUP_FAILED");
        response.path("createOrganization.userErrors[0].field").valueIsNull();
        assertThat(logto.organizationIds()).containsExactlyInAnyOrder(demo.acme(), demo.globex());
        assertThat(logto.calls("POST /api/organizations/{id}/users/{userId}/roles")).isZero();
        assertThat(logto.calls("DELETE /api/organizations/{id}")).isEqualTo(1);
    }

    @Test
    void createOrganization_assigningAdminRoleFails_deletesOrganizationAndReportsSetupFailure() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext("POST /api/organizations/{id}/users/{userId}/roles", Fault.status(500, "unexpected"));
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
        // then
        response.path("createOrganization.userErrors[0].code").entity(String.class).isEqualTo("ORGANIZATION_SETUP_FAILED");
        assertThat(logto.organizationIds()).containsExactlyInAnyOrder(demo.acme(), demo.globex());
        assertThat(logto.calls("DELETE /api/organizations/{id}")).isEqualTo(1);
    }

    @Test
    void createOrganization_adminRoleMissingFromTemplate_internalErrorWithoutAnyWrite() {
        // given
        String erin = logto.createUser("erin", "erin@example.test", "Erin");
        logto.resetCalls();
        // when
        var response = as(erin).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR)));
        assertThat(logto.calls()).containsOnlyKeys("GET /api/organization-roles");
        assertThat(logto.organizationIds()).isEmpty();
    }

    @Test
    void createOrganization_undoDeleteFailsOnce_deleteRetriedAndNoOrganizationLeft() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext("POST /api/organizations/{id}/users/{userId}/roles", Fault.status(500, "unexpected"));
        logto.failNext("DELETE /api/organizations/{id}", Fault.status(503, "unavailable"));
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
        // then
        response.path("createOrganization.userErrors[0].code").entity(String.class).isEqualTo("ORGANIZATION_SETUP_FAILED");
        response.path("createOrganization.userErrors[0].message").entity(String.class)
                .isEqualTo("The organization could not be set up, so it was not created. Try again.");
        assertThat(logto.organizationIds()).containsExactlyInAnyOrder(demo.acme(), demo.globex());
        assertThat(logto.calls("DELETE /api/organizations/{id}")).isEqualTo(2);
    }

    @Test
    void createOrganization_undoImpossible_saysTheOrganizationMayRemain() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext("POST /api/organizations/{id}/users/{userId}/roles", Fault.status(500, "unexpected"));
        logto.fail("DELETE /api/organizations/{id}", Fault.status(500, "unexpected"));
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
        // then
        response.path("createOrganization.organization").valueIsNull();
        response.path("createOrganization.userErrors[0].code").entity(String.class).isEqualTo("ORGANIZATION_SETUP_FAILED");
        response.path("createOrganization.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("may still be listed"));
        assertThat(logto.calls("DELETE /api/organizations/{id}")).isEqualTo(1); // a 500 is not retried
    }

    @Test
    void createOrganization_noToken_unauthorizedWithoutUpstreamCall() {
        // given
        DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = webTestClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "mutation { createOrganization(input: {name: \"Initech\"}) { userErrors { code } } }"))
                .exchange();
        // then
        response.expectStatus().isUnauthorized();
        assertThat(logto.calls()).isEmpty();
        assertThat(logto.organizationIds()).hasSize(2);
    }

    @Test
    void organization_tokenScopedToAnotherOrganization_answersLikeMissingOrganization() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "member");
        String acmeToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme()).scope("invite:member").sign();
        // when
        var response = withToken(acmeToken).documentName("organization").variable("id", demo.globex()).execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
        response.path("organization").valueIsNull();
    }

    @Test
    void organization_missingId_validationErrorWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document("{ organization { id } }").execute();
        // then
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getMessage()).contains("id");
        });
        assertThat(logto.calls()).isEmpty();
    }

    @Test
    void createOrganization_logtoUnavailable_upstreamUnavailableErrorAndNoRetryOfTheWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail("POST /api/organizations", Fault.status(503, "unavailable"));
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
        // then
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(errors.get(0).getMessage()).doesNotContain("503").doesNotContain(logto.endpoint());
        });
        assertThat(logto.calls("POST /api/organizations")).isEqualTo(1);
        assertThat(logto.organizationIds()).hasSize(2);
    }

    private static List<ResponseError> errorsOf(GraphQlTester.Response response) {
        List<ResponseError> captured = new ArrayList<>();
        response.errors().satisfy(captured::addAll);
        return captured;
    }
}
