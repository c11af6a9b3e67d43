package dev.orgbff.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

class JitGraphQlTests extends GraphQlTestSupport {

    private static final String GET_DOMAINS = "GET /api/organizations/{id}/jit/email-domains";
    private static final String PUT_DOMAINS = "PUT /api/organizations/{id}/jit/email-domains";
    private static final String GET_ROLES = "GET /api/organizations/{id}/jit/roles";
    private static final String PUT_ROLES = "PUT /api/organizations/{id}/jit/roles";
    private static final String MEMBERSHIPS = "GET /api/users/{userId}/organizations";
    private static final String TEMPLATE = "GET /api/organization-roles";

    @Test
    void organizationJit_admin_returnsDomainsAndRolesWithTwoJitCalls() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test", "acme-labs.test");
        logto.setJitRoles(demo.acme(), "member", "admin");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("organizationJit").variable("id", demo.acme()).execute();
        // then
        response.path("organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("organization.jit.emailDomains").entityList(String.class).containsExactly("acme.test", "acme-labs.test");
        response.path("organization.jit.roles[*].name").entityList(String.class).containsExactly("admin", "member");
        response.path("organization.jit.roles[*].id").entityList(String.class)
                .containsExactly(logto.roleId("admin"), logto.roleId("member"));
        assertThat(logto.calls(GET_DOMAINS)).isEqualTo(1);
        assertThat(logto.calls(GET_ROLES)).isEqualTo(1);
        assertThat(logto.calls(MEMBERSHIPS)).isEqualTo(1);
        assertThat(logto.calls(TEMPLATE)).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(4);
    }

    @Test
    void organizationJit_nothingConfigured_returnsEmptyLists() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("organizationJit").variable("id", demo.acme()).execute();
        // then
        response.errors().satisfy(errors -> assertThat(errors).isEmpty());
        response.path("organization.jit.emailDomains").entityList(String.class).hasSize(0);
        response.path("organization.jit.roles").entityList(Object.class).hasSize(0);
    }

    @Test
    void organizationJit_memberWithoutManageOrganization_forbiddenOnJitOnlyWithoutJitCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("organizationJit").variable("id", demo.acme()).execute();
        // then
        ResponseError error = assertError(response, ErrorType.FORBIDDEN);
        assertThat(error.getMessage()).contains("manage:organization");
        assertThat(error.getPath()).isEqualTo("organization.jit");
        response.path("organization.id").entity(String.class).isEqualTo(demo.acme());
        response.path("organization.name").entity(String.class).isEqualTo("Acme");
        response.path("organization.jit").valueIsNull();
        assertThat(logto.calls(GET_DOMAINS)).isZero();
        assertThat(logto.calls(GET_ROLES)).isZero();
    }

    @Test
    void updateJitSettings_admin_storesNormalisedDomainsAndReplacesRoles() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(),
                        List.of("  Example.COM ", "@acme.test", "b\u00FCcher.example", "example.com", "@ACME.test"),
                        List.of(logto.roleId("admin"))))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateJitSettings.jit.emailDomains").entityList(String.class)
                .containsExactly("example.com", "acme.test", "xn--bcher-kva.example");
        response.path("updateJitSettings.jit.roles[*].name").entityList(String.class).containsExactly("admin");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("example.com", "acme.test", "xn--bcher-kva.example");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("admin");
        assertThat(logto.calls(PUT_DOMAINS)).isEqualTo(1);
        assertThat(logto.calls(PUT_ROLES)).isEqualTo(1);
        var readBack = as(demo.alice()).documentName("organizationJit").variable("id", demo.acme()).execute();
        readBack.path("organization.jit.emailDomains").entityList(String.class)
                .containsExactly("example.com", "acme.test", "xn--bcher-kva.example");
        readBack.path("organization.jit.roles[*].name").entityList(String.class).containsExactly("admin");
    }

    @Test
    void updateJitSettings_onlyEmailDomains_keepsRolesAndWritesOnlyDomains() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("new.test"), null))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateJitSettings.jit.emailDomains").entityList(String.class).containsExactly("new.test");
        response.path("updateJitSettings.jit.roles[*].name").entityList(String.class).containsExactly("member");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("new.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isEqualTo(1);
        assertThat(logto.calls(PUT_ROLES)).isZero();
        assertThat(logto.calls(GET_DOMAINS)).isEqualTo(1);
        assertThat(logto.calls(GET_ROLES)).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(5); // plus the memberships and the template
    }

    @Test
    void updateJitSettings_onlyRoleIds_keepsDomainsAndWritesOnlyRoles() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test", "acme-labs.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), null, List.of(logto.roleId("admin"), logto.roleId("member"))))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateJitSettings.jit.emailDomains").entityList(String.class).containsExactly("acme.test", "acme-labs.test");
        response.path("updateJitSettings.jit.roles[*].name").entityList(String.class).containsExactly("admin", "member");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("acme.test", "acme-labs.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("admin", "member");
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(PUT_ROLES)).isEqualTo(1);
        assertThat(logto.apiCalls()).isEqualTo(5);
    }

    @Test
    void updateJitSettings_sameSettingsInOtherSpelling_succeedsWithoutPut() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test", "acme-labs.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("ACME.test", " @acme-labs.test", "acme.test"),
                        List.of(logto.roleId("member"), logto.roleId("member"))))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateJitSettings.jit.emailDomains").entityList(String.class).containsExactly("acme.test", "acme-labs.test");
        response.path("updateJitSettings.jit.roles[*].name").entityList(String.class).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(PUT_ROLES)).isZero();
        assertThat(logto.apiCalls()).isEqualTo(4);
    }

    @Test
    void updateJitSettings_organizationIdOnly_changesNothingWithoutPut() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), null, null))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateJitSettings.jit.emailDomains").entityList(String.class).containsExactly("acme.test");
        response.path("updateJitSettings.jit.roles[*].name").entityList(String.class).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(PUT_ROLES)).isZero();
    }

    @Test
    void updateJitSettings_emptyDomainList_turnsDomainJitOffAndKeepsRoles() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of(), null))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateJitSettings.jit.emailDomains").entityList(String.class).hasSize(0);
        assertThat(logto.jitEmailDomains(demo.acme())).isEmpty();
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isEqualTo(1);
        assertThat(logto.calls(PUT_ROLES)).isZero();
    }

    @ParameterizedTest(name = "domain \"{0}\"")
    @MethodSource("invalidDomains")
    void updateJitSettings_invalidDomain_returnsInvalidDomainNamingItsIndexWithoutUpstreamCall(String domain) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("acme.test", domain), List.of(logto.roleId("admin"))))
                .execute();
        // then
        response.path("updateJitSettings.jit").valueIsNull();
        response.path("updateJitSettings.userErrors[*].code").entityList(String.class).containsExactly("INVALID_DOMAIN");
        response.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "emailDomains", "1");
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("old.test");
        assertThat(logto.jitRoleNames(demo.acme())).isEmpty();
    }

    @Test
    void updateJitSettings_unicodeBlanksAndTheRootDotAround_storesTheBareDomain() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("\u00A0Acme.Test.\u200B"), null))
                .execute();
        // then
        response.path("updateJitSettings.jit.emailDomains").entityList(String.class).containsExactly("acme.test");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("acme.test");
    }

    static Stream<String> invalidDomains() {
        return Stream.of("not a domain", "a@b.com", "https://example.com", "exa mple.com", "localhost", "example", "-bad.com",
                "\u00A0", "x".repeat(64) + ".com");
    }

    @ParameterizedTest(name = "domain \"{0}\"")
    @ValueSource(strings = {"fa\u00DF.de", "\u03B5\u03C5\u03C1\u03C9\u03C2.example", "exa\u200Dmple.com", "exa\u200Cmple.com"})
    void updateJitSettings_domainThatIdna2003WouldMapToAnotherDomain_returnsInvalidDomainWithoutUpstreamCall(String domain) {
        // given: Java's IDN (IDNA2003) turns "faß.de" into "fass.de" and drops joiners, while mail and browsers
        // (IDNA2008) keep them: storing the mapped form would let the users of another domain join
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of(domain), null))
                .execute();
        // then
        response.path("updateJitSettings.userErrors[*].code").entityList(String.class).containsExactly("INVALID_DOMAIN");
        response.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "emailDomains", "0");
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.jitEmailDomains(demo.acme())).isEmpty();
    }

    @ParameterizedTest(name = "domain \"{0}\"")
    @ValueSource(strings = {"Gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.jp", "outlook.fr", "gmx.net", "web.de", "mail.ru",
        "yandex.ru", "pm.me", "protonmail.ch", "mac.com", "fastmail.com", "GMX.Net."})
    void updateJitSettings_publicEmailDomain_returnsPublicEmailDomainWithoutUpstreamCall(String domain) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("acme.test", domain), null))
                .execute();
        // then
        response.path("updateJitSettings.jit").valueIsNull();
        response.path("updateJitSettings.userErrors[*].code").entityList(String.class).containsExactly("PUBLIC_EMAIL_DOMAIN");
        response.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "emailDomains", "1");
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("old.test");
    }

    @Test
    void updateJitSettings_severalBadDomains_returnsOneUserErrorPerDomainInInputOrder() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("localhost", "acme.test", "GMAIL.COM"), null))
                .execute();
        // then
        response.path("updateJitSettings.userErrors[*].code").entityList(String.class)
                .containsExactly("INVALID_DOMAIN", "PUBLIC_EMAIL_DOMAIN");
        response.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "emailDomains", "0");
        response.path("updateJitSettings.userErrors[1].field").entityList(String.class).containsExactly("input", "emailDomains", "2");
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void updateJitSettings_moreThanHundredDomains_badRequestWithoutUpstreamCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), domains(101), null))
                .execute();
        // then
        ResponseError error = assertError(response, ErrorType.BAD_REQUEST);
        assertThat(error.getMessage()).contains("'input.emailDomains'");
        assertThat(error.getPath()).isEqualTo("updateJitSettings");
        response.path("$.data").valueIsNull(); // the payload is non-null, so the whole data is null
        assertThat(logto.apiCalls()).isZero();
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("old.test");
    }

    @Test
    void updateJitSettings_hundredDomains_areStored() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), domains(100), null))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactlyElementsOf(domains(100));
        assertThat(logto.calls(PUT_DOMAINS)).isEqualTo(1);
    }

    @Test
    void updateJitSettings_memberWithoutManageOrganization_forbiddenAndNothingWritten() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.bob()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("bob.test"), List.of(logto.roleId("admin"))))
                .execute();
        // then
        ResponseError error = assertError(response, ErrorType.FORBIDDEN);
        assertThat(error.getMessage()).contains("manage:organization");
        assertThat(error.getPath()).isEqualTo("updateJitSettings");
        response.path("$.data").valueIsNull(); // the payload is non-null, so the whole data is null
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("acme.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(PUT_ROLES)).isZero();
        assertThat(logto.calls(GET_DOMAINS)).isZero();
    }

    @Test
    void updateJitSettings_nonMember_answersLikeMissingOrganizationAndNothingWritten() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.resetCalls();
        // when
        var nonMember = as(demo.carol()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("carol.test"), null))
                .execute();
        var missing = as(demo.carol()).documentName("updateJitSettings")
                .variable("input", input("nosuchorg123", List.of("carol.test"), null))
                .execute();
        // then
        ResponseError nonMemberError = assertError(nonMember, ErrorType.NOT_FOUND);
        ResponseError missingError = assertError(missing, ErrorType.NOT_FOUND);
        assertThat(nonMemberError.getMessage()).isEqualTo(missingError.getMessage());
        assertThat(nonMemberError.getPath()).isEqualTo(missingError.getPath()).isEqualTo("updateJitSettings");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("acme.test");
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(GET_DOMAINS)).isZero();
    }

    @Test
    void updateJitSettings_roleBeyondCallersPermissions_returnsRoleEscalationAndNothingWritten() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String olga = organizer(demo);
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(olga).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("acme-labs.test"),
                        List.of(logto.roleId("organizer"), logto.roleId("admin"))))
                .execute();
        // then
        response.path("updateJitSettings.jit").valueIsNull();
        response.path("updateJitSettings.userErrors[*].code").entityList(String.class).containsExactly("ROLE_ESCALATION");
        response.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "roleIds", "1");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("acme.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(PUT_ROLES)).isZero();
    }

    @Test
    void updateJitSettings_memberWithOnlyManageOrganization_mayGrantRolesWithinHerPermissions() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String olga = organizer(demo);
        logto.resetCalls();
        // when
        var response = as(olga).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("acme.test"), List.of(logto.roleId("organizer"))))
                .execute();
        // then
        response.path("updateJitSettings.userErrors").entityList(Object.class).hasSize(0);
        response.path("updateJitSettings.jit.roles[*].name").entityList(String.class).containsExactly("organizer");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("acme.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("organizer");
    }

    @Test
    void updateJitSettings_unknownRoleId_returnsRoleNotFoundAndNothingWritten() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("acme-labs.test"),
                        List.of(logto.roleId("admin"), "nosuchrole00000000000")))
                .execute();
        // then
        response.path("updateJitSettings.jit").valueIsNull();
        response.path("updateJitSettings.userErrors[*].code").entityList(String.class).containsExactly("ROLE_NOT_FOUND");
        response.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "roleIds", "1");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("acme.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(PUT_ROLES)).isZero();
    }

    @Test
    void updateJitSettings_machineToMachineRole_returnsRoleNotAssignableAndNothingWritten() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String robot = logto.createMachineRole("robot");
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("acme.test"), List.of(robot)))
                .execute();
        // then
        response.path("updateJitSettings.userErrors[*].code").entityList(String.class).containsExactly("ROLE_NOT_ASSIGNABLE");
        response.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "roleIds", "0");
        assertThat(logto.jitEmailDomains(demo.acme())).isEmpty();
        assertThat(logto.jitRoleNames(demo.acme())).isEmpty();
        assertThat(logto.calls(PUT_DOMAINS)).isZero();
        assertThat(logto.calls(PUT_ROLES)).isZero();
    }

    @Test
    void updateJitSettings_writingRolesFailsAfterDomains_putsOldDomainsBackAndReportsError() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test", "older.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.fail(PUT_ROLES, Fault.status(500, "unexpected"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("new.test"), List.of(logto.roleId("admin"))))
                .execute();
        // then
        ResponseError error = assertError(response, ErrorType.INTERNAL_ERROR);
        assertThat(error.getPath()).isEqualTo("updateJitSettings");
        assertThat(error.getMessage()).doesNotContain("unexpected").doesNotContain(logto.endpoint());
        response.path("$.data").valueIsNull(); // the payload is non-null, so the whole data is null
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("old.test", "older.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isEqualTo(2); // the new domains, then the old ones back
        assertThat(logto.calls(PUT_ROLES)).isEqualTo(1);
    }

    @Test
    void updateJitSettings_answerToTheRolesPutLost_putsOldDomainsAndRolesBackAndReportsError() {
        // given: Logto replaces the roles, but its answer never comes
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.failNext(PUT_ROLES, Fault.lostAnswer());
        logto.resetCalls();
        // when: the service gives up on the answer after logto.timeout (2 s)
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("new.test"), List.of(logto.roleId("admin"))))
                .execute();
        // then: the old settings whole, and an error that says the change did not happen
        assertError(response, "UPSTREAM_UNAVAILABLE");
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("old.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isEqualTo(2); // the new domains, then the old ones back
        assertThat(logto.calls(PUT_ROLES)).isEqualTo(2); // the new roles (answer lost), then the old ones back
    }

    @Test
    void updateJitSettings_writingDomainsFails_writesNoRolesAndReportsError() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.setJitEmailDomains(demo.acme(), "old.test");
        logto.setJitRoles(demo.acme(), "member");
        logto.failNext(PUT_DOMAINS, Fault.status(500, "unexpected"));
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("new.test"), List.of(logto.roleId("admin"))))
                .execute();
        // then
        assertError(response, ErrorType.INTERNAL_ERROR);
        assertThat(logto.jitEmailDomains(demo.acme())).containsExactly("old.test");
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("member");
        assertThat(logto.calls(PUT_DOMAINS)).isEqualTo(1);
        assertThat(logto.calls(PUT_ROLES)).isZero();
    }

    @Test
    void updateJitSettings_addingADomainThatHandsOutRolesTheCallerCannotGrant_roleEscalationWithoutWrite() {
        // given: the JIT roles are admin; olga may manage the organization but not grant admin
        DemoTenant demo = DemoTenant.seed(logto);
        String olga = organizer(demo);
        logto.setJitRoles(demo.acme(), "admin");
        logto.setJitEmailDomains(demo.acme(), "acme.test");
        logto.resetCalls();
        // when
        var adding = as(olga).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of("acme.test", "olga-owned.test"), null)).execute();
        var removing = as(olga).documentName("updateJitSettings")
                .variable("input", input(demo.acme(), List.of(), null)).execute();
        // then
        adding.path("updateJitSettings.userErrors[0].code").entity(String.class).isEqualTo("ROLE_ESCALATION");
        adding.path("updateJitSettings.userErrors[0].field").entityList(String.class).containsExactly("input", "emailDomains");
        removing.path("updateJitSettings.jit.emailDomains").entityList(String.class).hasSize(0); // turning JIT off hands out nothing
        assertThat(logto.jitEmailDomains(demo.acme())).isEmpty();
        assertThat(logto.jitRoleNames(demo.acme())).containsExactly("admin");
        assertThat(logto.calls("PUT /api/organizations/{id}/jit/email-domains")).isEqualTo(1);
    }

    /** Olga, an Acme member whose only role, {@code organizer}, grants {@code manage:organization} alone. */
    private static String organizer(DemoTenant demo) {
        logto.createOrganizationRole("organizer", "Manages the organization's settings", "manage:organization");
        String olga = logto.createUser("olga", "olga@acme.test", "Olga Owens");
        logto.addMember(demo.acme(), olga, "organizer");
        return olga;
    }

    /** {@code count} distinct valid domains, {@code d0.example.test} onwards. */
    private static List<String> domains(int count) {
        return IntStream.range(0, count).mapToObj(i -> "d" + i + ".example.test").toList();
    }

    /** An {@code UpdateJitSettingsInput}; a null list is left out (kept as it is). */
    static Map<String, Object> input(String organizationId, @Nullable List<String> emailDomains, @Nullable List<String> roleIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("organizationId", organizationId);
        if (emailDomains != null) {
            input.put("emailDomains", new ArrayList<>(emailDomains));
        }
        if (roleIds != null) {
            input.put("roleIds", new ArrayList<>(roleIds));
        }
        return input;
    }
}
