package dev.orgbff.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful, thread-safe stand-in for one Logto 1.42 OSS tenant, served over real HTTP on
 * {@code 127.0.0.1}: OIDC discovery, {@code /oidc/jwks} (one EC P-384 key, ES384, plus any a test rotates in),
 * {@code /oidc/token} for {@code client_credentials}, the browser sign-in of single-page apps
 * ({@link #singlePageApp}: {@code /oidc/auth} with PKCE and a demo user picker instead of Logto's sign-in page,
 * the {@code authorization_code} and {@code refresh_token} grants, ID tokens, {@code /oidc/me},
 * {@code /oidc/session/end}, {@code /oidc/token/revocation}, and CORS on the routes browsers call),
 * {@code GET /api/status}, and the Management API
 * routes for organizations, members and their roles, users, the organization template, invitations and
 * JIT settings, answering with Logto's statuses, bodies, error codes and paging headers (see
 * {@code logto/CONTRACT.md} and the recorded transcript; {@code LogtoEmulatorTranscriptTests} checks it).
 *
 * <p>Around that contract it offers test-only extras: direct seeding and inspection (never counted as
 * calls), user access tokens, call counting per route template, injected latency and faults, and the
 * dev-only {@code GET /dev/token?username=} route. One seeded M2M app holds the Management API scope
 * {@code all}.
 *
 * <pre>{@code
 * try (LogtoEmulator logto = LogtoEmulator.start(0)) {
 *     logto.createOrganizationScope("invite:member", null);
 *     logto.createOrganizationRole("admin", "Administrators", "invite:member");
 *     String alice = logto.createUser("alice", "alice@example.com", "Alice");
 *     String acme = logto.createOrganization("Acme", null);
 *     logto.addMember(acme, alice, "admin");
 *     String token = logto.userToken(alice);          // for calls to the BFF
 *     // ... exercise the BFF against logto.endpoint() with logto.m2mAppId() / m2mAppSecret() ...
 *     int calls = logto.calls("GET /api/organizations/{id}/users");
 * }
 * }</pre>
 */
public final class LogtoEmulator implements AutoCloseable {

    /** The Management API resource indicator of an OSS tenant: the {@code aud} of M2M tokens (CONTRACT.md §8). */
    public static final String MANAGEMENT_RESOURCE = "https://default.logto.app/api";
    /** The API resource of the BFF: the {@code aud} of the user tokens this emulator mints. */
    public static final String DEFAULT_API_RESOURCE = "https://api.orgbff.test";

    static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(LogtoEmulator.class.getName());
    private static final int BACKLOG = 1024;
    private static final long QUIET_WAIT_MS = 2_000;

    private final HttpServer server;
    private final ExecutorService executor;
    /** Requests the server has handed to {@link #executor} and not yet answered. */
    private final AtomicInteger exchanges = new AtomicInteger();
    private final HttpClient quietProbe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String endpoint;
    private final TenantState state = new TenantState();
    private final Views views = new Views(state);
    private final TokenIssuer tokens;
    private final CallCounter calls = new CallCounter();
    private final FaultPlan faults = new FaultPlan();
    private final WaveGate waves = new WaveGate();
    private final SignInState signIns = new SignInState();
    private final Webhooks webhooks = new Webhooks(state);
    private final OidcRoutes oidc;
    private final String m2mAppId;
    private final String m2mAppSecret;
    private final String spaAppId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LogtoEmulator(HttpServer server) {
        this.server = server;
        this.endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        this.tokens = new TokenIssuer(endpoint + "/oidc");
        IdGenerator ids = new IdGenerator();
        this.m2mAppId = ids.next(IdGenerator.STANDARD);
        this.m2mAppSecret = ids.next(32);
        this.spaAppId = ids.next(IdGenerator.STANDARD);
        Clients clients = new Clients(state, new Application(m2mAppId, "Management API access",
                Application.Type.MACHINE_TO_MACHINE, m2mAppSecret, List.of(), List.of(), List.of()), tokens.issuer());
        this.oidc = new OidcRoutes(endpoint, tokens, clients, state, signIns);

        RouteTable routes = new RouteTable();
        oidc.register(routes);
        new AuthorizationRoutes(state, signIns, clients, tokens).register(routes);
        new UserinfoRoutes(state, signIns, clients, tokens).register(routes);
        routes.open("GET", "/api/status", request -> Response.noContent());
        new OrganizationRoutes(state, views).register(routes);
        new MemberRoutes(state, views).register(routes);
        new JitRoutes(state, views).register(routes);
        new UserRoutes(state, views).register(routes);
        new OrganizationRoleRoutes(state, views).register(routes);
        new OrganizationScopeRoutes(state, views).register(routes);
        new InvitationRoutes(state, views).register(routes);
        new OneTimeTokenRoutes(state).register(routes);
        new HookRoutes(state, views).register(routes);
        RouteTable devRoutes = new RouteTable();
        new DevRoutes(state, this::userToken).register(devRoutes);

        // a cached pool: injected latency and held requests must not queue the other requests behind them
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(task -> {
            exchanges.incrementAndGet();
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    exchanges.decrementAndGet();
                }
            });
        });
        server.createContext("/", new Router(routes, devRoutes, state, tokens, calls, faults, waves, webhooks));
    }

    /**
     * Starts an emulator on {@code 127.0.0.1}.
     *
     * @param port the TCP port, or 0 for a free one (see {@link #port()})
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static LogtoEmulator start(int port) {
        // the JDK server writes headers and body separately: without TCP_NODELAY, Nagle and the client's delayed ACK
        // add about 40 ms to an answer (read once, when the JDK's server is first used)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // a benchmark's clients keep hundreds of connections; past the default 200 idle ones the server closes them
        // under the clients' feet ("header parser received no bytes")
        System.setProperty("sun.net.httpserver.maxIdleConnections", "2048");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), BACKLOG);
            LogtoEmulator emulator = new LogtoEmulator(server);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Logto emulator on port " + port, e);
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>}, without a trailing slash (Logto's "endpoint"). */
    public String endpoint() {
        return endpoint;
    }

    /** The TCP port the emulator listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The token issuer, {@code endpoint() + "/oidc"}: the {@code iss} of every token. */
    public String issuer() {
        return tokens.issuer();
    }

    /** {@link #DEFAULT_API_RESOURCE}: the audience of {@link #userToken(String)} tokens. */
    public String apiResource() {
        return DEFAULT_API_RESOURCE;
    }

    /** The client id of the seeded M2M app (21 characters {@code [0-9a-z]}, like Logto's app ids). */
    public String m2mAppId() {
        return m2mAppId;
    }

    /** The client secret of the seeded M2M app. */
    public String m2mAppSecret() {
        return m2mAppSecret;
    }

    /** Stops the server; requests held by a {@link Fault#timeout()} are let go first. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        faults.releaseHeld();
        waves.stop();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- seeding and inspection

    /**
     * Adds a permission to the organization template.
     *
     * @return the new scope's id (21 characters)
     * @throws IllegalArgumentException when a scope with that name exists
     */
    public String createOrganizationScope(String name, @Nullable String description) {
        synchronized (state) {
            if (state.scopes().byName(name) != null) {
                throw new IllegalArgumentException("organization scope exists: " + name);
            }
            OrganizationScope scope = new OrganizationScope(state.newId(IdGenerator.STANDARD), name, description);
            state.scopes().put(scope);
            return scope.id();
        }
    }

    /**
     * Adds a role of type {@code User} to the organization template, holding the named scopes.
     *
     * @return the new role's id (21 characters)
     * @throws IllegalArgumentException when the name is taken or a scope name is unknown
     */
    public String createOrganizationRole(String name, @Nullable String description, String... scopeNames) {
        synchronized (state) {
            if (state.roles().byName(name) != null) {
                throw new IllegalArgumentException("organization role exists: " + name);
            }
            List<String> scopeIds = new ArrayList<>();
            for (String scopeName : scopeNames) {
                OrganizationScope scope = state.scopes().byName(scopeName);
                if (scope == null) {
                    throw new IllegalArgumentException("unknown organization scope: " + scopeName);
                }
                scopeIds.add(scope.id());
            }
            OrganizationRole role = new OrganizationRole(state.newId(IdGenerator.STANDARD), name, description,
                    OrganizationRole.USER);
            state.roles().put(role);
            state.roleScopes().replace(role.id(), scopeIds);
            return role.id();
        }
    }

    /**
     * Registers an API resource, to whose scopes organization roles can then be linked.
     *
     * @return the new resource's id (21 characters)
     */
    public String createApiResource(String name, String indicator) {
        synchronized (state) {
            ApiResource resource = new ApiResource(state.newId(IdGenerator.STANDARD), name, indicator);
            state.apiResources().put(resource);
            return resource.id();
        }
    }

    /**
     * Adds a permission (scope) to an API resource.
     *
     * @return the new scope's id (21 characters)
     * @throws IllegalArgumentException when the resource is unknown
     */
    public String createApiScope(String resourceId, String name, @Nullable String description) {
        synchronized (state) {
            if (!state.apiResources().contains(resourceId)) {
                throw new IllegalArgumentException("unknown API resource: " + resourceId);
            }
            ApiScope scope = new ApiScope(state.newId(IdGenerator.STANDARD), resourceId, name, description, state.now());
            state.apiScopes().put(scope);
            return scope.id();
        }
    }

    /**
     * Lets an organization role grant API resource scopes too ({@code resourceScopes}).
     *
     * @throws IllegalArgumentException when the role or a scope is unknown
     */
    public void grantApiScopes(String roleName, String... apiScopeIds) {
        synchronized (state) {
            OrganizationRole role = state.roles().byName(roleName);
            if (role == null || !state.apiScopes().containsAll(List.of(apiScopeIds))) {
                throw new IllegalArgumentException("unknown role or API scope: " + roleName + " " + List.of(apiScopeIds));
            }
            for (String scopeId : apiScopeIds) {
                state.roleResourceScopes().add(role.id(), scopeId);
            }
        }
    }

    /**
     * Adds a user, as {@code POST /api/users} would.
     *
     * @return the new user's id (12 characters)
     * @throws IllegalArgumentException when the username or the email (case-insensitively) is taken
     */
    public String createUser(String username, @Nullable String primaryEmail, @Nullable String name) {
        synchronized (state) {
            if (state.usernameTaken(username)) {
                throw new IllegalArgumentException("username taken: " + username);
            }
            if (primaryEmail != null && state.emailTaken(primaryEmail)) {
                throw new IllegalArgumentException("email taken: " + primaryEmail);
            }
            long now = state.now();
            User user = new User(state.newId(IdGenerator.SHORT), username, primaryEmail, null, name, null,
                    JsonNodeFactory.instance.objectNode(),
                    JsonNodeFactory.instance.objectNode(), false, now, now, state.nextSequence());
            state.users().put(user);
            return user.id();
        }
    }

    /**
     * Adds an organization with empty custom data, colors and branding.
     *
     * @return the new organization's id (12 characters)
     */
    public String createOrganization(String name, @Nullable String description) {
        synchronized (state) {
            Organization organization = new Organization(state.newId(IdGenerator.SHORT), name, description,
                    JsonNodeFactory.instance.objectNode(), false,
                    JsonNodeFactory.instance.objectNode(),
                    JsonNodeFactory.instance.objectNode(), null, state.now());
            state.organizations().put(organization);
            return organization.id();
        }
    }

    /**
     * Makes a user a member of an organization (idempotent) and gives them the named roles.
     *
     * @throws IllegalArgumentException when the organization, the user or a role name is unknown, or a role is not of type User
     */
    public void addMember(String organizationId, String userId, String... roleNames) {
        synchronized (state) {
            if (!state.organizations().contains(organizationId)) {
                throw new IllegalArgumentException("unknown organization: " + organizationId);
            }
            if (!state.users().contains(userId)) {
                throw new IllegalArgumentException("unknown user: " + userId);
            }
            List<String> roleIds = new ArrayList<>();
            for (String roleName : roleNames) {
                OrganizationRole role = state.roles().byName(roleName);
                if (role == null || !OrganizationRole.USER.equals(role.type())) {
                    throw new IllegalArgumentException("unknown user role: " + roleName);
                }
                roleIds.add(role.id());
            }
            state.addMember(organizationId, userId);
            roleIds.forEach(roleId -> state.addMemberRole(organizationId, userId, roleId));
        }
    }

    /** True while the organization exists. */
    public boolean organizationExists(String organizationId) {
        synchronized (state) {
            return state.organizations().contains(organizationId);
        }
    }

    /** The ids of every organization, oldest first. */
    public List<String> organizationIds() {
        synchronized (state) {
            return state.organizations().stream().map(Organization::id).toList();
        }
    }

    /** The member user ids of an organization, sorted; empty for an unknown organization. */
    public Set<String> memberIds(String organizationId) {
        synchronized (state) {
            return state.memberIds(organizationId);
        }
    }

    /** The names of a member's roles in an organization, sorted; empty for a non-member. */
    public Set<String> memberRoleNames(String organizationId, String userId) {
        synchronized (state) {
            Set<String> names = new TreeSet<>();
            state.memberRoleIds(organizationId, userId).stream()
                    .map(state.roles()::get)
                    .filter(Objects::nonNull)
                    .forEach(role -> names.add(role.name()));
            return names;
        }
    }

    /**
     * Replaces an organization's custom data whole, as {@code PATCH /api/organizations/{id}} would (Logto sets no size
     * limit on it, and the Console writes it too).
     *
     * @throws IllegalArgumentException when the organization is unknown
     */
    public void setCustomData(String organizationId, ObjectNode customData) {
        synchronized (state) {
            Organization current = state.organizations().get(organizationId);
            if (current == null) {
                throw new IllegalArgumentException("unknown organization: " + organizationId);
            }
            state.organizations().put(new Organization(current.id(), current.name(), current.description(), customData.deepCopy(),
                    current.isMfaRequired(), current.color(), current.branding(), current.customCss(), current.createdAt()));
        }
    }

    /**
     * Sets an organization's just-in-time email domains, as {@code PUT /api/organizations/{id}/jit/email-domains}
     * would: stored as given, in this order.
     *
     * @throws IllegalArgumentException when the organization is unknown
     */
    public void setJitEmailDomains(String organizationId, String... emailDomains) {
        synchronized (state) {
            if (!state.organizations().contains(organizationId)) {
                throw new IllegalArgumentException("unknown organization: " + organizationId);
            }
            state.jitDomains().replace(organizationId, List.of(emailDomains));
        }
    }

    /**
     * Sets the roles an organization's just-in-time members get, by name, as
     * {@code PUT /api/organizations/{id}/jit/roles} would.
     *
     * @throws IllegalArgumentException when the organization or a role name is unknown
     */
    public void setJitRoles(String organizationId, String... roleNames) {
        synchronized (state) {
            if (!state.organizations().contains(organizationId)) {
                throw new IllegalArgumentException("unknown organization: " + organizationId);
            }
            List<String> roleIds = new ArrayList<>();
            for (String roleName : roleNames) {
                OrganizationRole role = state.roles().byName(roleName);
                if (role == null) {
                    throw new IllegalArgumentException("unknown role: " + roleName);
                }
                roleIds.add(role.id());
            }
            state.jitRoles().replace(organizationId, roleIds);
        }
    }

    /** The just-in-time email domains of an organization as stored, in the order they were added; empty for an unknown organization. */
    public List<String> jitEmailDomains(String organizationId) {
        synchronized (state) {
            return List.copyOf(state.jitDomains().get(organizationId));
        }
    }

    /** The names of the roles an organization's just-in-time members get, sorted; empty for an unknown organization. */
    public Set<String> jitRoleNames(String organizationId) {
        synchronized (state) {
            Set<String> names = new TreeSet<>();
            state.jitRoles().get(organizationId).stream()
                    .map(state.roles()::get)
                    .filter(Objects::nonNull)
                    .forEach(role -> names.add(role.name()));
            return names;
        }
    }

    /** The id of the organization role with this name, or null. */
    public @Nullable String roleId(String name) {
        synchronized (state) {
            OrganizationRole role = state.roles().byName(name);
            return role == null ? null : role.id();
        }
    }

    /**
     * Adds an organization role of type {@code MachineToMachine} (for apps, never for users) holding the
     * named scopes.
     *
     * @return the new role's id
     */
    public String createMachineRole(String name, String... scopeNames) {
        String id = createOrganizationRole(name, null, scopeNames);
        synchronized (state) {
            OrganizationRole role = state.roles().get(id);
            state.roles().put(new OrganizationRole(id, role.name(), role.description(), OrganizationRole.MACHINE_TO_MACHINE));
        }
        return id;
    }

    /**
     * Registers a single-page app (Logto's application type {@code SPA}): a public client
     * ({@code token_endpoint_auth_method: none}) that signs users in with the authorization code flow and PKCE at
     * {@code GET /oidc/auth} and {@code POST /oidc/token}, and may use refresh tokens. Browsers may call the token,
     * userinfo and revocation endpoints from the origins of its redirect URIs.
     *
     * @param redirectUris           the exact redirect URIs the authorization endpoint accepts
     * @param postLogoutRedirectUris the URIs end-session may redirect to
     * @return the app id (its {@code client_id}, 21 characters)
     */
    public String singlePageApp(String name, List<String> redirectUris, List<String> postLogoutRedirectUris) {
        synchronized (state) {
            Application app = new Application(state.newId(IdGenerator.STANDARD), name, Application.Type.SPA, null,
                    redirectUris, postLogoutRedirectUris, List.of());
            state.applications().put(app);
            return app.id();
        }
    }

    /**
     * Registers another machine-to-machine app holding the Management API scope {@code all}, with credentials of the
     * caller's choosing (fixed demo credentials that a second process can be given).
     *
     * @throws IllegalArgumentException when an app with that id exists
     */
    public void machineToMachineApp(String name, String appId, String appSecret) {
        synchronized (state) {
            if (appId.equals(m2mAppId) || state.applications().contains(appId)) {
                throw new IllegalArgumentException("app exists: " + appId);
            }
            state.applications().put(new Application(appId, name, Application.Type.MACHINE_TO_MACHINE, appSecret, List.of(),
                    List.of(), List.of()));
        }
    }

    /**
     * Adds redirect and post-logout redirect URIs to a single-page app (URIs it already has are kept once), as
     * editing the app in Logto's console would; e.g. once a server's port is known.
     *
     * @throws IllegalArgumentException when the app is unknown
     */
    public void addRedirectUris(String appId, List<String> redirectUris, List<String> postLogoutRedirectUris) {
        synchronized (state) {
            state.applications().put(application(appId).withUris(redirectUris, postLogoutRedirectUris));
        }
    }

    /**
     * Lets browsers on these origins call the token, userinfo and revocation endpoints for a single-page app, besides
     * the origins of its redirect URIs (Logto's "CORS allowed origins" of an app).
     *
     * @param origins origins such as {@code https://app.example.com}, without a path
     * @throws IllegalArgumentException when the app is unknown
     */
    public void allowCorsOrigins(String appId, String... origins) {
        synchronized (state) {
            state.applications().put(application(appId).withCorsAllowedOrigins(List.of(origins)));
        }
    }

    /** The redirect URIs of a single-page app, in the order registered; empty for an unknown app. */
    public List<String> redirectUris(String appId) {
        synchronized (state) {
            Application app = state.applications().get(appId);
            return app == null ? List.of() : app.redirectUris();
        }
    }

    private Application application(String appId) {
        Application app = state.applications().get(appId);
        if (app == null) {
            throw new IllegalArgumentException("unknown single-page app: " + appId);
        }
        return app;
    }

    /** The id of the user with this username, or null. */
    public @Nullable String userIdByUsername(String username) {
        synchronized (state) {
            User user = state.userByUsername(username);
            return user == null ? null : user.id();
        }
    }

    /**
     * Configures an email connector: invitation messages are then accepted (204) and recorded instead of
     * Logto's default 501 {@code connector.not_found}.
     */
    public void enableEmailConnector() {
        synchronized (state) {
            state.enableEmailConnector();
        }
    }

    /**
     * Adds an invitation as {@code POST /api/organization-invitations} would, but with any expiry (even a
     * past one, which Logto's API refuses), for seeding.
     *
     * @return the new invitation's id (21 characters)
     * @throws IllegalArgumentException when the organization, the inviter or a role name is unknown
     */
    public String createInvitation(String organizationId, @Nullable String inviterId, String invitee, Instant expiresAt,
            String... roleNames) {
        synchronized (state) {
            if (!state.organizations().contains(organizationId) || inviterId != null && !state.users().contains(inviterId)) {
                throw new IllegalArgumentException("unknown organization or inviter");
            }
            List<String> roleIds = new ArrayList<>();
            for (String roleName : roleNames) {
                OrganizationRole role = state.roles().byName(roleName);
                if (role == null) {
                    throw new IllegalArgumentException("unknown role: " + roleName);
                }
                roleIds.add(role.id());
            }
            long now = state.now();
            Invitation invitation = new Invitation(state.newId(IdGenerator.STANDARD), inviterId, invitee, null, organizationId,
                    Invitation.PENDING, now, now, expiresAt.toEpochMilli(), roleIds, state.nextSequence());
            state.invitations().put(invitation);
            return invitation.id();
        }
    }

    /** The status of an invitation as Logto shows it now ({@code Pending}, {@code Accepted}, {@code Expired}, {@code Revoked}), or null. */
    public @Nullable String invitationStatus(String invitationId) {
        synchronized (state) {
            Invitation invitation = state.invitations().get(invitationId);
            return invitation == null ? null : invitation.statusAt(state.now());
        }
    }

    /** The address an invitation was sent to, as stored (case kept), or null for an unknown invitation. */
    public @Nullable String invitationInvitee(String invitationId) {
        synchronized (state) {
            Invitation invitation = state.invitations().get(invitationId);
            return invitation == null ? null : invitation.invitee();
        }
    }

    /** The user who accepted an invitation, or null (not accepted, or an unknown invitation). */
    public @Nullable String invitationAcceptedUserId(String invitationId) {
        synchronized (state) {
            Invitation invitation = state.invitations().get(invitationId);
            return invitation == null ? null : invitation.acceptedUserId();
        }
    }

    /** A user's primary email as stored, or null (none, or an unknown user). */
    public @Nullable String userPrimaryEmail(String userId) {
        synchronized (state) {
            User user = state.users().get(userId);
            return user == null ? null : user.primaryEmail();
        }
    }

    /** The ids of every invitation to an organization, newest first. */
    public List<String> invitationIds(String organizationId) {
        synchronized (state) {
            return state.invitations().stream()
                    .filter(invitation -> invitation.organizationId().equals(organizationId))
                    .sorted(Comparator.comparingLong(Invitation::sequence).reversed())
                    .map(Invitation::id)
                    .toList();
        }
    }

    /** The one-time tokens issued so far, oldest first. */
    public List<OneTimeToken> oneTimeTokens() {
        synchronized (state) {
            return state.oneTimeTokens().stream().toList();
        }
    }

    /**
     * Takes the RSA key ({@link TokenBuilder#rs256()}) out of {@code /oidc/jwks}, as Logto does with a key it rotates
     * out; tokens can still be signed with it, as an attacker holding the old key could. {@link #reset()} publishes it
     * again.
     */
    public void withdrawRsaKey() {
        tokens.rsaKeyWithdrawn(true);
    }

    /** Moves the tenant's clock forward (invitations expire, tokens age); {@link #reset()} moves it back. */
    public void advanceClock(Duration duration) {
        synchronized (state) {
            state.advanceClock(duration.toMillis());
        }
    }

    /** Tells {@code listener} of every invitation message "sent" from now on; it stays through {@link #reset()}. */
    public void onMessage(Consumer<SentMessage> listener) {
        synchronized (state) {
            state.onMessage(listener);
        }
    }

    /** Removes the email connector again: invitation messages answer Logto's 501 {@code connector.not_found}. */
    public void disableEmailConnector() {
        synchronized (state) {
            state.disableEmailConnector();
        }
    }

    /** The invitation messages recorded since the connector was enabled, oldest first. */
    public List<SentMessage> sentMessages() {
        synchronized (state) {
            return state.messages();
        }
    }

    // ---------------------------------------------------------------- webhooks

    /**
     * Registers a webhook as {@code POST /api/hooks} would, but with a signing key of the caller's choosing (a service
     * under test is configured with it before the hook exists), for seeding.
     *
     * @param url        where deliveries are POSTed
     * @param signingKey the HMAC-SHA256 key of {@code logto-signature-sha-256}
     * @param events     the events delivered, e.g. {@code Organization.Membership.Updated}
     * @return the hook's id (21 characters)
     * @throws IllegalArgumentException when an event is not one of Logto's
     */
    public String createHook(String url, String signingKey, String... events) {
        if (events.length == 0 || !HookRoutes.EVENTS.containsAll(List.of(events))) {
            throw new IllegalArgumentException("unknown or no hook events: " + List.of(events));
        }
        synchronized (state) {
            Hook hook = new Hook(state.newId(IdGenerator.STANDARD), "", null, List.of(events),
                    JsonNodeFactory.instance.objectNode().put("url", url), signingKey, true, state.now());
            state.hooks().put(hook);
            return hook.id();
        }
    }

    /**
     * The webhook deliveries made since the last reset, in the order they were answered (or failed): each request as
     * sent, with the receiver's status. Only Management API calls deliver; seeding through this class never does.
     */
    public List<Delivery> deliveries() {
        return webhooks.deliveries();
    }

    /**
     * Waits until every delivery raised so far has been made (answered or failed), so that a test can look at
     * {@link #deliveries()} or the receiver's state without sleeping. Held deliveries are not waited for.
     *
     * @throws IllegalStateException when some are still under way after 30 s
     */
    public void awaitDeliveries() {
        if (!awaitDeliveries(Duration.ofSeconds(30))) {
            throw new IllegalStateException("webhook deliveries still under way after 30 s");
        }
    }

    private boolean awaitDeliveries(Duration timeout) {
        try {
            return webhooks.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** From now on, deliveries wait (a webhook late or lost) until {@link #releaseDeliveries()} or {@link #dropHeldDeliveries()}. */
    public void holdDeliveries() {
        webhooks.hold();
    }

    /** Sends the held deliveries (in no particular order, as Logto) and stops holding; answers how many. */
    public int releaseDeliveries() {
        return webhooks.release();
    }

    /** Loses the held deliveries, as a Logto that could not reach the receiver does (it never retries), and stops holding; answers how many. */
    public int dropHeldDeliveries() {
        return webhooks.drop();
    }

    // ---------------------------------------------------------------- tokens

    /**
     * A user access token as Logto issues for the BFF's API resource: ES384, header {@code typ: at+jwt}
     * and the JWKS {@code kid}; claims {@code iss} = {@link #issuer()}, {@code aud} = {@link #apiResource()},
     * {@code sub} = the user id, {@code client_id} (a SPA app id), {@code scope: ""}, {@code jti},
     * {@code iat} = now and {@code exp} = now + 3600 s (epoch seconds). The user need not exist.
     */
    public String userToken(String userId) {
        return token(userId).sign();
    }

    /** A builder for any token the emulator's issuer could (or could not) have signed; defaults as {@link #userToken(String)}. */
    public TokenBuilder token(String subject) {
        return new TokenBuilder(tokens, subject, DEFAULT_API_RESOURCE, spaAppId);
    }

    /**
     * The lifetime of the JWT access tokens {@code POST /oidc/token} issues from now on, for the M2M app and for users
     * signed in through a single-page app (Logto's {@code accessTokenTtl} of an API resource): their
     * {@code expires_in} and {@code exp - iat} (default 3600 s). {@link #userToken} tokens keep one hour.
     */
    public void accessTokenTtl(Duration ttl) {
        oidc.accessTokenTtl(ttl);
    }

    // ---------------------------------------------------------------- call counting

    /**
     * How many HTTP calls reached a route since the last reset, keyed {@code "METHOD <route template>"}
     * with Logto's OpenAPI templates, e.g. {@code "GET /api/users/{userId}/organizations"} or
     * {@code "POST /oidc/token"}; an unknown route counts under {@code "METHOD <raw path>"}.
     * {@code /dev/*} calls are not counted.
     */
    public int calls(String route) {
        return calls.count(route);
    }

    /** A sorted snapshot of every route with at least one call. */
    public Map<String, Integer> calls() {
        return calls.snapshot();
    }

    /** The number of calls to routes whose path starts with {@code /api/} (the Management API, including {@code /api/status}). */
    public int apiCalls() {
        return calls.apiCalls();
    }

    /** Sets every call count back to zero. */
    public void resetCalls() {
        calls.reset();
    }

    // ---------------------------------------------------------------- dependent round trips

    /**
     * Starts counting dependent round trips (see {@link WaveGate}): every {@code /api/**} call is held until
     * {@code quiet} passed without a new one, then the held calls are answered together as one wave.
     */
    public void countWaves(Duration quiet) {
        waves.start(quiet);
    }

    /** Stops holding calls and answers the waves counted since {@link #countWaves}. */
    public int stopCountingWaves() {
        waves.stop();
        return waves.waves();
    }

    // ---------------------------------------------------------------- latency and faults

    /** Sleeps this long before answering each {@code /api/**} and {@code /oidc/token} call ({@link Duration#ZERO}: none). */
    public void latency(Duration perCall) {
        faults.latency(perCall);
    }

    /**
     * The next call to {@code route} (a key as in {@link #calls(String)}) answers with {@code fault};
     * later calls are served normally again. Several {@code failNext} calls queue up.
     */
    public void failNext(String route, Fault fault) {
        faults.failNext(route, fault);
    }

    /**
     * Lets the next {@code skip} calls to {@code route} through, then answers the one after them with
     * {@code fault}: a fault at the second or third call of a route an operation calls several times.
     */
    public void failNext(String route, int skip, Fault fault) {
        faults.failAfter(route, skip, fault);
    }

    /** Every call to {@code route} answers with {@code fault} until {@link #clearFaults()}. */
    public void fail(String route, Fault fault) {
        faults.fail(route, fault);
    }

    /**
     * Random faults on every Management API call from now on (a soak test's weather): 503 with probability
     * {@code unavailable}; with probability {@code lostAnswer} the call is carried out but its answer never comes
     * ({@link Fault#lostAnswer()}). {@link #clearFaults()} ends it.
     */
    public void chaos(double unavailable, double lostAnswer) {
        faults.chaos(unavailable, lostAnswer);
    }

    /** The 503s and the lost answers {@link #chaos} produced so far: {@code [unavailable, lostAnswers]}. */
    public int[] chaosCounts() {
        return faults.chaosCounts();
    }

    /** Removes every injected fault (the latency stays). */
    public void clearFaults() {
        faults.clearFaults();
    }

    /**
     * Back to the state right after {@link #start(int)}: drops every organization, user, role, scope, API
     * resource, invitation, JIT setting, single-page app, webhook, sign-in session, code and opaque or refresh token, and every
     * recorded message and delivery (held ones are dropped, those under way awaited), turns the email connector off, clears call counts,
     * faults and latency, restores the default token TTL, publishes a withdrawn RSA key again, and lets held requests
     * go. The signing key,
     * the M2M app and every token issued so far stay valid.
     *
     * <p>First it waits (at most {@value #QUIET_WAIT_MS} ms) until every request that reached it before has been
     * answered: a call the service cancelled when another failed (one branch of a zip) may be read after the test
     * that caused it has ended, and must not be counted in the next one.
     */
    public void reset() {
        // held and gated requests go first, so that waiting for quiet does not wait for them
        faults.clear();
        waves.stop();
        awaitQuiet();
        webhooks.drop();
        awaitDeliveries(Duration.ofMillis(QUIET_WAIT_MS));
        webhooks.clear();
        synchronized (state) {
            state.clear();
            signIns.clear();
        }
        tokens.rsaKeyWithdrawn(false);
        calls.reset();
        faults.clear();
        waves.stop();
        oidc.accessTokenTtl(DEFAULT_ACCESS_TOKEN_TTL);
    }

    private void awaitQuiet() {
        try {
            // once the server has taken this request, it has taken every one whose bytes were there before it
            quietProbe.send(HttpRequest.newBuilder(URI.create(endpoint + "/dev/quiet")).timeout(Duration.ofMillis(QUIET_WAIT_MS)).build(),
                    HttpResponse.BodyHandlers.discarding());
            long deadline = System.nanoTime() + Duration.ofMillis(QUIET_WAIT_MS).toNanos();
            while (exchanges.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (exchanges.get() > 0) {
                // a request held by latency or a test's own thread; the next test may see its call counted
                LOG.warning(() -> "reset: " + exchanges.get() + " request(s) still unanswered after " + QUIET_WAIT_MS + " ms");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator does not answer itself", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LogtoEmulator[" + endpoint + "]";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "logto-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
