package dev.orgbff.clients;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orgbff.NpmProject;
import dev.orgbff.TestOrgBffApplication;
import dev.orgbff.TestOrgBffApplication.Running;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real clients of {@code clients/} (README, "Clients") against the service and the Logto emulator with the demo
 * tenant (the embedded run, on free ports), as an app would use them: graphql-http's audit of the GraphQL-over-HTTP
 * spec, Apollo Client and urql with persisted queries over GET, GraphQL Code Generator's client preset type-checked by
 * {@code tsc --strict}, and its manifest in trusted-documents mode. Each scenario is an npm script that exits non-zero
 * with its reason when a check fails; each gets a service of its own, started for it, so that no document is known to
 * it beforehand. The npm project is built once per test run: its dependencies installed with {@code npm ci} (when
 * {@code package-lock.json} changed), then GraphQL Code Generator run over {@code target/schema.graphqls} and
 * {@code schema/operations/} ({@code clients/src/gql/}). Skipped where Node.js 20+ and npm are missing
 * ({@link NpmProject}).
 */
class RealClientsTests {

    private static final NpmProject CLIENTS = new NpmProject(Path.of("clients"), "the real-client suite of clients/");
    private static boolean built;

    @BeforeEach
    void npmProject() throws IOException, InterruptedException {
        CLIENTS.nodeAndNpmOrSkip();
        if (!built) {
            CLIENTS.installed();
            CLIENTS.script("codegen", Map.of());
            built = true;
        }
    }

    @Test
    void graphqlHttpAudit_everyMustPasses() throws Exception {
        // the audit's documents for variables query __type, introspection, which is off by default (on in the embedded run)
        try (Running service = start("--orgbff.graphql.introspection=true")) {
            String output = CLIENTS.script("audit", environment(service));
            assertThat(output).contains("graphql-http audit: passed");
        }
    }

    @Test
    void apolloClient_queriesByHashOverGet_mutationsByPost() throws Exception {
        try (Running service = start()) {
            CLIENTS.script("apollo", environment(service));
        }
    }

    @Test
    void urql_persistedExchange_queriesByHashOverGet() throws Exception {
        try (Running service = start()) {
            CLIENTS.script("urql", environment(service));
        }
    }

    @Test
    void codegen_clientPresetWithMappedScalars_typeChecksUnderStrict() throws Exception {
        CLIENTS.script("typecheck", Map.of());
    }

    @Test
    void trustedDocuments_generatedManifest_runsItsDocumentsByIdAndRefusesOthers() throws Exception {
        Path manifest = Path.of("clients/src/gql/persisted-documents.json").toAbsolutePath();
        try (Running service = start("--orgbff.graphql.trusted-documents=file:" + manifest)) {
            CLIENTS.script("trusted", environment(service));
        }
    }

    /**
     * The embedded run on free ports, with its own emulator and demo tenant: no document is known to the service
     * beforehand. {@code arguments} are added to its command line.
     */
    private static Running start(String... arguments) {
        return TestOrgBffApplication.startOnFreePorts(arguments);
    }

    /** What the npm scripts read: the service's GraphQL endpoint and the emulator, for the demo users' tokens. */
    private static Map<String, String> environment(Running service) {
        return Map.of("ORGBFF_GRAPHQL_URL", "http://localhost:" + service.port() + "/graphql", "LOGTO_ENDPOINT", service.logto().endpoint());
    }
}
