package dev.orgbff.organization;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;

import dev.orgbff.CanonicalTenant;
import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Query.organization} reads its members and invitations ahead, alongside the membership check: what it
 * fetched for a viewer who may not see it is never shown, bad arguments still get their own error, and aliased
 * selections each get their own page.
 */
class OrganizationLookAheadGraphQlTests extends GraphQlTestSupport {

    private static final String PAGE = """
            query Page($id: ID!, $after: String) {
              organization(id: $id) {
                name
                members(first: 100, after: $after) { totalCount edges { node { user { name primaryEmail } } } }
                invitations(status: PENDING) { edges { node { invitee inviter { name } } } }
              }
            }""";

    @Test
    void organizationPage_nonMember_notFoundWithNothingReadAheadShown() {
        // given
        DemoTenant demo = CanonicalTenant.seed(logto).demo();
        logto.resetCalls();
        // when
        var response = as(demo.dave()).document(PAGE).variable("id", demo.acme()).execute();
        // then
        var error = assertError(response, ErrorType.NOT_FOUND);
        assertThat(error.getPath()).isEqualTo("organization");
        response.path("organization").valueIsNull();
        // the reads went out with the membership check and were dropped: nothing of Acme reaches dave
        assertThat(logto.calls("GET /api/organizations/{id}/users")).isEqualTo(1);
        assertThat(logto.calls("GET /api/organization-invitations")).isEqualTo(1);
        assertThat(logto.calls("GET /api/users")).isZero();
        assertThat(response.returnResponse().toString()).doesNotContain("alice", "Alice", "guest0@example.test");
    }

    @Test
    void organizationPage_tokenOfAnotherOrganization_notFoundWithoutReadingAhead() {
        // given
        DemoTenant demo = CanonicalTenant.seed(logto).demo();
        String globexToken = logto.token(demo.alice()).audience(logto.apiResource()).organizationId(demo.globex()).sign();
        logto.resetCalls();
        // when
        var response = withToken(globexToken).document(PAGE).variable("id", demo.acme()).execute();
        // then
        assertError(response, ErrorType.NOT_FOUND);
        assertThat(logto.calls("GET /api/organizations/{id}/users")).isZero();
        assertThat(logto.calls("GET /api/organization-invitations")).isZero();
    }

    @Test
    void organizationPage_badCursor_membersFieldReportsItAndTheRestAnswers() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).document(PAGE).variable("id", demo.acme()).variable("after", "not-a-cursor").execute();
        // then
        var error = assertError(response, ErrorType.BAD_REQUEST);
        assertThat(error.getPath()).isEqualTo("organization.members");
        assertThat(error.getMessage()).contains("after");
        response.path("organization.name").entity(String.class).isEqualTo("Acme");
        response.path("organization.invitations.edges[*].node.invitee").entityList(String.class).containsExactly("carol@example.test");
    }

    @Test
    void organizationPage_aliasedSelections_eachGetsItsOwnPage() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String firstCursor = as(demo.alice()).document("query($id: ID!) { organization(id: $id) { members(first: 1) { pageInfo { endCursor } } } }")
                .variable("id", demo.acme()).execute().path("organization.members.pageInfo.endCursor").entity(String.class).get();
        logto.resetCalls();
        // when
        var response = as(demo.alice()).document("""
                query Aliased($id: ID!, $afterFirst: String) {
                  organization(id: $id) {
                    first: members(first: 1) { edges { node { user { name } } } pageInfo { hasNextPage } }
                    rest: members(first: 1, after: $afterFirst) { edges { node { user { name } } } }
                    everyone: members { totalCount }
                  }
                }""").variable("id", demo.acme()).variable("afterFirst", firstCursor).execute();
        // then
        response.errors().verify();
        response.path("organization.first.edges").entityList(Map.class).hasSize(1);
        response.path("organization.first.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        response.path("organization.everyone.totalCount").entity(Integer.class).isEqualTo(2);
        List<String> first = response.path("organization.first.edges[*].node.user.name").entityList(String.class).get();
        List<String> rest = response.path("organization.rest.edges[*].node.user.name").entityList(String.class).get();
        assertThat(first).doesNotContainAnyElementsOf(rest);
        assertThat(logto.calls("GET /api/organizations/{id}/users")).isEqualTo(3);
    }
}
