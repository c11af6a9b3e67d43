package dev.orgbff.organization;

import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import dev.orgbff.security.Caller;

/** Maps {@code Subscription.viewerOrganizationEvents} and {@code Subscription.organizationEvents}. */
@Controller
class OrganizationEventController {

    private final OrganizationEvents events;

    OrganizationEventController(OrganizationEvents events) {
        this.events = events;
    }

    @SubscriptionMapping
    Flux<ViewerOrganizationEvent> viewerOrganizationEvents(Caller caller) {
        return events.viewerOrganizationEvents(caller);
    }

    @SubscriptionMapping
    Flux<OrganizationEvent> organizationEvents(@Argument String organizationId, Caller caller) {
        return events.organizationEvents(caller, organizationId);
    }
}
