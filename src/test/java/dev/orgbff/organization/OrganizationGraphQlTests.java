package dev.orgbff.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationGraphQlTests extends GraphQlTestSupport {

    private static final String PATCH = "PATCH /api/organizations/{id}";
    private static final String DELETE = "DELETE /api/organizations/{id}";

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
        String eve = logto.createUser("eve", "eve@example.test", "Eve");
        logto.resetCalls();
        // when
        var response = as(eve).documentName("createOrganization").variable("input", Map.of("name", "Initech")).execute();
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

    @Test
    void updateOrganization_admin_changesNameAndDescription() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Acme Inc", "description", "Anvils and rockets"))
                .execute();
        // then
        response.path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateOrganization.organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("updateOrganization.organization.name").entity(String.class).isEqualTo("Acme Inc");
        response.path("updateOrganization.organization.description").entity(String.class).isEqualTo("Anvils and rockets");
        response.path("updateOrganization.organization.customData").entity(Map.class).isEqualTo(Map.of());
        response.path("updateOrganization.organization.isMfaRequired").entity(Boolean.class).isEqualTo(false);
        response.path("updateOrganization.organization.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.calls(PATCH)).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(3);
        var stored = readBack(demo.bob(), demo.acme());
        stored.path("organization.name").entity(String.class).isEqualTo("Acme Inc");
        stored.path("organization.description").entity(String.class).isEqualTo("Anvils and rockets");
    }

    @Test
    void updateOrganization_nameOnly_keepsDescriptionAndCustomData() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        update(demo.alice(), Map.of("organizationId", demo.acme(), "customData", Map.of("plan", "pro")));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Acme Inc"))
                .execute();
        // then
        response.path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateOrganization.organization.name").entity(String.class).isEqualTo("Acme Inc");
        response.path("updateOrganization.organization.description").entity(String.class).isEqualTo("Acme Corporation");
        response.path("updateOrganization.organization.customData").entity(Map.class).isEqualTo(Map.of("plan", "pro"));
        assertThat(logto.calls(PATCH)).isEqualTo(1);
        var stored = readBack(demo.alice(), demo.acme());
        stored.path("organization.name").entity(String.class).isEqualTo("Acme Inc");
        stored.path("organization.description").entity(String.class).isEqualTo("Acme Corporation");
        stored.path("organization.customData").entity(Map.class).isEqualTo(Map.of("plan", "pro"));
        stored.path("organization.isMfaRequired").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void updateOrganization_descriptionNull_clearsDescriptionAndKeepsName() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        Map<String, Object> input = new HashMap<>();
        input.put("organizationId", demo.acme());
        input.put("description", null);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization").variable("input", input).execute();
        // then
        response.path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateOrganization.organization.description").valueIsNull();
        response.path("updateOrganization.organization.name").entity(String.class).isEqualTo("Acme");
        assertThat(logto.calls(PATCH)).isEqualTo(1);
        var stored = readBack(demo.alice(), demo.acme());
        stored.path("organization.description").valueIsNull();
        stored.path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @Test
    void updateOrganization_newCustomData_replacesTheOldObjectWhole() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        update(demo.alice(), Map.of("organizationId", demo.acme(), "customData", Map.of("plan", "pro", "region", "eu")));
        readBack(demo.alice(), demo.acme()).path("organization.customData")
                .entity(Map.class).isEqualTo(Map.of("plan", "pro", "region", "eu"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "customData", Map.of("seats", 5)))
                .execute();
        // then
        response.path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateOrganization.organization.customData").entity(Map.class).isEqualTo(Map.of("seats", 5));
        assertThat(logto.calls(PATCH)).isEqualTo(1);
        var stored = readBack(demo.alice(), demo.acme());
        stored.path("organization.customData").entity(Map.class).isEqualTo(Map.of("seats", 5));
        stored.path("organization.customData.plan").pathDoesNotExist();
        stored.path("organization.description").entity(String.class).isEqualTo("Acme Corporation");
    }

    @Test
    void updateOrganization_nothingToChange_succeedsWithoutPatch() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme()))
                .execute();
        // then
        response.path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateOrganization.organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("updateOrganization.organization.name").entity(String.class).isEqualTo("Acme");
        response.path("updateOrganization.organization.description").entity(String.class).isEqualTo("Acme Corporation");
        response.path("updateOrganization.organization.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
        assertThat(logto.calls(PATCH)).isZero();
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-roles")).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(2);
    }

    @Test
    void updateOrganization_twiceInOneRequest_laterFieldsSeeTheNewDetailsWithoutAnotherCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document("""
                mutation($acme: ID!) {
                  rename: updateOrganization(input: {organizationId: $acme, name: "Acme Labs"}) { organization { name } }
                  readBack: updateOrganization(input: {organizationId: $acme}) { organization { name } }
                }""").variable("acme", demo.acme()).execute();
        // then
        response.path("rename.organization.name").entity(String.class).isEqualTo("Acme Labs");
        response.path("readBack.organization.name").entity(String.class).isEqualTo("Acme Labs");
        assertThat(logto.calls(PATCH)).isEqualTo(1);
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
    }

    @Test
    void updateOrganization_memberWithoutManageOrganization_forbiddenWithoutPatch() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Bob's Acme"))
                .execute();
        // then
        var error = assertError(response, ErrorType.FORBIDDEN);
        assertThat(error.getMessage()).contains("manage:organization");
        assertThat(error.getPath()).isEqualTo("updateOrganization");
        response.path("$.data").valueIsNull(); // the payload is non-null, so the whole data is null
        assertThat(logto.calls(PATCH)).isZero();
        readBack(demo.alice(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @Test
    void updateOrganization_nonMember_answersLikeMissingOrganizationWithoutPatch() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var nonMember = as(demo.carol()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Carol's Acme"))
                .execute();
        var missing = as(demo.carol()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", "nosuchorg123", "name", "Carol's Acme"))
                .execute();
        // then
        var nonMemberError = assertError(nonMember, ErrorType.NOT_FOUND);
        var missingError = assertError(missing, ErrorType.NOT_FOUND);
        assertThat(nonMemberError.getMessage()).isEqualTo(missingError.getMessage());
        assertThat(nonMemberError.getPath()).isEqualTo(missingError.getPath()).isEqualTo("updateOrganization");
        assertThat(logto.calls(PATCH)).isZero();
        readBack(demo.alice(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @Test
    void updateOrganization_organizationTokenWithoutManageOrganizationScope_forbiddenWithoutPatch() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String acmeToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme())
                .scope("delete:member delete:organization invite:member manage:member").sign();
        logto.resetCalls();
        // when
        var response = withToken(acmeToken).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Acme Inc"))
                .execute();
        // then
        var error = assertError(response, ErrorType.FORBIDDEN);
        assertThat(error.getMessage()).contains("manage:organization");
        assertThat(logto.calls(PATCH)).isZero();
        readBack(demo.alice(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @Test
    void updateOrganization_tokenScopedToAnotherOrganization_notFoundWithoutPatch() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String globexToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.globex())
                .scope(String.join(" ", DemoTenant.ADMIN_PERMISSIONS)).sign();
        logto.resetCalls();
        // when
        var response = withToken(globexToken).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Acme Inc"))
                .execute();
        // then
        var error = assertError(response, ErrorType.NOT_FOUND);
        assertThat(error.getPath()).isEqualTo("updateOrganization");
        assertThat(logto.calls(PATCH)).isZero();
        readBack(demo.alice(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"\u00A0", "\u2007", "\u202F", "\u0085", "\u200B", "\uFEFF", " \t ", "\u3164", "\u115F\u1160", "\uFFA0",
        "\u2800", "\u034F", "\uFE0F", "\uDB40\uDC20", "\u00A0\u200B\u3164"})
    void updateOrganization_nameOfUnicodeBlanks_returnsNameBlankWithoutUpstreamCall(String name) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", name))
                .execute();
        // then
        response.path("updateOrganization.organization").valueIsNull();
        response.path("updateOrganization.userErrors[*].code").entityList(String.class).containsExactly("NAME_BLANK");
        response.path("updateOrganization.userErrors[0].field").entityList(String.class).containsExactly("input", "name");
        assertThat(logto.apiCalls()).isZero();
        readBack(demo.alice(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", value = {
        "name of 129 characters|name|NAME_TOO_LONG",
        "name with a line break|name|CONTROL_CHARACTERS",
        "name with a right-to-left override|name|CONTROL_CHARACTERS",
        "name with a line separator|name|CONTROL_CHARACTERS",
        "description with a NUL character|description|CONTROL_CHARACTERS",
        "description with a right-to-left isolate|description|CONTROL_CHARACTERS",
        "description of 257 characters|description|DESCRIPTION_TOO_LONG",
        "customData a JSON array|customData|CUSTOM_DATA_NOT_OBJECT",
        "customData a JSON string|customData|CUSTOM_DATA_NOT_OBJECT"})
    void updateOrganization_badInput_returnsUserErrorNamingTheFieldWithoutUpstreamCall(String problem, String field, String code) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        Object value = switch (problem) {
            case "name of 129 characters" -> "n".repeat(129);
            case "name with a line break" -> "Acme\nLabs";
            case "name with a right-to-left override" -> "Invoice\u202Efdp.exe";
            case "name with a line separator" -> "Acme\u2028Labs";
            case "description with a NUL character" -> "Anvils\u0000and rockets";
            case "description with a right-to-left isolate" -> "Anvils \u2067and\u2069 rockets";
            case "description of 257 characters" -> "d".repeat(257);
            case "customData a JSON array" -> List.of("plan", "pro");
            default -> "plan=pro";
        };
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), field, value))
                .execute();
        // then
        response.path("updateOrganization.organization").valueIsNull();
        response.path("updateOrganization.userErrors[*].code").entityList(String.class).containsExactly(code);
        response.path("updateOrganization.userErrors[0].field").entityList(String.class).containsExactly("input", field);
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void updateOrganization_descriptionWithLineBreaks_isStored() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String description = "Anvils\nand rockets\r\nsince 1949";
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "description", description))
                .execute();
        // then
        response.path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateOrganization.organization.description").entity(String.class).isEqualTo(description);
        assertThat(logto.calls(PATCH)).isEqualTo(1);
        readBack(demo.alice(), demo.acme()).path("organization.description").entity(String.class).isEqualTo(description);
    }

    @Test
    void updateOrganization_logtoUnavailable_upstreamUnavailableErrorAndNoRetryOfThePatch() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext(PATCH, Fault.status(503, "unavailable"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Acme Inc"))
                .execute();
        // then
        var error = assertError(response, "UPSTREAM_UNAVAILABLE");
        assertThat(error.getMessage()).doesNotContain("503").doesNotContain(logto.endpoint());
        assertThat(error.getPath()).isEqualTo("updateOrganization");
        assertThat(logto.calls(PATCH)).isEqualTo(1);
        readBack(demo.alice(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @Test
    void deleteOrganization_admin_deletesItAndTheSwitcherNoLongerListsIt() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("deleteOrganization")
                .variable("input", Map.of("organizationId", demo.acme()))
                .execute();
        // then
        response.path("deleteOrganization.deletedOrganizationId").entity(String.class).isEqualTo(demo.acme());
        response.path("deleteOrganization.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.organizationExists(demo.acme())).isFalse();
        assertThat(logto.organizationIds()).containsExactly(demo.globex());
        assertThat(logto.calls(DELETE)).isEqualTo(1);
        var switcher = as(demo.alice()).documentName("viewerOrganizations").execute();
        switcher.path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(0);
        switcher.path("viewer.organizations.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void deleteOrganization_memberWithoutDeleteOrganization_forbiddenAndNothingDeleted() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("deleteOrganization")
                .variable("input", Map.of("organizationId", demo.acme()))
                .execute();
        // then
        var error = assertError(response, ErrorType.FORBIDDEN);
        assertThat(error.getMessage()).contains("delete:organization");
        response.path("$.data").valueIsNull(); // the payload is non-null, so the whole data is null
        assertThat(logto.organizationExists(demo.acme())).isTrue();
        assertThat(logto.memberIds(demo.acme())).containsExactlyInAnyOrder(demo.alice(), demo.bob());
        assertThat(logto.calls(DELETE)).isZero();
    }

    @Test
    void deleteOrganization_nonMember_answersLikeMissingOrganizationAndNothingDeleted() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var nonMember = as(demo.carol()).documentName("deleteOrganization")
                .variable("input", Map.of("organizationId", demo.acme()))
                .execute();
        var missing = as(demo.carol()).documentName("deleteOrganization")
                .variable("input", Map.of("organizationId", "nosuchorg123"))
                .execute();
        // then
        var nonMemberError = assertError(nonMember, ErrorType.NOT_FOUND);
        var missingError = assertError(missing, ErrorType.NOT_FOUND);
        assertThat(nonMemberError.getMessage()).isEqualTo(missingError.getMessage());
        assertThat(nonMemberError.getPath()).isEqualTo(missingError.getPath()).isEqualTo("deleteOrganization");
        assertThat(logto.organizationExists(demo.acme())).isTrue();
        assertThat(logto.calls(DELETE)).isZero();
    }

    @Test
    void deleteOrganization_alreadyGoneUpstream_reportsSuccessWithoutRetry() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.failNext(DELETE, Fault.status(404, "entity.not_found"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("deleteOrganization")
                .variable("input", Map.of("organizationId", demo.acme()))
                .execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).isEmpty());
        response.path("deleteOrganization.deletedOrganizationId").entity(String.class).isEqualTo(demo.acme());
        response.path("deleteOrganization.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.calls(DELETE)).isEqualTo(1);
    }

    @Test
    void deleteOrganization_tokenScopedToAnotherOrganization_notFoundAndNothingDeleted() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "admin");
        String globexToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.globex())
                .scope(String.join(" ", DemoTenant.ADMIN_PERMISSIONS)).sign();
        String globexApiToken = logto.token(demo.alice()).audience(logto.apiResource()).organizationId(demo.globex()).sign();
        logto.resetCalls();
        // when
        var byOrganizationToken = withToken(globexToken).documentName("deleteOrganization")
                .variable("input", Map.of("organizationId", demo.acme())).execute();
        var byApiToken = withToken(globexApiToken).documentName("deleteOrganization")
                .variable("input", Map.of("organizationId", demo.acme())).execute();
        // then
        assertError(byOrganizationToken, ErrorType.NOT_FOUND);
        assertError(byApiToken, ErrorType.NOT_FOUND);
        assertThat(logto.organizationExists(demo.acme())).isTrue();
        assertThat(logto.calls("DELETE /api/organizations/{id}")).isZero();
    }

    @Test
    void updateOrganization_organizationLevelApiTokenForThatOrganization_actsWithTheRolesPermissions() {
        // given: its scope holds API resource permissions, which do not narrow organization permissions
        DemoTenant demo = DemoTenant.seed(logto);
        String acmeApiToken = logto.token(demo.alice()).audience(logto.apiResource()).organizationId(demo.acme())
                .scope("read:reports").sign();
        // when
        var response = withToken(acmeApiToken).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Acme Labs")).execute();
        // then
        response.path("updateOrganization.organization.name").entity(String.class).isEqualTo("Acme Labs");
    }

    @Test
    void createOrganization_organizationToken_forbiddenWithoutWrite() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String acmeToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme())
                .scope(String.join(" ", DemoTenant.ADMIN_PERMISSIONS)).sign();
        logto.resetCalls();
        // when
        var response = withToken(acmeToken).documentName("createOrganization")
                .variable("input", Map.of("name", "Initech"))
                .execute();
        // then
        var error = assertError(response, ErrorType.FORBIDDEN);
        assertThat(error.getPath()).isEqualTo("createOrganization");
        response.path("$.data").valueIsNull(); // the payload is non-null, so the whole data is null
        assertThat(logto.calls("POST /api/organizations")).isZero();
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.organizationIds()).containsExactly(demo.acme(), demo.globex());
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"\u00A0", "\u2007", "\u202F", "\u0085", "\u200B", "\uFEFF", " \t ", "\u3164", "\u115F\u1160", "\uFFA0",
        "\u2800", "\u034F", "\uFE0F", "\uDB40\uDC20", "\u00A0\u200B\u3164"})
    void createOrganization_nameOfUnicodeBlanks_returnsNameBlankWithoutUpstreamCall(String name) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", name)).execute();
        // then
        response.path("createOrganization.organization").valueIsNull();
        response.path("createOrganization.userErrors[*].code").entityList(String.class).containsExactly("NAME_BLANK");
        response.path("createOrganization.userErrors[0].field").entityList(String.class).containsExactly("input", "name");
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.organizationIds()).containsExactly(demo.acme(), demo.globex());
    }

    @Test
    void createOrganization_nameWithUnicodeBlanksAround_isStoredStripped() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.carol()).documentName("createOrganization")
                .variable("input", Map.of("name", "\uFEFF\u00A0 Initech Labs\u200B\u2007\u202F"))
                .execute();
        // then
        response.path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
        response.path("createOrganization.organization.name").entity(String.class).isEqualTo("Initech Labs");
        String id = response.path("createOrganization.organization.id").entity(String.class).get();
        readBack(demo.carol(), id).path("organization.name").entity(String.class).isEqualTo("Initech Labs");
    }

    @Test
    void createOrganization_unicodeBlanksAfterAFlagEmoji_storesTheNameWithTheWholeFlag() {
        // given: the flag of Scotland is a black flag followed by invisible tag characters
        DemoTenant demo = DemoTenant.seed(logto);
        String name = "Team \uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
        // when
        var response = as(demo.carol()).documentName("createOrganization").variable("input", Map.of("name", name + "\u200B\u00A0")).execute();
        // then
        response.path("createOrganization.userErrors").entityList(Object.class).hasSize(0);
        String id = response.path("createOrganization.organization.id").entity(String.class).get();
        readBack(demo.carol(), id).path("organization.name").entity(String.class).isEqualTo(name);
    }

    @Test
    void organizationIsViewerTokenStale_apiToken_isFalse() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("organizationTokenStale").variable("id", demo.acme()).execute();
        // then
        response.path("organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("organization.isViewerTokenStale").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void organizationIsViewerTokenStale_organizationTokenWithTheLivePermissions_isFalse() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String acmeToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme())
                .scope(String.join(" ", DemoTenant.ADMIN_PERMISSIONS)).sign();
        // when
        var response = withToken(acmeToken).documentName("organizationTokenStale").variable("id", demo.acme()).execute();
        // then
        response.path("organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("organization.isViewerTokenStale").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void organizationIsViewerTokenStale_roleChangedSinceTheTokenWasIssued_isTrue() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String eve = logto.createUser("eve", "eve@acme.test", "Eve Evans");
        logto.addMember(demo.acme(), eve, "member");
        String adminScopedToken = logto.token(eve).audience("urn:logto:organization:" + demo.acme())
                .scope(String.join(" ", DemoTenant.ADMIN_PERMISSIONS)).sign();
        // when
        var response = withToken(adminScopedToken).documentName("organizationTokenStale").variable("id", demo.acme()).execute();
        // then
        response.path("organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("organization.isViewerTokenStale").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void organizationIsViewerTokenStale_otherOrganizationThanTheTokens_isFalse() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.addMember(demo.globex(), demo.alice(), "member"); // her Globex permissions differ from the token's scope
        String acmeToken = logto.token(demo.alice()).audience("urn:logto:organization:" + demo.acme())
                .scope(String.join(" ", DemoTenant.ADMIN_PERMISSIONS)).sign();
        // when
        var response = withToken(acmeToken).documentName("organizationTokenStale").variable("id", demo.acme()).execute();
        // then
        response.path("organization.isViewerTokenStale").entity(Boolean.class).isEqualTo(false);
        response.path("viewer.organizations.edges[1].node.id").entity(String.class).isEqualTo(demo.globex()); // sorted by name
        response.path("viewer.organizations.edges[1].node.isViewerTokenStale").entity(Boolean.class).isEqualTo(false);
    }

    /** Runs an update that must succeed, as part of a test's given block. */
    private void update(String userId, Map<String, Object> input) {
        as(userId).documentName("updateOrganization").variable("input", input).execute()
                .path("updateOrganization.userErrors").entityList(Object.class).hasSize(0);
    }

    /** The organization as {@code userId} reads it now through {@code organization(id)}. */
    private GraphQlTester.Response readBack(String userId, String organizationId) {
        return as(userId).documentName("organization").variable("id", organizationId).execute();
    }

    private static List<ResponseError> errorsOf(GraphQlTester.Response response) {
        List<ResponseError> captured = new ArrayList<>();
        response.errors().satisfy(captured::addAll);
        return captured;
    }
}
