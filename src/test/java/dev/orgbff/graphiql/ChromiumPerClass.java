package dev.orgbff.graphiql;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium for a test class: launched before its first test (in each test rather than once for the
 * class, so that where Chromium is missing every test is reported as skipped, with the reason), a screenshot of what
 * each of its tabs showed after each test for a failure's diagnosis ({@code target/<screenshot>}, then
 * {@code -2}, {@code -3}… before the extension for the tabs opened after the first), whose tabs are then closed; closed
 * after the last test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ChromiumPerClass browser = new ChromiumPerClass("graphiql-browser.png");
 * }</pre>
 */
final class ChromiumPerClass implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final Path screenshot;
    private @Nullable HeadlessChromium chromium;

    /** @param screenshot the file name, under {@code target/}, of the screenshot taken after each test */
    ChromiumPerClass(String screenshot) {
        this.screenshot = Path.of("target", screenshot);
    }

    /** The browser; only within a test, after the launch. */
    HeadlessChromium chromium() {
        return Objects.requireNonNull(chromium, "Chromium is launched before each test");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (chromium == null) {
            chromium = HeadlessChromium.launchOrSkip();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (chromium != null) {
            List<HeadlessChromium.Tab> tabs = chromium.tabs();
            for (int i = 0; i < tabs.size(); i++) {
                String name = screenshot.getFileName().toString();
                tabs.get(i).screenshot(i == 0 ? screenshot : screenshot.resolveSibling(name.replaceFirst("(\\.png)?$", "-" + (i + 1) + ".png")));
            }
            chromium.closeTabs();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
