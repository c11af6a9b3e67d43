package dev.orgbff.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.codec.ServerSentEvent;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.events.ChangeEvent;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationEventsGraphQlTests extends GraphQlTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String VIEWER_EVENTS = """
            subscription { viewerOrganizationEvents { kind source organizationId viewerPermissions
                organization { name viewerPermissions viewerRoles { name } } } }""";

    /** A webhook's event, as the webhook endpoint publishes it. */
    private void webhook(ChangeEvent.Kind kind, String organizationId, String... userIds) {
        eventStream.publish(new ChangeEvent("logto:" + UUID.randomUUID(), kind, ChangeEvent.Source.LOGTO_WEBHOOK, Instant.now(),
                organizationId, List.of(userIds), null, null));
    }

    /** The payloads of the first {@code count} events (the {@code complete} event, if among them, as an empty map). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> payloads(Flux<ServerSentEvent<Map<String, Object>>> events, String field, int count) {
        return events.take(count)
                .map(event -> event.data() == null ? Map.<String, Object>of()
                        : (Map<String, Object>) ((Map<String, Object>) event.data().get("data")).get(field))
                .collectList().block(WAIT);
    }

    @Test
    void viewerOrganizationEvents_webhookJoinsAndRemovals_tellJoinedThenRemovedWithTheStateAfterEach() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        var events = subscribe(logto.userToken(demo.alice()), VIEWER_EVENTS, Map.of());
        // when: dave adds alice to Globex in the Logto Console, then removes her
        logto.addMember(demo.globex(), demo.alice(), "member");
        webhook(ChangeEvent.Kind.MEMBERS_ADDED, demo.globex(), demo.alice());
        webhook(ChangeEvent.Kind.MEMBERS_ADDED, demo.globex(), demo.alice()); // the service's event of the same joining
        assertThat(outcome(demo.dave(), "removeOrganizationMember", Map.of("organizationId", demo.globex(), "userId", demo.alice())))
                .isEqualTo("OK");
        webhook(ChangeEvent.Kind.MEMBERS_REMOVED, demo.globex(), demo.alice());
        // then
        List<Map<String, Object>> told = payloads(events, "viewerOrganizationEvents", 2);
        assertThat(told.get(0)).containsEntry("kind", "JOINED").containsEntry("source", "LOGTO_WEBHOOK")
                .containsEntry("organizationId", demo.globex()).containsEntry("viewerPermissions", List.of("invite:member"))
                .containsEntry("organization", Map.of("name", "Globex", "viewerPermissions", List.of("invite:member"),
                        "viewerRoles", List.of(Map.of("name", "member"))));
        assertThat(told.get(1)).containsEntry("kind", "REMOVED").containsEntry("organizationId", demo.globex())
                .containsEntry("viewerPermissions", List.of());
        assertThat(told.get(1).get("organization")).isNull();
    }
}
