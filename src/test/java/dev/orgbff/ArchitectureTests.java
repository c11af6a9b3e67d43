package dev.orgbff;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package stack of DESIGN.md (Layout), checked on the compiled main classes: the top-level packages form one stack
 * with no cycle and no import back up, every package has its floor, the sub-packages of {@code graphql/} form a stack
 * of their own under its wiring, and Logto's HTTP shapes stay in {@code logto/}. A failure names each offending
 * dependency with its class, member and line.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orgbff");

    /** The HTTP client Logto's Management API is called with. */
    private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client..";

    @Test
    void topLevelPackages_haveNoCycle() {
        slices().matching("dev.orgbff.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * From the top: {@code member/ invitation/} → {@code viewer/} → {@code organization/} → {@code template/ ratelimit/}
     * → {@code graphql/ security/ webhook/} → {@code events/} → {@code logto/ redis/}; {@code graphiql/} and
     * {@code web/} are plumbing beside the stack, on {@code logto/ redis/}, and the application class is above all.
     * Each layer may be used only by the layers above it.
     */
    @Test
    void packages_importOnlyDownTheStack() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("application").definedBy("dev.orgbff")
                .layer("domains").definedBy("dev.orgbff.member..", "dev.orgbff.invitation..")
                .layer("viewer").definedBy("dev.orgbff.viewer..")
                .layer("organization").definedBy("dev.orgbff.organization..")
                .layer("template and budgets").definedBy("dev.orgbff.template..", "dev.orgbff.ratelimit..")
                .layer("graphql, security, webhooks").definedBy("dev.orgbff.graphql..", "dev.orgbff.security..", "dev.orgbff.webhook..")
                .layer("events").definedBy("dev.orgbff.events..")
                .layer("logto and redis").definedBy("dev.orgbff.logto..", "dev.orgbff.redis..")
                .layer("plumbing").definedBy("dev.orgbff.graphiql..", "dev.orgbff.web..")
                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("domains").mayOnlyBeAccessedByLayers("application")
                .whereLayer("viewer").mayOnlyBeAccessedByLayers("application", "domains")
                .whereLayer("organization").mayOnlyBeAccessedByLayers("application", "domains", "viewer")
                .whereLayer("template and budgets").mayOnlyBeAccessedByLayers("application", "domains", "viewer", "organization")
                .whereLayer("graphql, security, webhooks")
                .mayOnlyBeAccessedByLayers("application", "domains", "viewer", "organization", "template and budgets")
                .whereLayer("events")
                .mayOnlyBeAccessedByLayers("application", "domains", "viewer", "organization", "template and budgets",
                        "graphql, security, webhooks")
                .whereLayer("logto and redis")
                .mayOnlyBeAccessedByLayers("application", "domains", "viewer", "organization", "template and budgets",
                        "graphql, security, webhooks", "events", "plumbing")
                .whereLayer("plumbing").mayOnlyBeAccessedByLayers("application")
                .check(MAIN);
    }

    @Test
    void graphqlSubPackages_haveNoCycle() {
        slices().matching("dev.orgbff.graphql.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The root of {@code graphql/} wires its sub-packages; none of them reaches back up into it. */
    @Test
    void graphqlSubPackages_doNotImportTheirWiring() {
        noClasses().that().resideInAPackage("dev.orgbff.graphql.*..")
                .should().dependOnClassesThat().resideInAPackage("dev.orgbff.graphql")
                .check(MAIN);
    }

    /**
     * Only {@code logto/} calls Logto's Management API: no other package uses the WebClient, but {@code security/} for
     * the resource server's signing keys (the JWKS, an OIDC document rather than a Logto shape). Logto's paths, bodies,
     * headers and token ({@code LogtoHttp}, {@code ManagementTokenProvider}) are package-private in {@code logto/}, so the
     * compiler keeps them there.
     */
    @Test
    void webClient_onlyInLogto() {
        noClasses().that().resideOutsideOfPackage("dev.orgbff.logto..")
                .and().doNotHaveFullyQualifiedName("dev.orgbff.security.LogtoSigningKeys")
                .and().doNotHaveFullyQualifiedName("dev.orgbff.security.SecurityConfiguration")
                .should().dependOnClassesThat().resideInAPackage(WEB_CLIENT)
                .check(MAIN);
    }

    /** What {@code logto/} offers the other packages (records, typed API calls) shows nothing of the WebClient. */
    @Test
    void logtoPublicMembers_showNoWebClient() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.orgbff.logto..")
                .and().areDeclaredInClassesThat().arePublic()
                .should(new ArchCondition<JavaCodeUnit>("not take or return a WebClient type") {
                    @Override
                    public void check(JavaCodeUnit member, ConditionEvents events) {
                        Stream.concat(Stream.of(member.getRawReturnType()), member.getRawParameterTypes().stream())
                                .filter(type -> type.getPackageName().startsWith("org.springframework.web.reactive.function.client"))
                                .map(JavaClass::getName)
                                .forEach(type -> events.add(SimpleConditionEvent.violated(member,
                                        member.getFullName() + " shows " + type + " outside logto/")));
                    }
                })
                .check(MAIN);
    }
}
