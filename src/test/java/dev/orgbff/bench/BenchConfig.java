package dev.orgbff.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

import dev.orgbff.CanonicalTenant;

/**
 * What one benchmark run does, from {@code -Dbench.*} system properties (the {@code bench} Maven profile passes
 * them on) and, for a real Logto, the environment ({@link Remote}).
 *
 * @param latency the emulator's latency per upstream call ({@code bench.latency}, default 10 ms; ignored for a real Logto)
 * @param jitWarmUp how long the service is sent every query at the highest concurrency before anything is measured, so
 *        its JIT has compiled the hot path ({@code bench.jit-warm-up}, default 120 s: C2 still compiles for minutes)
 * @param warmUp how long each measurement is preceded by unmeasured requests at its concurrency ({@code bench.warm-up}, default 5 s)
 * @param duration how long each measurement runs ({@code bench.duration}, default 10 s)
 * @param concurrency the numbers of clients, each a closed loop ({@code bench.concurrency}, default {@code 1,16,64})
 * @param queries the canonical read operations to run ({@code bench.queries}, default all three)
 * @param members the sizes of the organizations the organization page is run against, in members, one page each
 *        ({@code bench.members}, default {@code 10,50,100}; on the emulator each has 30 pending invitations, on a real
 *        Logto a size without an organization ({@link Remote}) is skipped with a note)
 * @param baseline whether the no-BFF baseline runs too ({@code bench.baseline}, default true)
 * @param profile whether the service is recorded by JDK Flight Recorder, its samples from the first measurement on
 *        summarised ({@code bench.profile})
 * @param jar the service's executable jar ({@code bench.jar})
 * @param out where the results go ({@code bench.out}, default {@code target/bench})
 * @param serviceJvmOptions the service JVM's options ({@code bench.service-jvm-options}, space separated)
 * @param cds whether the service runs as Spring Boot recommends for a fast start-up, extracted with a class data
 *        sharing archive ({@code bench.cds}, default true), rather than as the executable jar
 * @param soak whether to run the soak instead ({@code bench.soak}): {@code bench.soak-clients} clients (default 64) for
 *        {@code bench.soak-duration} (default 60 s) under random upstream faults, reads and writes mixed
 * @param soakClients the soak's clients
 * @param soakDuration the soak's duration
 * @param live the live-update measurements, or {@code null} for none ({@code bench.live}, default true)
 * @param remote a real Logto to target instead of the emulator, or {@code null}
 */
public record BenchConfig(Duration latency, Duration jitWarmUp, Duration warmUp, Duration duration, List<Integer> concurrency, List<Query> queries,
        List<Integer> members,        boolean baseline, boolean profile, Path jar, Path out, List<String> serviceJvmOptions, boolean cds, boolean soak, int soakClients, Duration soakDuration,
        @Nullable Live live, @Nullable Remote remote) {

    /**
     * The live-update measurements, on services started with a webhook signing key (event-fed caches on): the switcher
     * at each concurrency (its JIT warm-up a share of {@code bench.jit-warm-up} as each query gets), idle subscriptions
     * on one instance, and the delay from a webhook to the subscribers' frames on one instance and across two through
     * an embedded Redis. The subscriptions are {@code viewerOrganizationEvents} of the organization page's subject, the webhooks for its
     * organization (a real Logto needs {@code BENCH_ORGANIZATION_ID} and its token).
     *
     * @param idleSubscriptions how many idle subscriptions one instance holds ({@code bench.idle-subscriptions}, default
     *        10,000; 0: not measured)
     * @param subscriptionsPerConnection subscriptions on each WebSocket connection ({@code bench.subscriptions-per-connection},
     *        default 20, the service's limit per connection: 10,000 on one connection each exhaust a 256 MB heap, about 37 KB each, and orgbff.subscriptions.max-connections refuses them past 5,000)
     * @param deliverySubscribers the subscribers of the delivery measurements ({@code bench.delivery-subscribers}, default
     *        1,000; 0: not measured)
     * @param deliveries webhooks measured, one after the other ({@code bench.deliveries}, default 100)
     */
    public record Live(int idleSubscriptions, int subscriptionsPerConnection, int deliverySubscribers, int deliveries) {

        /** The WebSocket connections the most subscriptions of one measurement need (at least 1). */
        int connections() {
            return Math.max(1, (Math.max(idleSubscriptions, deliverySubscribers) + subscriptionsPerConnection - 1) / subscriptionsPerConnection);
        }
    }

    /** The service's default JVM options: a heap cap at the target, so exceeding it shows as errors, not as a number. */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx256m";

    /**
     * A Logto deployment to measure, from the environment: {@code LOGTO_ENDPOINT}, {@code LOGTO_API_RESOURCE},
     * {@code LOGTO_M2M_APP_ID}, {@code LOGTO_M2M_APP_SECRET} (as the service takes them; the secret is passed to
     * the service process in its environment, never on its command line), {@code BENCH_TOKEN} (a user access token
     * for the API resource) or one per query ({@code BENCH_SWITCHER_TOKEN}, {@code BENCH_ORGANIZATION_PAGE_TOKEN},
     * {@code BENCH_INVITEE_LANDING_TOKEN}), and for the organization page {@code BENCH_ORGANIZATION_ID} (an
     * organization of 100 members, the canonical size) and {@code BENCH_ORGANIZATION_ID_<members>} for other sizes of
     * {@code bench.members} (e.g. {@code BENCH_ORGANIZATION_ID_10}). A query without a token, or a size without an
     * organization, is skipped.
     *
     * @param organizations the organization page's organization ids by their number of members
     */
    public record Remote(String endpoint, String apiResource, String m2mAppId, String m2mAppSecret, String managementResource,
            String adminRole, Map<Query, String> tokens, Map<Integer, String> organizations) {

        @Override
        public String toString() {
            return "Remote[" + endpoint + "]"; // never the secret or the tokens
        }
    }

    /** Reads the system properties and the environment; {@code LOGTO_ENDPOINT} set means a real Logto. */
    public static BenchConfig from(Properties properties, Map<String, String> environment) {
        return new BenchConfig(
                duration(properties, "bench.latency", "10ms"),
                duration(properties, "bench.jit-warm-up", "120s"),
                duration(properties, "bench.warm-up", "5s"),
                duration(properties, "bench.duration", "10s"),
                integers(properties.getProperty("bench.concurrency", "1,16,64")),
                Arrays.stream(properties.getProperty("bench.queries", "switcher,organizationPage,inviteeLanding").split(","))
                        .map(String::strip).map(Query::named).toList(),
                integers(properties.getProperty("bench.members", "10,50,100")),
                Boolean.parseBoolean(properties.getProperty("bench.baseline", "true")),
                Boolean.parseBoolean(properties.getProperty("bench.profile", "false")),
                Path.of(required(properties.getProperty("bench.jar"), "bench.jar")),
                Path.of(properties.getProperty("bench.out", "target/bench")),
                Arrays.stream(properties.getProperty("bench.service-jvm-options", DEFAULT_JVM_OPTIONS).split(" "))
                        .filter(option -> !option.isBlank()).toList(),
                Boolean.parseBoolean(properties.getProperty("bench.cds", "true")),
                Boolean.parseBoolean(properties.getProperty("bench.soak", "false")),
                Integer.parseInt(properties.getProperty("bench.soak-clients", "64")),
                duration(properties, "bench.soak-duration", "60s"),
                Boolean.parseBoolean(properties.getProperty("bench.live", "true")) ? new Live(
                        Integer.parseInt(properties.getProperty("bench.idle-subscriptions", "10000")),
                        Integer.parseInt(properties.getProperty("bench.subscriptions-per-connection", "20")),
                        Integer.parseInt(properties.getProperty("bench.delivery-subscribers", "1000")),
                        Integer.parseInt(properties.getProperty("bench.deliveries", "100"))) : null,
                remote(environment));
    }

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private static @Nullable Remote remote(Map<String, String> environment) {
        String endpoint = environment.get("LOGTO_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        Map<Query, String> tokens = new LinkedHashMap<>();
        for (Query query : Query.values()) {
            String token = environment.getOrDefault("BENCH_" + query.environmentName() + "_TOKEN", environment.get("BENCH_TOKEN"));
            if (token != null && !token.isBlank()) {
                tokens.put(query, token.strip());
            }
        }
        return new Remote(endpoint.strip().replaceAll("/+$", ""),
                required(environment.get("LOGTO_API_RESOURCE"), "LOGTO_API_RESOURCE"),
                required(environment.get("LOGTO_M2M_APP_ID"), "LOGTO_M2M_APP_ID"),
                required(environment.get("LOGTO_M2M_APP_SECRET"), "LOGTO_M2M_APP_SECRET"),
                environment.getOrDefault("LOGTO_MANAGEMENT_RESOURCE", "https://default.logto.app/api"),
                environment.getOrDefault("ORGBFF_ADMIN_ROLE", "admin"),
                tokens,
                organizations(environment));
    }

    /** {@code BENCH_ORGANIZATION_ID_<members>} by members, and {@code BENCH_ORGANIZATION_ID} for 100 unless given as such. */
    private static Map<Integer, String> organizations(Map<String, String> environment) {
        Map<Integer, String> organizations = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.matches("BENCH_ORGANIZATION_ID_\\d+") && !value.isBlank()) {
                organizations.put(Integer.valueOf(name.substring("BENCH_ORGANIZATION_ID_".length())), value.strip());
            }
        });
        String canonical = environment.get("BENCH_ORGANIZATION_ID");
        if (canonical != null && !canonical.isBlank()) {
            organizations.putIfAbsent(CanonicalTenant.MEMBERS, canonical.strip());
        }
        return organizations;
    }

    private static Duration duration(Properties properties, String name, String fallback) {
        return DurationStyle.detectAndParse(properties.getProperty(name, fallback));
    }

    private static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
