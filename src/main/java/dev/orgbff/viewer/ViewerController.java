package dev.orgbff.viewer;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Controller;

import dev.orgbff.graphql.relay.Connection;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.User;
import dev.orgbff.security.Caller;
import dev.orgbff.security.Viewer;

/** Maps {@code Query.viewer} and the fields of {@code Viewer}. */
@Controller
class ViewerController {

    private final ViewerService viewers;

    ViewerController(ViewerService viewers) {
        this.viewers = viewers;
    }

    @QueryMapping
    Viewer viewer(Caller caller) {
        return caller.viewer();
    }

    @SchemaMapping
    Mono<User> user(Viewer viewer, Caller caller) {
        return viewers.user(caller);
    }

    @SchemaMapping
    Mono<Connection<Organization>> organizations(Viewer viewer, Subrange<Integer> range, Caller caller) {
        return viewers.organizations(caller, range);
    }
}
