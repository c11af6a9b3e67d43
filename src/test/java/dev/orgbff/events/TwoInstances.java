package dev.orgbff.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.orgbff.OrgBffApplication;
import dev.orgbff.TestClock;
import dev.orgbff.TestClockConfiguration;
import dev.orgbff.emulator.LogtoEmulator;

/**
 * Two instances of the service (two application contexts, each on free ports with a {@link TestClock} of its own) on
 * one Logto emulator, as two replicas behind a load balancer: for the tests of what one instance tells the other.
 *
 * @param logto the emulator both call, started with them and stopped by {@link #close()}
 * @param a     the first instance, started with the common arguments and its own
 * @param b     the second instance
 */
record TwoInstances(LogtoEmulator logto, ConfigurableApplicationContext a, ConfigurableApplicationContext b) implements AutoCloseable {

    /** Starts an emulator, then A with {@code common} and {@code onlyA}, then B with {@code common} and {@code onlyB} ({@code --name=value}). */
    static TwoInstances start(List<String> common, List<String> onlyA, List<String> onlyB) {
        LogtoEmulator logto = LogtoEmulator.start(0);
        ConfigurableApplicationContext a = start(logto, common, onlyA);
        return new TwoInstances(logto, a, start(logto, common, onlyB));
    }

    private static ConfigurableApplicationContext start(LogtoEmulator logto, List<String> common, List<String> own) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--logto.endpoint=" + logto.endpoint(), "--logto.api-resource=" + logto.apiResource(),
                "--logto.management.app-id=" + logto.m2mAppId(), "--logto.management.app-secret=" + logto.m2mAppSecret(),
                "--orgbff.invitations.accept-url=https://app.example.test/invitations/{invitationId}"));
        arguments.addAll(common);
        arguments.addAll(own);
        return new SpringApplicationBuilder(OrgBffApplication.class, TestClockConfiguration.class).run(arguments.toArray(String[]::new));
    }

    /** The instance's event stream. */
    static EventStream stream(ConfigurableApplicationContext instance) {
        return instance.getBean(EventStream.class);
    }

    /** The instance's HTTP port (GraphQL, webhooks). */
    static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The instance's clock, which a test moves forward. */
    static TestClock clock(ConfigurableApplicationContext instance) {
        return instance.getBean(TestClock.class);
    }

    /** Stops B, A, then the emulator. */
    @Override
    public void close() {
        b.close();
        a.close();
        logto.close();
    }
}
