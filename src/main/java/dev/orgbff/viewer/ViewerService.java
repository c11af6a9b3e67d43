package dev.orgbff.viewer;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.pagination.Subrange;
import org.springframework.stereotype.Service;

import dev.orgbff.graphql.error.NotFoundException;
import dev.orgbff.graphql.input.EmailAddress;
import dev.orgbff.graphql.relay.Connection;
import dev.orgbff.graphql.relay.Connections;
import dev.orgbff.logto.Organization;
import dev.orgbff.logto.User;
import dev.orgbff.logto.UsersApi;
import dev.orgbff.organization.OrganizationAccess;
import dev.orgbff.security.Caller;
import dev.orgbff.security.RequestLoader;

/**
 * The signed-in user's own data, their profile and the organizations they belong to, and the
 * {@code User} type: users are loaded by id through a per-request DataLoader batched into
 * {@code GET /api/users?search.id=…} (one call per 100 distinct ids per request), so aliased or repeated
 * user fields cost one upstream call, and users another call already returned cost none.
 */
@Service
public class ViewerService {

    /** Logto lists a user's organizations in no particular order; a switcher wants a stable, readable one. */
    private static final Comparator<Organization> BY_NAME = Comparator
            .comparing((Organization organization) -> organization.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Organization::id);

    private final RequestLoader<String, User> users;
    private final UsersApi logto;
    private final OrganizationAccess access;
    private final Connections connections;

    ViewerService(UsersApi logto, OrganizationAccess access, Connections connections) {
        this.users = RequestLoader.of("users", userIds -> logto.users(userIds).collectMap(User::id));
        this.logto = logto;
        this.access = access;
        this.connections = connections;
    }

    /**
     * The viewer's profile, through the users DataLoader. Emits {@link NotFoundException} when the user was
     * deleted while their token is still valid.
     */
    Mono<User> user(Caller caller) {
        return caller.load(users, caller.viewer().userId())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("User not found")));
    }

    /** A user by id, through the users DataLoader (batched with every other user of the request); empty when there is none. */
    public Mono<User> user(Caller caller, String userId) {
        return caller.load(users, userId);
    }

    /** The user when the request holds them already, loaded or {@linkplain #known known}; no load is started. */
    public Optional<User> loadedUser(Caller caller, String userId) {
        return caller.loaded(users, userId);
    }

    /**
     * The viewer's primary email as Logto holds it (verified by Logto's sign-in flows), {@linkplain EmailAddress#lowerCase
     * lower-cased}: never from client input or token claims. Empty when they have none. Shares the users DataLoader.
     */
    public Mono<String> primaryEmail(Caller caller) {
        return user(caller, caller.viewer().userId()).mapNotNull(User::primaryEmail).map(EmailAddress::lowerCase);
    }

    /**
     * Records users the request already read in full (e.g. from a members page), so that asking for them
     * by id later in the same request costs no call.
     */
    public void known(Caller caller, User user) {
        caller.prime(users, user.id(), user);
    }

    /**
     * Reads now the users the request does not hold yet, in one batch ({@code GET /api/users?search.id=…}, 100 ids a
     * page; none when it holds them all), and records them for the request: for user fields a level further down,
     * which would otherwise wait for graphql-java's next DataLoader dispatch (a round trip later when another field
     * of the query is still waiting for Logto). A failed read is dropped: the fields then load the users
     * themselves, and report their own errors.
     */
    public Mono<Void> readAhead(Caller caller, Collection<String> userIds) {
        List<String> missing = userIds.stream().filter(userId -> !caller.holds(users, userId)).toList();
        if (missing.isEmpty()) {
            return Mono.empty();
        }
        return logto.users(missing).doOnNext(user -> known(caller, user)).then().onErrorResume(failed -> Mono.empty());
    }

    /**
     * One page of the viewer's organizations, sorted by name then id. One upstream call per request
     * ({@code GET /api/users/{userId}/organizations}), shared with every membership check; a bad
     * {@code first} or {@code after} fails before any call.
     */
    Mono<Connection<Organization>> organizations(Caller caller, Subrange<Integer> range) {
        return connections.slice(access.organizations(caller)
                .map(organizations -> organizations.stream().sorted(BY_NAME).toList()), range);
    }
}
