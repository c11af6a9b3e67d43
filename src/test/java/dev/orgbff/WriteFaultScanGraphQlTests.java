package dev.orgbff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.orgbff.TenantInvariants.Jit;
import dev.orgbff.TenantInvariants.Kind;
import dev.orgbff.TenantInvariants.Violation;
import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every multi-step write with a fault at each of its upstream steps. The steps are not listed by hand: each
 * operation runs once without faults and every Management API call it made is a step (the second call of a
 * route called twice is a step of its own). Then, for each step, the operation runs again on a fresh tenant
 * with that call failing ({@code 500}, on every attempt of a read; for writes also a connection dropped before
 * Logto did anything, and an answer lost after it did the work, which the service sees as a timeout), and
 * {@link TenantInvariants} scans the whole tenant afterwards. The one documented exception: a create whose answer is lost leaves an
 * organization without members (the service never learnt its id). A second scan runs the writes that take the
 * admin role away twice at once, by the last two admins, with a fault at the admins' re-count after the writes.
 */
class WriteFaultScanGraphQlTests extends GraphQlTestSupport {

    private static final String CREATE = "POST /api/organizations";
    /** The members route: a member's roles ({@code q}), and the admins' count ({@code organizationRoleId}). */
    private static final String MEMBERS = "GET /api/organizations/{id}/users";
    private static final String REPLACE_ROLES = "PUT /api/organizations/{id}/users/{userId}/roles";
    private static final String REMOVE_MEMBER = "DELETE /api/organizations/{id}/users/{userId}";
    /**
     * How long the emulator holds calls, waiting for more, before answering them as one wave: long enough for
     * both of two requests sent at once to arrive, even on a busy build machine (see CanonicalOperationsGraphQlTests).
     */
    private static final Duration QUIET = Duration.ofMillis(500);

    @TestFactory
    List<DynamicNode> multiStepWrites_faultAtEachUpstreamStep_leaveNoBrokenState() {
        return List.of(
                scan("createOrganization", demo -> new Run(demo.carol(), Map.of("name", "Initech"), TenantInvariants.of(logto))),
                scan("addOrganizationMembers", demo -> {
                    String observer = logto.createOrganizationRole("observer", "Reads along");
                    return new Run(demo.alice(), Map.of("organizationId", demo.acme(), "userIds", List.of(demo.erin()),
                            "emails", List.of("dave@globex.test"), "roleIds", List.of(logto.roleId("member"), observer)),
                            TenantInvariants.of(logto).given(demo.acme(), demo.erin(), "member", "observer")
                                    .given(demo.acme(), demo.dave(), "member", "observer"));
                }),
                scan("updateMemberRoles", demo -> {
                    // a second admin, demoted: the last-admin guard counts the admins before and after the write
                    String frank = logto.createUser("frank", "frank@acme.test", "Frank Fischer");
                    logto.addMember(demo.acme(), frank, "admin");
                    return new Run(demo.alice(), Map.of("organizationId", demo.acme(), "userId", frank,
                            "roleIds", List.of(logto.roleId("member"))), TenantInvariants.of(logto));
                }),
                scan("resendInvitation", demo -> {
                    String expired = logto.createInvitation(demo.acme(), demo.alice(), "erin@example.test",
                            Instant.now().minus(Duration.ofDays(1)), "member");
                    return new Run(demo.alice(), Map.of("invitationId", expired), TenantInvariants.of(logto));
                }),
                scan("acceptInvitation", demo -> new Run(demo.carol(), Map.of("invitationId", demo.carolsInvitation()),
                        TenantInvariants.of(logto))),
                scan("updateJitSettings", demo -> {
                    // domains and roles both change: two PUTs, and an error must mean the old settings, success the new
                    logto.setJitEmailDomains(demo.acme(), "old.test", "older.test");
                    logto.setJitRoles(demo.acme(), "member");
                    Jit before = Jit.of(List.of("old.test", "older.test"), "member");
                    Jit after = Jit.of(List.of("new.test"), "admin");
                    return new Run(demo.alice(), Map.of("organizationId", demo.acme(), "emailDomains", List.of("new.test"),
                            "roleIds", List.of(logto.roleId("admin"))),
                            TenantInvariants.of(logto).jitSettings(demo.acme(), before, after),
                            response -> assertThat(Jit.in(logto, demo.acme()))
                                    .as("the settings after %s", failed(response) ? "an error" : "success")
                                    .isEqualTo(failed(response) ? before : after));
                }));
    }

    /**
     * The last-admin guard when the admins cannot be counted again: Acme's only admins, alice and eve, take the
     * admin role from each other at the same moment (each demotes or removes the other, or both leave). The
     * emulator answers calls in waves, so both guards count two admins before either write lands and both writes
     * land before either re-count; the re-counts fail (a 500 or a 503, lasting through the retries). A count that
     * cannot be made may mean no admin is left: both writes are undone and both callers told why. The same when
     * both writes are made but their answers are lost: the callers get an error, and it must not leave the
     * organization without an admin.
     */
    @TestFactory
    List<DynamicNode> lastTwoAdminsAtOnce_recountFails_bothWritesUndoneAndAdminCountUnavailable() {
        // per caller the member's read (not for a leave) and the guard's count come before the re-count
        return List.of(
                duel("updateMemberRoles", 4, REPLACE_ROLES, (acme, other) -> Map.of("organizationId", acme, "userId", other,
                        "roleIds", List.of(logto.roleId("member")))),
                duel("removeOrganizationMember", 4, REMOVE_MEMBER, (acme, other) -> Map.of("organizationId", acme, "userId", other)),
                duel("leaveOrganization", 2, REMOVE_MEMBER, (acme, other) -> Map.of("organizationId", acme)));
    }

    /**
     * One operation run by both admins at once, with each fault at the re-counts, and with the writes' answers lost.
     *
     * @param callsBeforeRecounts the calls to {@link #MEMBERS} both requests make before their re-counts
     * @param write the route of the write that takes the admin role away
     * @param input the input for the caller, given the organization and the other admin
     */
    private DynamicContainer duel(String operation, int callsBeforeRecounts, String write, BiFunction<String, String, Map<String, Object>> input) {
        Stream<DynamicTest> recountFails = Stream.of(Fault.status(500, "injected"), Fault.status(503, "unavailable"))
                .map(fault -> duel(operation, input, "admins' re-counts ← " + fault.status() + " through the retries", () -> {
                    logto.failNext(MEMBERS, callsBeforeRecounts, fault);
                    logto.fail(MEMBERS, fault); // the calls let through before stay unharmed
                }, "ADMIN_COUNT_UNAVAILABLE"));
        DynamicTest answersLost = duel(operation, input, "writes' answers lost", () -> logto.fail(write, Fault.lostAnswer()),
                "UPSTREAM_UNAVAILABLE");
        return DynamicContainer.dynamicContainer(operation + " by the last two admins at once",
                Stream.concat(recountFails, Stream.of(answersLost)).toList());
    }

    /**
     * One run by both admins at once, after {@code fault} set the fault up, each caller getting {@code expected}
     * (a user error's code, or an error's classification).
     */
    private DynamicTest duel(String operation, BiFunction<String, String, Map<String, Object>> input, String faultName, Runnable fault,
            String expected) {
        return DynamicTest.dynamicTest(faultName, () -> {
            // given
            logto.reset();
            clock.reset();
            DemoTenant demo = DemoTenant.seed(logto);
            String eve = logto.createUser("eve", null, "Eve");
            logto.addMember(demo.acme(), eve, "admin");
            Map<String, Set<String>> before = memberRoles(demo.acme());
            fault.run();
            // when
            List<String> outcomes;
            logto.countWaves(QUIET);
            try {
                CompletableFuture<String> byAlice = CompletableFuture.supplyAsync(() -> outcome(demo.alice(), operation,
                        input.apply(demo.acme(), eve)));
                CompletableFuture<String> byEve = CompletableFuture.supplyAsync(() -> outcome(eve, operation,
                        input.apply(demo.acme(), demo.alice())));
                outcomes = List.of(byAlice.join(), byEve.join());
            } finally {
                logto.stopCountingWaves();
            }
            // then
            assertThat(outcomes).containsExactly(expected, expected);
            assertThat(TenantInvariants.of(logto).scan()).as("broken states").isEmpty();
            assertThat(memberRoles(demo.acme())).as("Acme's members and their roles").isEqualTo(before);
        });
    }

    /** Every member of the organization with the names of their roles. */
    private static Map<String, Set<String>> memberRoles(String organizationId) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        logto.memberIds(organizationId).forEach(userId -> roles.put(userId, logto.memberRoleNames(organizationId, userId)));
        return roles;
    }

    /**
     * The operation once without faults (its steps), then one test per step and fault. Dynamic tests get no
     * {@code @BeforeEach}, so each starts from an empty tenant itself.
     */
    private DynamicContainer scan(String operation, Function<DemoTenant, Run> prepare) {
        List<Step> steps = steps(operation, prepare);
        List<DynamicTest> tests = new ArrayList<>();
        for (Step step : steps) {
            tests.add(dynamicTest(operation, prepare, step, "500", Fault.status(500, "injected")));
            if (isWrite(step.route())) {
                // the connection drops before Logto does anything: fast, and retried where the write is idempotent
                tests.add(dynamicTest(operation, prepare, step, "connection dropped", Fault.timeout(Duration.ofMillis(1))));
                // Logto does the work, the answer never comes: the service times out (never retried)
                tests.add(dynamicTest(operation, prepare, step, "answer lost after the write", Fault.lostAnswer()));
            }
        }
        return DynamicContainer.dynamicContainer(operation + " " + steps, tests);
    }

    /** Every Management API call the operation makes without faults: each route, and each call of a route called more than once. */
    private List<Step> steps(String operation, Function<DemoTenant, Run> prepare) {
        logto.reset();
        Run run = prepare.apply(DemoTenant.seed(logto));
        logto.resetCalls();
        GraphQlTester.Response response = execute(operation, run);
        response.path(operation + ".userErrors").entityList(Object.class).hasSize(0);
        assertThat(run.invariants().scan()).as("%s without faults", operation).isEmpty();
        run.answered().accept(response);
        List<Step> steps = new ArrayList<>();
        logto.calls().forEach((route, count) -> {
            if (route.contains(" /api/")) {
                for (int call = 1; call <= count; call++) {
                    steps.add(new Step(route, call, count));
                }
            }
        });
        return steps;
    }

    private DynamicTest dynamicTest(String operation, Function<DemoTenant, Run> prepare, Step step, String faultName, Fault fault) {
        return DynamicTest.dynamicTest(step + " ← " + faultName, () -> {
            // given
            logto.reset();
            clock.reset();
            Run run = prepare.apply(DemoTenant.seed(logto));
            logto.failNext(step.route(), step.call() - 1, fault);
            if (!isWrite(step.route())) {
                // a read's 500 is sent again twice: it fails each time, or the read would succeed and test nothing
                logto.failNext(step.route(), fault);
                logto.failNext(step.route(), fault);
            }
            logto.resetCalls();
            // when
            GraphQlTester.Response response = execute(operation, run);
            // then
            assertThat(logto.calls(step.route())).as("calls to the faulted route").isGreaterThanOrEqualTo(step.call());
            List<Violation> violations = run.invariants().scan();
            if (operation.equals("createOrganization") && step.route().equals(CREATE) && fault.handled()) {
                // documented limit: Logto created it, the answer never came, so nobody knows its id to delete it
                assertThat(violations).as("the only broken state allowed").singleElement()
                        .extracting(Violation::kind).isEqualTo(Kind.ORGANIZATION_WITHOUT_MEMBERS);
            } else {
                assertThat(violations).as("broken states after %s with %s at %s", operation, faultName, step).isEmpty();
            }
            run.answered().accept(response);
        });
    }

    private GraphQlTester.Response execute(String operation, Run run) {
        var response = as(run.caller()).documentName(operation).variable("input", run.input()).execute();
        response.errors().satisfy(errors -> { }); // a fault may well surface as an error; the state is what counts
        return response;
    }

    /** Whether the response holds a GraphQL error. */
    private static boolean failed(GraphQlTester.Response response) {
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        return !errors.isEmpty();
    }

    private static boolean isWrite(String route) {
        return !route.startsWith("GET ");
    }

    /**
     * One upstream call of an operation: the {@code call}-th of {@code calls} to a route.
     *
     * @param route a key of {@code logto.calls()}, e.g. {@code POST /api/organizations}
     */
    private record Step(String route, int call, int calls) {

        @Override
        public String toString() {
            return calls == 1 ? route : route + " (call " + call + " of " + calls + ")";
        }
    }

    /**
     * One operation ready to run on a seeded tenant.
     *
     * @param caller the user id whose token sends it
     * @param input the operation's {@code input} variable
     * @param invariants the scan to run afterwards, with what the operation gives
     * @param answered checks the answer against the tenant afterwards
     */
    private record Run(String caller, Map<String, Object> input, TenantInvariants invariants, Consumer<GraphQlTester.Response> answered) {

        Run(String caller, Map<String, Object> input, TenantInvariants invariants) {
            this(caller, input, invariants, response -> { });
        }
    }
}
