package dev.orgbff.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.orgbff.CanonicalTenant;
import dev.orgbff.DemoTenant;
import dev.orgbff.emulator.LogtoEmulator;

/**
 * The Logto the benchmark runs against and who asks what: the emulator seeded with the {@link CanonicalTenant
 * canonical sizes} (erin's switcher, alice's page of Acme, carol's landing) and an organization of alice's for each
 * other size of the organization page ({@link #seedOrganizations}), or a real Logto from the environment.
 */
final class Target implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who asks one canonical query: the user's access token and id, and the operation's variables. */
    record Subject(String token, String userId, Map<String, Object> variables) {

        @Override
        public String toString() {
            return "Subject[" + userId + "]"; // never the token
        }
    }

    private final String endpoint;
    private final String apiResource;
    private final String m2mAppId;
    private final String m2mAppSecret;
    private final String managementResource;
    private final String adminRole;
    private final Map<Query, Subject> subjects;
    private final Map<Integer, Subject> organizationPages;
    private final @Nullable LogtoEmulator emulator;
    private final @Nullable DemoTenant demo;

    private Target(String endpoint, String apiResource, String m2mAppId, String m2mAppSecret, String managementResource,
            String adminRole, Map<Query, Subject> subjects, Map<Integer, Subject> organizationPages, @Nullable LogtoEmulator emulator,
            @Nullable DemoTenant demo) {
        this.endpoint = endpoint;
        this.apiResource = apiResource;
        this.m2mAppId = m2mAppId;
        this.m2mAppSecret = m2mAppSecret;
        this.managementResource = managementResource;
        this.adminRole = adminRole;
        this.subjects = subjects;
        this.organizationPages = organizationPages;
        this.emulator = emulator;
        this.demo = demo;
    }

    /**
     * Starts an emulator on a free port with {@code latency} per call and seeds the canonical tenant, with an
     * organization of alice's for each of {@code members} (the organization page's sizes).
     */
    static Target emulated(Duration latency, List<Integer> members) {
        LogtoEmulator logto = LogtoEmulator.start(0);
        DemoTenant demo = CanonicalTenant.seed(logto).demo();
        Map<Integer, String> organizations = seedOrganizations(logto, demo, members);
        logto.latency(latency);
        Map<Query, Subject> subjects = new EnumMap<>(Query.class);
        subjects.put(Query.SWITCHER, new Subject(logto.userToken(demo.erin()), demo.erin(), Map.of()));
        subjects.put(Query.INVITEE_LANDING, new Subject(logto.userToken(demo.carol()), demo.carol(), Map.of()));
        String alice = logto.userToken(demo.alice());
        subjects.put(Query.ORGANIZATION_PAGE, new Subject(alice, demo.alice(), Map.of("id", demo.acme())));
        Map<Integer, Subject> pages = new TreeMap<>();
        organizations.forEach((size, id) -> pages.put(size, new Subject(alice, demo.alice(), Map.of("id", id))));
        return new Target(logto.endpoint(), logto.apiResource(), logto.m2mAppId(), logto.m2mAppSecret(),
                LogtoEmulator.MANAGEMENT_RESOURCE, "admin", subjects, pages, logto, demo);
    }

    /**
     * An organization of {@code size} members for each size, alice its admin: Acme for {@link CanonicalTenant#MEMBERS},
     * otherwise a new one with {@link CanonicalTenant#INVITATIONS} pending invitations as Acme has them (half from
     * alice, half from dave, who is not a member), so that between sizes only the members differ.
     *
     * @return the organizations' ids by size
     */
    static Map<Integer, String> seedOrganizations(LogtoEmulator logto, DemoTenant demo, List<Integer> sizes) {
        Map<Integer, String> organizations = new TreeMap<>();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));
        for (int size : sizes) {
            if (size == CanonicalTenant.MEMBERS) {
                organizations.put(size, demo.acme());
                continue;
            }
            String organization = logto.createOrganization("Acme of " + size, "The organization page with " + size + " members");
            logto.addMember(organization, demo.alice(), "admin");
            for (int i = 0; i < size - 1; i++) {
                String user = logto.createUser("size" + size + "user" + i, "user" + i + "@size" + size + ".test", "User " + i);
                logto.addMember(organization, user, i % 10 == 0 ? "admin" : "member");
            }
            for (int i = 0; i < CanonicalTenant.INVITATIONS; i++) {
                logto.createInvitation(organization, i % 2 == 0 ? demo.alice() : demo.dave(), "guest" + i + "@size" + size + ".test",
                        expiresAt, "member");
            }
            organizations.put(size, organization);
        }
        return organizations;
    }

    /** A real Logto: each query with a token is asked by that token's subject ({@code sub}). */
    static Target remote(BenchConfig.Remote remote) {
        Map<Query, Subject> subjects = new EnumMap<>(Query.class);
        Map<Integer, Subject> pages = new TreeMap<>();
        remote.tokens().forEach((query, token) -> {
            if (query == Query.ORGANIZATION_PAGE) {
                remote.organizations().forEach((size, id) -> pages.put(size, new Subject(token, subject(token), Map.of("id", id))));
                if (pages.containsKey(CanonicalTenant.MEMBERS)) {
                    subjects.put(query, pages.get(CanonicalTenant.MEMBERS));
                }
            } else {
                subjects.put(query, new Subject(token, subject(token), Map.of()));
            }
        });
        return new Target(remote.endpoint(), remote.apiResource(), remote.m2mAppId(), remote.m2mAppSecret(),
                remote.managementResource(), remote.adminRole(), subjects, pages, null, null);
    }

    /** The user id a token is for: its {@code sub} claim (read, not verified: the service verifies it). */
    private static String subject(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a BENCH_*TOKEN is not a JWT");
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).path("sub").asString();
    }

    /** The service's settings, for its environment. */
    Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LOGTO_ENDPOINT", endpoint);
        environment.put("LOGTO_API_RESOURCE", apiResource);
        environment.put("LOGTO_M2M_APP_ID", m2mAppId);
        environment.put("LOGTO_M2M_APP_SECRET", m2mAppSecret);
        environment.put("LOGTO_MANAGEMENT_RESOURCE", managementResource);
        environment.put("ORGBFF_ADMIN_ROLE", adminRole);
        environment.put("ORGBFF_ACCEPT_URL", "http://localhost:5173/invitations/{invitationId}");
        environment.put("ORGBFF_RATE_LIMIT_ENABLED", "false"); // the benchmark measures the service, not its budgets
        return environment;
    }

    NoBffClient noBffClient() {
        return new NoBffClient(endpoint, m2mAppId, m2mAppSecret, managementResource, adminRole);
    }

    /** The emulator and its demo tenant, for the soak; {@code null} for a real Logto. */
    @Nullable LogtoEmulator emulator() {
        return emulator;
    }

    @Nullable DemoTenant demo() {
        return demo;
    }

    /** Who asks {@code query}; for the organization page, of the organization of {@link CanonicalTenant#MEMBERS} members. */
    @Nullable Subject subject(Query query) {
        return subjects.get(query);
    }

    /** Who asks the organization page of the organization of {@code members} members, or {@code null} when there is none. */
    @Nullable Subject organizationPage(int members) {
        return organizationPages.get(members);
    }

    /** The emulator's latency per call, or {@code null} for a real Logto (whose latency is not known). */
    @Nullable Duration latency(Duration configured) {
        return emulator == null ? null : configured;
    }

    String describe() {
        return emulator == null ? "a real Logto at " + endpoint : "the Logto emulator (separate from the service's process)";
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
