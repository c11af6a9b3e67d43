package dev.orgbff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.template.TemplateCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical operations of {@code schema/operations/} cost exactly their stated minimum of Logto calls
 * and of dependent round trips (counted as waves by the emulator, without timing: each wave is held until
 * no further call arrives). Unless a test says otherwise the organization template is cached, as it is
 * between requests in production ({@code orgbff.cache.max-staleness}); the M2M token is not counted.
 * A change that adds a call or a round trip to one of these fails here.
 */
@TestPropertySource(properties = "orgbff.cache.max-staleness=30s")
class CanonicalOperationsGraphQlTests extends GraphQlTestSupport {

    /**
     * Outlasts the service's own work between two calls it sends together, even with a cold JIT on a busy build
     * machine (a hundred member rows took over 150 ms there before the admin count went out).
     */
    private static final Duration QUIET = Duration.ofMillis(500);

    @Autowired
    private TemplateCache templateCache;

    @BeforeEach
    void coldTemplate() {
        templateCache.clear(); // each test seeds a template of its own
    }

    /** Runs {@code operation} with the template warm, counting calls and waves; the counting stops afterwards. */
    private Measured measure(String caller, String operation, Map<String, Object> variables) {
        as(caller).document("{ organizationTemplate { roles { id } } }").execute().path("organizationTemplate").hasValue();
        return measureAsIs(caller, operation, variables);
    }

    private Measured measureAsIs(String caller, String operation, Map<String, Object> variables) {
        var request = as(caller).document(canonicalOperation(operation));
        variables.forEach(request::variable);
        logto.resetCalls();
        logto.countWaves(QUIET);
        GraphQlTester.Response response;
        int waves;
        try {
            response = request.execute();
        } finally {
            waves = logto.stopCountingWaves();
        }
        return new Measured(response, logto.apiCalls(), waves);
    }

    private record Measured(GraphQlTester.Response response, int calls, int waves) {
    }

    @Test
    void switcher_twentyFiveOrganizations_oneCallInOneRoundTrip() {
        // given
        DemoTenant demo = CanonicalTenant.seed(logto).demo();
        // when
        Measured switcher = measure(demo.erin(), "switcher", Map.of());
        // then
        switcher.response().path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(CanonicalTenant.SWITCHER_ORGANIZATIONS);
        switcher.response().path("viewer.organizations.edges[0].node.viewerPermissions").entityList(String.class)
                .containsExactly(DemoTenant.ADMIN_PERMISSIONS);
        assertThat(logto.calls("GET /api/users/{userId}/organizations")).isEqualTo(1);
        assertThat(switcher.calls()).isEqualTo(1);
        assertThat(switcher.waves()).isEqualTo(1);
    }

    @Test
    void switcher_withoutWebhooks_readsMembershipsInEveryRequest() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        measure(demo.alice(), "switcher", Map.of());
        // when
        Measured again = measureAsIs(demo.alice(), "switcher", Map.of());
        // then
        again.response().path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        assertThat(logto.calls()).containsOnlyKeys("GET /api/users/{userId}/organizations");
        assertThat(again.calls()).isEqualTo(1);
    }

    @Test
    void switcher_templateNotCached_twoCallsInTwoRoundTrips() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        Measured switcher = measureAsIs(demo.alice(), "switcher", Map.of());
        // then
        switcher.response().path("viewer.organizations.edges[0].node.viewerRoles[0].name").entity(String.class).isEqualTo("admin");
        assertThat(switcher.calls()).isEqualTo(2);
        assertThat(switcher.waves()).isEqualTo(2);
    }

    @Test
    void organizationPage_hundredMembersAndThirtyInvitations_fiveCallsInTwoRoundTrips() {
        // given
        DemoTenant demo = CanonicalTenant.seed(logto).demo();
        // when
        Measured page = measure(demo.alice(), "organizationPage", Map.of("id", demo.acme()));
        // then
        page.response().path("organization.members.totalCount").entity(Integer.class).isEqualTo(CanonicalTenant.MEMBERS);
        page.response().path("organization.members.edges").entityList(Object.class).hasSize(CanonicalTenant.MEMBERS);
        page.response().path("organization.invitations.totalCount").entity(Integer.class).isEqualTo(CanonicalTenant.INVITATIONS);
        page.response().path("organization.invitations.edges[*].node.inviter.name").entityList(String.class).hasSize(CanonicalTenant.INVITATIONS);
        page.response().path("organization.viewerCan.leave").entity(Boolean.class).isEqualTo(true);
        assertThat(logto.calls()).containsOnlyKeys("GET /api/users/{userId}/organizations", "GET /api/organizations/{id}/users",
                "GET /api/organization-invitations", "GET /api/users");
        assertThat(page.calls()).isEqualTo(5);
        assertThat(page.waves()).isEqualTo(2);
    }

    @Test
    void inviteeLanding_invitationsFromFiveOrganizations_eightCallsInThreeRoundTrips() {
        // given
        DemoTenant demo = CanonicalTenant.seed(logto).demo();
        // when
        Measured landing = measure(demo.carol(), "inviteeLanding", Map.of());
        // then
        landing.response().path("viewer.pendingInvitations").entityList(Object.class).hasSize(CanonicalTenant.INVITING_ORGANIZATIONS);
        assertThat(logto.calls("GET /api/organizations/{id}")).isEqualTo(5);
        assertThat(landing.calls()).isEqualTo(8);
        assertThat(landing.waves()).isEqualTo(3);
    }

    @Test
    void createOrganization_fourCallsInFourRoundTrips() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        Measured created = measure(demo.carol(), "createOrganization", Map.of("input", Map.of("name", "Initech")));
        // then
        created.response().path("createOrganization.organization.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
        assertThat(created.calls()).isEqualTo(4);
        assertThat(created.waves()).isEqualTo(4);
    }

    @Test
    void inviteMembers_tenAddresses_twentyFourCallsInFourRoundTrips() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        List<String> emails = IntStream.range(0, 10).mapToObj(i -> "new" + i + "@example.test").toList();
        // when
        Measured invited = measure(demo.alice(), "inviteMembers", Map.of("input", Map.of("organizationId", demo.acme(),
                "emails", emails, "roleIds", List.of(logto.roleId("member")))));
        // then
        invited.response().path("inviteMembers.invitations").entityList(Object.class).hasSize(10);
        invited.response().path("inviteMembers.userErrors").entityList(Object.class).hasSize(0);
        assertThat(logto.calls("POST /api/organization-invitations")).isEqualTo(10);
        assertThat(logto.calls("POST /api/organization-invitations/{id}/message")).isEqualTo(10);
        assertThat(invited.calls()).isEqualTo(24);
        assertThat(invited.waves()).isEqualTo(4);
    }

    @Test
    void acceptInvitation_fourCallsInThreeRoundTrips() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        Measured accepted = measure(demo.carol(), "acceptInvitation", Map.of("input", Map.of("invitationId", demo.carolsInvitation())));
        // then
        accepted.response().path("acceptInvitation.organization.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        assertThat(accepted.calls()).isEqualTo(4);
        assertThat(accepted.waves()).isEqualTo(3);
    }
}
