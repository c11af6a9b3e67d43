package dev.orgbff.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "no BFF" baseline: the Management API calls a server-side client with its own M2M token would make to
 * fetch the same data as a canonical query, independent calls sent together, one call per inviter and per
 * organization where Logto has no batch read. Like the service with its template cache, it holds the
 * organization template (read once here), so permissions cost no call.
 *
 * <p>Each fetch also works out what the service's minimum is for the data it found (calls and dependent round
 * trips, by the rules stated in {@code schema/operations/}), so a real Logto's own data gets its own minimum.
 */
final class NoBffClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final String endpoint;
    private final String appId;
    private final String appSecret;
    private final String managementResource;
    private volatile String accessToken = "";
    private volatile Instant refreshAt = Instant.MIN;
    private final String adminRoleId;

    /**
     * @throws IllegalStateException when the M2M token or the template cannot be read, or the admin role is not in it
     */
    NoBffClient(String endpoint, String appId, String appSecret, String managementResource, String adminRole) {
        this.endpoint = endpoint;
        this.appId = appId;
        this.appSecret = appSecret;
        this.managementResource = managementResource;
        JsonNode roles = get("/api/organization-roles?page=1&page_size=100", new AtomicInteger()).join();
        this.adminRoleId = roles.valueStream().filter(role -> role.path("name").asString().equals(adminRole))
                .map(role -> role.path("id").asString()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the organization template has no role " + adminRole));
    }

    /** What one fetch found and cost. */
    record Fetched(int items, int calls, int serviceMinimumCalls, int serviceMinimumRoundTrips, int roundTrips) {
    }

    /** The switcher's data: {@code GET /api/users/{id}/organizations} (organizations with the user's roles). */
    CompletableFuture<Fetched> switcher(String userId) {
        AtomicInteger calls = new AtomicInteger();
        return get("/api/users/" + userId + "/organizations", calls)
                .thenApply(organizations -> new Fetched(organizations.size(), calls.get(), 1, 1, 1));
    }

    /**
     * The organization page's data: the viewer's memberships (its roles, the organization's name), the first
     * 100 members with their roles and the invitations, together; then the admin count (for "may leave") when
     * the viewer is an admin, and each inviter who is not among the members fetched.
     */
    CompletableFuture<Fetched> organizationPage(String userId, String organizationId) {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<JsonNode> memberships = get("/api/users/" + userId + "/organizations", calls);
        CompletableFuture<JsonNode> members = get("/api/organizations/" + organizationId + "/users?page=1&page_size=100", calls);
        CompletableFuture<JsonNode> invitations = get("/api/organization-invitations?organizationId=" + organizationId, calls);
        return CompletableFuture.allOf(memberships, members, invitations).thenCompose(ignored -> {
            boolean admin = memberships.join().valueStream()
                    .filter(organization -> organization.path("id").asString().equals(organizationId))
                    .flatMap(organization -> organization.path("organizationRoles").valueStream())
                    .anyMatch(role -> role.path("id").asString().equals(adminRoleId));
            Set<String> memberIds = new HashSet<>();
            members.join().valueStream().forEach(member -> memberIds.add(member.path("id").asString()));
            List<JsonNode> pending = pending(invitations.join());
            Set<String> inviters = inviterIds(pending);
            Set<String> missing = new LinkedHashSet<>(inviters);
            missing.removeAll(memberIds);
            List<CompletableFuture<JsonNode>> second = new ArrayList<>();
            if (admin) {
                second.add(get("/api/organizations/" + organizationId + "/users?organizationRoleId=" + adminRoleId + "&page=1&page_size=1", calls));
            }
            missing.forEach(inviter -> second.add(get("/api/users/" + inviter, calls)));
            int serviceCalls = 3 + (admin ? 1 : 0) + (missing.isEmpty() ? 0 : 1);
            int roundTrips = second.isEmpty() ? 1 : 2;
            return CompletableFuture.allOf(second.toArray(CompletableFuture[]::new)).thenApply(done ->
                    new Fetched(members.join().size() + pending.size(), calls.get(), serviceCalls, roundTrips, roundTrips));
        });
    }

    /**
     * The invitee landing's data: the viewer's email, then the invitations to it, then each inviting
     * organization and each inviter (one call apiece).
     */
    CompletableFuture<Fetched> inviteeLanding(String userId) {
        AtomicInteger calls = new AtomicInteger();
        return get("/api/users/" + userId, calls).thenCompose(user -> {
            String email = user.path("primaryEmail").asString("");
            if (email.isEmpty()) {
                return CompletableFuture.completedFuture(new Fetched(0, calls.get(), 1, 1, 1));
            }
            return get("/api/organization-invitations?invitee=" + URLEncoder.encode(email, StandardCharsets.UTF_8), calls).thenCompose(all -> {
                List<JsonNode> pending = pending(all);
                Set<String> organizations = new LinkedHashSet<>();
                pending.forEach(invitation -> organizations.add(invitation.path("organizationId").asString()));
                Set<String> inviters = inviterIds(pending);
                List<CompletableFuture<JsonNode>> third = new ArrayList<>();
                organizations.forEach(organization -> third.add(get("/api/organizations/" + organization, calls)));
                inviters.forEach(inviter -> third.add(get("/api/users/" + inviter, calls)));
                int serviceCalls = 2 + organizations.size() + (inviters.isEmpty() ? 0 : 1);
                int roundTrips = third.isEmpty() ? 2 : 3;
                return CompletableFuture.allOf(third.toArray(CompletableFuture[]::new)).thenApply(done ->
                        new Fetched(pending.size(), calls.get(), serviceCalls, roundTrips, roundTrips));
            });
        });
    }

    /** The organization as the Management API shows it: {@code GET /api/organizations/{id}}. */
    CompletableFuture<JsonNode> organization(String organizationId) {
        return get("/api/organizations/" + organizationId, new AtomicInteger());
    }

    private static List<JsonNode> pending(JsonNode invitations) {
        long now = System.currentTimeMillis();
        return invitations.valueStream()
                .filter(invitation -> invitation.path("status").asString().equals("Pending") && invitation.path("expiresAt").asLong() > now)
                .toList();
    }

    private static Set<String> inviterIds(List<JsonNode> invitations) {
        Set<String> inviters = new LinkedHashSet<>();
        invitations.forEach(invitation -> {
            if (invitation.hasNonNull("inviterId")) {
                inviters.add(invitation.path("inviterId").asString());
            }
        });
        return inviters;
    }

    private CompletableFuture<JsonNode> get(String pathAndQuery, AtomicInteger calls) {
        calls.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token()).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery.replaceAll("\\?.*", "") + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        });
    }

    /** The M2M token ({@code client_credentials}), fetched again a minute before it expires. */
    private String token() {
        if (Instant.now().isBefore(refreshAt)) {
            return accessToken;
        }
        synchronized (this) {
            if (Instant.now().isBefore(refreshAt)) {
                return accessToken;
            }
            String basic = Base64.getEncoder().encodeToString((appId + ":" + appSecret).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/oidc/token")).timeout(TIMEOUT)
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all&resource="
                            + URLEncoder.encode(managementResource, StandardCharsets.UTF_8)))
                    .build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("the M2M token request answered " + response.statusCode());
                }
                JsonNode body = JSON.readTree(response.body());
                accessToken = body.path("access_token").asString();
                refreshAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(3600) - 60));
                return accessToken;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the M2M token request failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
