package dev.orgbff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each GraphQL request is one trace: the HTTP server span, the GraphQL request span below it and, below that,
 * a span per Logto call (those DataLoaders dispatch and those started ahead included), named by method and route
 * template with its status, and never holding what the user searched for. Log lines of a request carry its trace id.
 * Every trace is recorded here ({@code management.tracing.sampling.probability=1.0}) and read from an in-memory
 * exporter instead of an OTLP collector.
 */
@Import(TracingGraphQlTests.InMemorySpans.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
@ExtendWith(OutputCaptureExtension.class)
class TracingGraphQlTests extends GraphQlTestSupport {

    private static final String MEMBERSHIPS = "GET /api/users/{userId}/organizations";
    private static final String TEMPLATE = "GET /api/organization-roles";
    private static final String MEMBERS = "GET /api/organizations/{id}/users";

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemorySpans {

        /** Boot hands every SpanExporter bean the finished spans, as it would an OTLP exporter. */
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    private InMemorySpanExporter spans;

    @Autowired
    private SdkTracerProvider tracerProvider;

    @BeforeEach
    void noSpans() {
        finishedSpans();
        spans.reset();
    }

    @Test
    void switcher_oneTraceWithUpstreamCallSpansBelowTheGraphQlSpan() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String switcher = operation("switcher");
        as(demo.alice()).document(switcher).execute(); // the M2M token is fetched and cached
        noSpans();
        logto.resetCalls();
        // when
        as(demo.alice()).document(switcher).execute().path("viewer.organizations.totalCount").entity(Integer.class).isEqualTo(1);
        // then
        SpanData graphQl = single(finishedSpans(), span -> span.getName().equals("graphql query"));
        List<SpanData> trace = trace(graphQl.getTraceId());
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        SpanData server = single(trace, span -> span.getKind() == SpanKind.SERVER);
        assertThat(server.getName()).isEqualTo("http post /graphql");
        assertThat(server.getParentSpanContext().isValid()).as("the server span is the root").isFalse();
        assertThat(graphQl.getParentSpanId()).isEqualTo(server.getSpanId());
        List<SpanData> calls = trace.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertThat(calls).extracting(SpanData::getName).as("one span per call the emulator saw: %s", logto.calls())
                .containsExactlyInAnyOrder(MEMBERSHIPS, TEMPLATE).hasSize(logto.apiCalls());
        assertThat(calls).allSatisfy(call -> {
            assertThat(ancestors(call, byId)).as("ancestors of %s", call.getName()).contains(graphQl.getSpanId());
            assertThat(call.getAttributes().asMap()).extractingFromEntries(entry -> entry.getKey().getKey() + "=" + entry.getValue())
                    .contains("status=200", "outcome=SUCCESS", "method=GET");
        });
    }

    @Test
    void organizationMembers_readStartedAhead_inTheRequestsTrace() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme()).execute()
                .path("organization.members.totalCount").entity(Integer.class).isEqualTo(2);
        // then
        List<SpanData> finished = finishedSpans();
        SpanData members = single(finished, span -> span.getName().equals(MEMBERS));
        SpanData graphQl = single(finished, span -> span.getName().startsWith("graphql query"));
        assertThat(members.getTraceId()).isEqualTo(graphQl.getTraceId());
        assertThat(members.getParentSpanId()).isEqualTo(graphQl.getSpanId());
    }

    @Test
    void organizationMembers_searchByEmail_noSpanHoldsTheSearchText() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        as(demo.alice()).documentName("organizationMembers").variable("id", demo.acme()).variable("query", "bob@acme.test").execute()
                .path("organization.members.edges[0].node.user.primaryEmail").entity(String.class).isEqualTo("bob@acme.test");
        // then
        List<SpanData> trace = trace(single(finishedSpans(), span -> span.getName().equals("graphql query")).getTraceId());
        assertThat(trace).extracting(SpanData::getName).contains(MEMBERS);
        assertThat(finishedSpans()).allSatisfy(span -> assertThat(recorded(span)).as("what span %s records", span.getName())
                .doesNotContain("bob@", "bob%40", "acme.test"));
    }

    @Test
    void organizationInvitations_emailAsEnumValue_noSpanHoldsIt() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        var response = as(demo.alice()).documentName("organizationInvitations").variable("id", demo.acme())
                .variable("status", "bob@acme.test").execute();
        // then
        assertError(response, "ValidationError");
        SpanData graphQl = single(finishedSpans(), span -> span.getName().startsWith("graphql "));
        assertThat(recorded(graphQl)).as("the error's event").contains("ValidationError");
        assertThat(trace(graphQl.getTraceId())).allSatisfy(span -> assertThat(recorded(span)).as("what span %s records", span.getName())
                .doesNotContain("bob@", "acme.test"));
    }

    @Test
    void request_queryStringWithAnEmail_noSpanHoldsIt() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        webTestClient.get().uri("/graphql?query={query}&variables={variables}", "{viewer{user{name}}}", "{\"email\":\"bob@acme.test\"}")
                .headers(headers -> headers.setBearerAuth(logto.userToken(demo.alice())))
                .exchange();
        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> finishedSpans().stream().anyMatch(span -> span.getKind() == SpanKind.SERVER));
        assertThat(finishedSpans()).allSatisfy(span -> assertThat(recorded(span)).as("what span %s records", span.getName())
                .doesNotContain("bob@", "bob%40", "acme.test", "variables"));
    }

    @Test
    void viewerOrganizations_upstreamUnavailable_logLineCarriesTheTraceId(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(TEMPLATE, Fault.status(503, "unavailable"));
        int logged = output.getAll().length();
        // when
        as(demo.alice()).documentName("viewerOrganizations").execute();
        // then
        String traceId = single(finishedSpans(), span -> span.getName().equals("graphql query")).getTraceId();
        assertThat(output.getAll().substring(logged).lines().filter(line -> line.contains("Logto unavailable while resolving")))
                .singleElement().asString().contains(traceId);
    }

    @Test
    void viewerOrganizations_connectionDropped_noSpanHoldsTheUserId() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.fail(MEMBERSHIPS, Fault.timeout(Duration.ofMillis(1)));
        // when
        assertError(as(demo.alice()).documentName("viewerOrganizations").execute(), "UPSTREAM_UNAVAILABLE");
        // then
        List<SpanData> trace = trace(single(finishedSpans(), span -> span.getName().equals("graphql query")).getTraceId());
        assertThat(trace).filteredOn(span -> span.getName().equals(MEMBERSHIPS)).isNotEmpty();
        assertThat(trace).allSatisfy(span -> assertThat(recorded(span)).as("what span %s records", span.getName())
                .doesNotContain(demo.alice()));
    }

    /** The spans finished so far, once the batch processor has handed them over. */
    private List<SpanData> finishedSpans() {
        assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        return spans.getFinishedSpanItems();
    }

    /**
     * The spans of one trace, once its server span has finished too: the server observation stops when the response is
     * written, which may be after the client has read it.
     */
    private List<SpanData> trace(String traceId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> finishedSpans().stream()
                .anyMatch(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER));
        return finishedSpans().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static SpanData single(List<SpanData> spans, java.util.function.Predicate<SpanData> which) {
        List<SpanData> matching = spans.stream().filter(which).toList();
        assertThat(matching).as("in %s", spans.stream().map(SpanData::getName).toList()).hasSize(1);
        return matching.get(0);
    }

    private static List<String> ancestors(SpanData span, Map<String, SpanData> byId) {
        List<String> ancestors = new ArrayList<>();
        for (SpanData parent = byId.get(span.getParentSpanId()); parent != null; parent = byId.get(parent.getParentSpanId())) {
            ancestors.add(parent.getSpanId());
        }
        return ancestors;
    }

    /** Everything a span sends to a collector: its name, attributes, events and status. */
    private static String recorded(SpanData span) {
        StringBuilder text = new StringBuilder(span.getName()).append(' ').append(span.getAttributes()).append(' ').append(span.getStatus());
        span.getEvents().forEach(event -> text.append(' ').append(event.getName()).append(' ').append(event.getAttributes()));
        span.getLinks().forEach(link -> text.append(' ').append(link.getAttributes()));
        return text.toString();
    }

    private static String operation(String name) {
        try (InputStream in = TracingGraphQlTests.class.getResourceAsStream("/graphql/operations/" + name + ".graphql")) {
            assertThat(in).as("schema/operations/%s.graphql", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
