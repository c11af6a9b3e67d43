package dev.orgbff.viewer;

import java.util.Comparator;
import java.util.List;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Service;

import dev.orgbff.graphql.Connection;
import dev.orgbff.graphql.Connections;
import dev.orgbff.graphql.NotFoundException;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.User;
import dev.orgbff.security.OrganizationAccess;
import dev.orgbff.security.Viewer;

/** The signed-in user's own data: their profile and the organizations they belong to. */
@Service
class ViewerService {

    /** Logto lists a user's organizations in no particular order; a switcher wants a stable, readable one. */
    private static final Comparator<Organization> BY_NAME = Comparator
            .comparing((Organization organization) -> organization.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Organization::id);

    private final OrganizationAccess access;
    private final Connections connections;

    ViewerService(OrganizationAccess access, Connections connections) {
        this.access = access;
        this.connections = connections;
    }

    /**
     * The viewer's profile, through the {@code users} DataLoader ({@code GET /api/users?search.id=…}).
     * Emits {@link NotFoundException} when the user was deleted while their token is still valid.
     */
    Mono<User> user(Viewer viewer, DataLoader<String, User> users) {
        return Mono.fromFuture(() -> users.load(viewer.userId()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("User not found")));
    }

    /**
     * One page of the viewer's organizations, sorted by name then id, each carrying the viewer's roles.
     * One upstream call per request ({@code GET /api/users/{userId}/organizations}) through the
     * {@code userOrganizations} DataLoader; a bad {@code first} or {@code after} fails before any call.
     */
    Mono<Connection<Organization>> organizations(Viewer viewer, Subrange<Integer> range,
            DataLoader<String, List<Organization>> userOrganizations) {
        return connections.slice(access.organizations(viewer, userOrganizations)
                .map(organizations -> organizations.stream().sorted(BY_NAME).toList()), range);
    }
}
