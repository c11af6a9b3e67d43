package dev.orgbff.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.EventRelay;
import dev.orgbff.events.EventStream;
import dev.orgbff.logto.OrganizationChanges;
import dev.orgbff.logto.OrganizationsApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With webhooks configured, queries take the viewer's memberships, organization records and the template from memory,
 * dropped by the events that change them and by this instance's writes, never older than
 * {@code orgbff.cache.max-staleness}; mutations read live. Events are published straight onto the {@link EventStream}
 * as a webhook would; changes Logto would announce are made through its Management API, behind the service's back.
 */
@TestPropertySource(properties = {"orgbff.webhooks.signing-keys=test-signing-key", "orgbff.cache.max-staleness=30s"})
@Import(EventFedCacheGraphQlTests.SwitchableRelay.class)
class EventFedCacheGraphQlTests extends GraphQlTestSupport {

    private static final String USER_ORGANIZATIONS = "GET /api/users/{userId}/organizations";
    private static final String TEMPLATE = "GET /api/organization-roles";
    private static final Duration MAX_STALENESS = Duration.ofSeconds(30);

    @Autowired
    private EventStream events;

    @Autowired
    private OrganizationsApi organizations;

    @Autowired
    private SwitchableRelay relay;

    /** A relay to other instances that sends nothing and can be disconnected, as Redis going down. */
    static class SwitchableRelay implements EventRelay {

        private volatile boolean connected = true;

        @Override
        public void send(ChangeEvent event) {
        }

        @Override
        public boolean connected() {
            return connected;
        }
    }

    @BeforeEach
    void nothingShared() {
        events.eventsMayBeMissed(); // what earlier tests left in memory is not served
    }

    @AfterEach
    void relayConnected() {
        relay.connected = true;
    }

    @Test
    void switcher_warm_costsNoLogtoCall() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        switcher(demo.alice()).path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        logto.resetCalls();
        // when
        var warm = switcher(demo.alice());
        // then
        warm.path("viewer.organizations.edges[0].node.name").entity(String.class).isEqualTo("Acme");
        warm.path("viewer.organizations.edges[0].node.viewerRoles[0].name").entity(String.class).isEqualTo("admin");
        warm.path("viewer.organizations.edges[0].node.viewerPermissions").entityList(String.class).containsExactly(DemoTenant.ADMIN_PERMISSIONS);
        assertThat(logto.calls()).isEmpty();
    }

    @Test
    void organization_afterMembersRemovedEvent_removedMemberGetsNotFound() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        organization(demo.bob(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
        organizations.removeMember(demo.acme(), demo.bob()).block(); // through Logto's API: a webhook announces it
        // when
        publish(ChangeEvent.Kind.MEMBERS_REMOVED, demo.acme(), demo.bob());
        var removed = organization(demo.bob(), demo.acme());
        // then
        assertError(removed, ErrorType.NOT_FOUND);
        removed.path("organization").valueIsNull();
    }

    @Test
    void organization_afterUserUpdatedEvent_readsThatUsersMembershipsAgain() {
        // given: Logto announces a deleted user's ended memberships as User.Deleted only
        DemoTenant demo = DemoTenant.seed(logto);
        organization(demo.bob(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
        organizations.removeMember(demo.acme(), demo.bob()).block();
        // when
        publish(ChangeEvent.Kind.USER_UPDATED, null, demo.bob());
        var removed = organization(demo.bob(), demo.acme());
        // then
        assertError(removed, ErrorType.NOT_FOUND);
    }

    @Test
    void organization_memberRemovedThroughService_removedMemberGetsNotFoundWithoutEvent() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        organization(demo.bob(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
        // when
        as(demo.alice()).documentName("removeOrganizationMember")
                .variable("input", Map.of("organizationId", demo.acme(), "userId", demo.bob())).execute()
                .path("removeOrganizationMember.removedUserId").entity(String.class).isEqualTo(demo.bob());
        var removed = organization(demo.bob(), demo.acme());
        // then
        assertError(removed, ErrorType.NOT_FOUND);
    }

    @Test
    void organization_roleChangedInLogtoWithoutEvent_showsAfterMaxStalenessNotBefore() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        organization(demo.bob(), demo.acme()).path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        organizations.replaceRoles(demo.acme(), demo.bob(), List.of(logto.roleId("admin"))).block(); // the Console: no webhook
        // when
        // half the bound, not a second short of it: the test clock runs on with real time, which a loaded machine spends
        clock.advance(MAX_STALENESS.dividedBy(2));
        var before = organization(demo.bob(), demo.acme());
        clock.advance(MAX_STALENESS.dividedBy(2));
        var after = organization(demo.bob(), demo.acme());
        // then
        before.path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("member");
        after.path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
    }

    @Test
    void mutation_memberships_readLiveDespiteSharedOnes() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        organization(demo.alice(), demo.acme()).path("organization.viewerRoles[*].name").entityList(String.class).containsExactly("admin");
        organizations.replaceRoles(demo.acme(), demo.alice(), List.of(logto.roleId("member"))).block(); // the Console: no webhook
        logto.resetCalls();
        // when
        var update = as(demo.alice()).documentName("updateOrganization")
                .variable("input", Map.of("organizationId", demo.acme(), "name", "Acme Inc.")).execute();
        // then
        assertError(update, ErrorType.FORBIDDEN);
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(1);
        organization(demo.alice(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
    }

    @Test
    void organization_afterOrganizationUpdatedEvent_showsNewName() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        organization(demo.bob(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme");
        organizations.updateOrganization(demo.acme(), new OrganizationChanges().name("Acme Inc.")).block();
        organization(demo.bob(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme"); // nothing told yet
        // when
        publish(ChangeEvent.Kind.ORGANIZATION_UPDATED, demo.acme());
        // then
        organization(demo.bob(), demo.acme()).path("organization.name").entity(String.class).isEqualTo("Acme Inc.");
    }

    @Test
    void switcher_afterTemplateChangedEvent_readsTemplateOnly() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        switcher(demo.alice());
        logto.resetCalls();
        // when
        publish(ChangeEvent.Kind.TEMPLATE_CHANGED, null);
        switcher(demo.alice());
        // then
        assertThat(logto.calls()).containsOnlyKeys(TEMPLATE);
        assertThat(logto.calls(TEMPLATE)).isEqualTo(1);
    }

    @Test
    void switcher_eventsMayBeMissed_readsLiveOnceThenSharesAgain() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        switcher(demo.alice());
        // when
        events.eventsMayBeMissed();
        logto.resetCalls();
        switcher(demo.alice());
        int afterEpoch = logto.apiCalls();
        logto.resetCalls();
        switcher(demo.alice());
        // then
        assertThat(afterEpoch).isEqualTo(2); // memberships and template
        assertThat(logto.apiCalls()).isZero();
    }

    @Test
    void switcher_relayDisconnected_readsLiveEveryTime() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        switcher(demo.alice());
        relay.connected = false;
        logto.resetCalls();
        // when
        switcher(demo.alice());
        switcher(demo.alice());
        // then
        assertThat(logto.calls(USER_ORGANIZATIONS)).isEqualTo(2);
        assertThat(logto.calls(TEMPLATE)).isEqualTo(2);
    }

    private GraphQlTester.Response switcher(String userId) {
        return as(userId).document(canonicalOperation("switcher")).execute();
    }

    private GraphQlTester.Response organization(String userId, String organizationId) {
        return as(userId).documentName("organization").variable("id", organizationId).execute();
    }

    private void publish(ChangeEvent.Kind kind, @Nullable String organizationId, String... userIds) {
        events.publish(new ChangeEvent("logto:" + UUID.randomUUID(), kind, ChangeEvent.Source.LOGTO_WEBHOOK,
                Instant.now(), organizationId, List.of(userIds), null, null));
    }
}
