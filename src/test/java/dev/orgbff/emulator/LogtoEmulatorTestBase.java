package dev.orgbff.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The fixture of the emulator's own tests: one emulator per test class (starting one per test would
 * make the suite slow), reset before each test, and a fresh {@link ManagementApiClient} for it.
 * Per-class test instances keep the emulator in an instance field, so test classes never share one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogtoEmulatorTestBase {

    protected LogtoEmulator logto;
    protected ManagementApiClient client;

    @BeforeAll
    void startEmulator() {
        logto = LogtoEmulator.start(0);
    }

    @AfterAll
    void stopEmulator() {
        logto.close();
    }

    @BeforeEach
    void resetEmulator() {
        logto.reset();
        client = new ManagementApiClient(logto);
    }
}
