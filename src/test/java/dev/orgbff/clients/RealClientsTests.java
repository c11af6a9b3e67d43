package dev.orgbff.clients;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.orgbff.DemoTenant;
import dev.orgbff.OrgBffApplication;
import dev.orgbff.emulator.LogtoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real clients of {@code clients/} (README, "Clients") against the service and the Logto emulator with the demo
 * tenant, as an app would use them: graphql-http's audit of the GraphQL-over-HTTP spec, Apollo Client and urql with
 * persisted queries over GET, GraphQL Code Generator's client preset type-checked by {@code tsc --strict}, and its
 * manifest in trusted-documents mode. Each scenario is an npm script that exits non-zero with its reason when a check
 * fails; each gets a service of its own, started for it, so that no document is known to it beforehand. Skipped
 * where Node.js 20+ and npm are missing ({@link NpmClients}).
 */
class RealClientsTests {

    private static final LogtoEmulator logto = LogtoEmulator.start(0);

    @BeforeEach
    void demoTenant() throws IOException, InterruptedException {
        NpmClients.builtOrSkip();
        logto.reset();
        DemoTenant.seed(logto);
    }

    @AfterAll
    static void stopLogto() {
        logto.close();
    }

    @Test
    void graphqlHttpAudit_everyMustPasses() throws Exception {
        // the audit's documents for variables query __type, introspection, which is off by default (on in the embedded run)
        try (Service service = Service.start("--orgbff.graphql.introspection=true")) {
            String output = NpmClients.run("audit", service.environment());
            assertThat(output).contains("graphql-http audit: passed");
        }
    }

    @Test
    void apolloClient_queriesByHashOverGet_mutationsByPost() throws Exception {
        try (Service service = Service.start()) {
            NpmClients.run("apollo", service.environment());
        }
    }

    @Test
    void urql_persistedExchange_queriesByHashOverGet() throws Exception {
        try (Service service = Service.start()) {
            NpmClients.run("urql", service.environment());
        }
    }

    @Test
    void codegen_clientPresetWithMappedScalars_typeChecksUnderStrict() throws Exception {
        NpmClients.run("typecheck", Map.of());
    }

    @Test
    void trustedDocuments_generatedManifest_runsItsDocumentsByIdAndRefusesOthers() throws Exception {
        Path manifest = Path.of("clients/src/gql/persisted-documents.json").toAbsolutePath();
        try (Service service = Service.start("--orgbff.graphql.trusted-documents=file:" + manifest)) {
            NpmClients.run("trusted", service.environment());
        }
    }

    /** The service on random ports, wired to the emulator as {@code TestOrgBffApplication} wires it. */
    private record Service(ConfigurableApplicationContext context) implements AutoCloseable {

        static Service start(String... arguments) {
            List<String> all = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--management.server.port=0",
                    "--logto.endpoint=" + logto.endpoint(),
                    "--logto.api-resource=" + logto.apiResource(),
                    "--logto.management.app-id=" + logto.m2mAppId(),
                    "--logto.management.app-secret=" + logto.m2mAppSecret(),
                    "--orgbff.invitations.accept-url=https://app.example.test/invitations/{invitationId}"));
            all.addAll(List.of(arguments));
            return new Service(SpringApplication.run(OrgBffApplication.class, all.toArray(String[]::new)));
        }

        /** What the npm scripts read: the service's GraphQL endpoint and the emulator, for the demo users' tokens. */
        Map<String, String> environment() {
            return Map.of(
                    "ORGBFF_GRAPHQL_URL", "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/graphql",
                    "LOGTO_ENDPOINT", logto.endpoint());
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
