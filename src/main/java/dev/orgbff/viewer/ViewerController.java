package dev.orgbff.viewer;

import java.util.List;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

import dev.orgbff.graphql.Connection;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.User;
import dev.orgbff.security.Viewer;

/** Maps {@code Query.viewer} and the fields of {@code Viewer}. */
@Controller
class ViewerController {

    private final ViewerService viewers;

    ViewerController(ViewerService viewers) {
        this.viewers = viewers;
    }

    @QueryMapping
    Viewer viewer(@AuthenticationPrincipal Jwt caller) {
        return Viewer.of(caller);
    }

    @SchemaMapping
    Mono<User> user(Viewer viewer, DataLoader<String, User> users) {
        return viewers.user(viewer, users);
    }

    @SchemaMapping
    Mono<Connection<Organization>> organizations(Viewer viewer, Subrange<Integer> range,
            DataLoader<String, List<Organization>> userOrganizations) {
        return viewers.organizations(viewer, range, userOrganizations);
    }
}
