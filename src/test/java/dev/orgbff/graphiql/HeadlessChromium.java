package dev.orgbff.graphiql;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol: JSON messages over a
 * WebSocket ({@code java.net.http}), no driver binary. It resolves no host name but {@code localhost} and
 * {@code 127.0.0.1} ({@code --host-resolver-rules}), so nothing a page asks for can leave the machine, and it
 * records every protocol event of each tab and of the workers the tab starts (requests, console messages,
 * exceptions, log entries such as Content-Security-Policy violations). Tabs opened with {@link #openTabInNewContext}
 * share nothing (cookies, storage, cache): two users signed in at once, as in two browsers.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final String NO_CHROMIUM = "GraphiQL's browser tests are skipped: no Chromium on the PATH "
            + "(install Debian's packages: apt-get install -y chromium chromium-driver)";
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessChromium.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<Tab> tabs = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The first of {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the {@code PATH}, if any. */
    static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * {@link #launch Starts} the first Chromium on the {@code PATH} at 1400 × 1000; where there is none, logs why and
     * skips the calling test (a JUnit assumption), naming the Debian packages to install.
     */
    static HeadlessChromium launchOrSkip() throws IOException, InterruptedException {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            LOG.warn(NO_CHROMIUM);
        }
        assumeTrue(executable.isPresent(), NO_CHROMIUM);
        return launch(executable.get(), 1400, 1000);
    }

    /**
     * Starts the browser with a fresh profile and connects to it.
     *
     * @throws IOException when it does not start or does not open its DevTools port within 30 s
     */
    static HeadlessChromium launch(Path executable, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("orgbff-chromium");
        Process process = new ProcessBuilder(executable.toString(),
                "--headless=new",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                // the tests run as root on CI, where Chromium's sandbox cannot start
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--window-size=" + width + "," + height,
                "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            String endpoint = devToolsEndpoint(process, profile);
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(endpoint), listener)
                    .get(10, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            listener.chromium = chromium;
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process, profile);
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            stop(process, profile);
            throw new IOException("Chromium's DevTools WebSocket did not open", e);
        }
    }

    /** Chromium writes its port and the browser's WebSocket path into {@code DevToolsActivePort} once it listens. */
    private static String devToolsEndpoint(Process process, Path profile) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    return "ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim();
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with " + process.exitValue() + ": " + log(profile));
            }
            Thread.sleep(50);
        }
        throw new IOException("Chromium opened no DevTools port within 30 s: " + log(profile));
    }

    /**
     * Opens a tab on {@code about:blank} in the browser's default context (the cookies and storage of every such tab)
     * and starts recording its events and those of the workers it will start (network, console, exceptions, log),
     * plus every {@code securitypolicyviolation} event into {@code window.__cspViolations}.
     */
    Tab openTab() {
        return open(params().put("url", "about:blank"));
    }

    /** {@link #openTab Opens a tab} in a new browser context: cookies, storage and cache of its own, as another browser's. */
    Tab openTabInNewContext() {
        String context = send(null, "Target.createBrowserContext", params()).path("browserContextId").asString();
        return open(params().put("url", "about:blank").put("browserContextId", context));
    }

    /** The tabs open now, the first opened first. */
    List<Tab> tabs() {
        return List.copyOf(tabs);
    }

    /** Closes every tab, and the browser contexts opened for them (their cookies and storage gone), and forgets their events. */
    void closeTabs() {
        for (Tab tab : tabs) {
            send(null, "Target.closeTarget", params().put("targetId", tab.targetId));
            if (!tab.context.isEmpty()) {
                send(null, "Target.disposeBrowserContext", params().put("browserContextId", tab.context));
            }
        }
        tabs.clear();
        events.clear();
    }

    private Tab open(ObjectNode target) {
        String targetId = send(null, "Target.createTarget", target).path("targetId").asString();
        String session = send(null, "Target.attachToTarget", params().put("targetId", targetId).put("flatten", true))
                .path("sessionId").asString();
        Tab tab = new Tab(targetId, target.path("browserContextId").asString(), session);
        tabs.add(tab);
        record(session);
        send(session, "Page.enable", params());
        send(session, "Page.addScriptToEvaluateOnNewDocument", params().put("source",
                "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', "
                        + "e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));"));
        send(session, "Target.setAutoAttach", params().put("autoAttach", true).put("waitForDebuggerOnStart", false)
                .put("flatten", true));
        return tab;
    }

    /** The value of a request's header, its name in any case (fetch sends it lower-cased); empty when absent. */
    static String header(JsonNode request, String name) {
        for (Map.Entry<String, JsonNode> header : request.path("headers").properties()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().asString();
            }
        }
        return "";
    }

    @Override
    public void close() {
        socket.abort();
        stop(process, profile);
    }

    private void record(String session) {
        send(session, "Network.enable", params());
        send(session, "Runtime.enable", params());
        send(session, "Log.enable", params());
    }

    private JsonNode send(@Nullable String session, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            // the WebSocket allows one outstanding send at a time
            synchronized (socket) {
                socket.sendText(message.toString(), true).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            JsonNode response = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.path("error"));
            }
            return response.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer from Chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    private void receive(String text) {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        events.add(message);
        if ("Target.attachedToTarget".equals(message.path("method").asString())) {
            // a worker a tab started: record it too, as the tab's, off the WebSocket's thread (send waits for an answer)
            String workerSession = message.path("params").path("sessionId").asString();
            String parent = message.path("sessionId").asString();
            tabs.stream().filter(tab -> tab.sessions.contains(parent)).forEach(tab -> tab.sessions.add(workerSession));
            CompletableFuture.runAsync(() -> record(workerSession));
        }
    }

    private static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private static String log(Path profile) {
        try {
            return Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void stop(Process process, Path profile) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    /** One tab and the workers it started: what it shows, what it sent and what went wrong in it. */
    final class Tab {

        private final String targetId;
        /** The browser context opened for it, or empty for the default one. */
        private final String context;
        private final String session;
        /** The tab's session and those of the workers it started, whose events are the tab's. */
        private final Set<String> sessions = ConcurrentHashMap.newKeySet();

        private Tab(String targetId, String context, String session) {
            this.targetId = targetId;
            this.context = context;
            this.session = session;
            sessions.add(session);
        }

        /** Loads {@code url} in the tab (returns once the navigation is committed, not when the page is ready). */
        void navigate(String url) {
            JsonNode result = send(session, "Page.navigate", params().put("url", url));
            if (result.has("errorText")) {
                throw new IllegalStateException("navigation to " + url + " failed: " + result.path("errorText").asString());
            }
        }

        /** The value of {@code expression} evaluated in the page (promises awaited); a thrown error fails. */
        JsonNode evaluate(String expression) {
            JsonNode result = send(session, "Runtime.evaluate", params().put("expression", expression)
                    .put("returnByValue", true).put("awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("the page threw: " + result.path("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        /**
         * Evaluates {@code condition} every 100 ms until it is true. An evaluation cut short because the page was
         * navigating (a sign-in or sign-out redirect) counts as not yet true.
         */
        void waitFor(String description, String condition, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (!holds(condition)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not within " + timeout.toSeconds() + " s: " + description);
                }
                Thread.sleep(100);
            }
        }

        private boolean holds(String condition) {
            try {
                return evaluate("Boolean(" + condition + ")").asBoolean();
            } catch (IllegalStateException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("navigated or closed") || message.contains("Cannot find context")
                        || message.contains("Execution context was destroyed")) {
                    return false;
                }
                throw e;
            }
        }

        /** Waits until the tab or one of its workers has sent a request whose URL matches {@code urlPattern}. */
        void waitForRequest(String urlPattern, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (requests().stream().noneMatch(request -> request.path("url").asString().matches(urlPattern))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no request for " + urlPattern + " within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        }

        /** Types {@code text} into the focused element, as an on-screen keyboard or a paste would insert it. */
        void insertText(String text) {
            send(session, "Input.insertText", params().put("text", text));
        }

        /** Selects everything in the focused element, as Ctrl+A does (in an editor: its whole text, which a typed text replaces). */
        void selectAll() {
            for (String type : new String[] {"rawKeyDown", "keyUp"}) {
                ObjectNode key = params().put("type", type).put("modifiers", 2).put("key", "a").put("code", "KeyA")
                        .put("windowsVirtualKeyCode", 65);
                if (type.equals("rawKeyDown")) {
                    key.putArray("commands").add("selectAll");
                }
                send(session, "Input.dispatchKeyEvent", key);
            }
        }

        /**
         * Writes the element of {@code selector} (a CSS selector), all of it even where it reaches beyond the window, as a
         * PNG to {@code file}.
         */
        void screenshot(Path file, String selector) throws IOException {
            JsonNode box = evaluate("(() => { const box = document.querySelector(\"" + selector + "\").getBoundingClientRect();"
                    + " return {x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height}; })()");
            ObjectNode clip = params().put("x", box.path("x").asDouble()).put("y", box.path("y").asDouble())
                    .put("width", box.path("width").asDouble()).put("height", box.path("height").asDouble()).put("scale", 1);
            ObjectNode capture = params().put("format", "png").put("captureBeyondViewport", true);
            capture.set("clip", clip);
            write(file, send(session, "Page.captureScreenshot", capture).path("data").asString());
        }

        /** Writes what the tab shows now as a PNG to {@code file}. */
        void screenshot(Path file) throws IOException {
            write(file, send(session, "Page.captureScreenshot", params().put("format", "png")).path("data").asString());
        }

        private static void write(Path file, String png) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, java.util.Base64.getDecoder().decode(png));
        }

        /**
         * The page's accessibility violations of impact {@code serious} or {@code critical}, by axe-core's default rules
         * (WCAG 2 A and AA, best practices) run in the page as it is now, one line each: the rule, what it asks, the
         * elements. The script comes from the classpath ({@code axe.min.js}), so the page requests nothing for it.
         */
        List<String> seriousAccessibilityViolations() throws IOException {
            if (!evaluate("typeof axe === 'object'").asBoolean()) {
                try (var script = HeadlessChromium.class.getResourceAsStream("/axe.min.js")) {
                    if (script == null) {
                        throw new IOException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                    }
                    evaluate(new String(script.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            List<String> violations = new ArrayList<>();
            evaluate("axe.run(document, {resultTypes: ['violations']}).then(result => result.violations"
                    + ".filter(violation => violation.impact === 'serious' || violation.impact === 'critical')"
                    + ".map(violation => violation.id + ': ' + violation.help + ' (' + violation.nodes.map(node => node.target.join(' ')).join(', ') + ')'))")
                    .forEach(violation -> violations.add(violation.asString()));
            return violations;
        }

        /**
         * Every request over the network the tab and its workers sent ({@code http}, {@code https}, {@code ws},
         * {@code wss}; not {@code data:}), as the protocol describes it: {@code url}, {@code method}, {@code headers},
         * {@code postData}.
         */
        List<JsonNode> requests() {
            return events("Network.requestWillBeSent").stream()
                    .map(event -> event.path("request"))
                    .filter(request -> request.path("url").asString().matches("(?i)(https?|wss?):.*"))
                    .toList();
        }

        /**
         * What went wrong in the tab and its workers so far, one line each: Content-Security-Policy violations, uncaught
         * exceptions, console errors, failed requests and the browser's error log (a failed load, a policy report).
         */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            evaluate("window.__cspViolations ?? []").forEach(violation -> problems.add("policy violation: " + violation.asString()));
            events("Runtime.exceptionThrown").forEach(exception -> problems.add("exception: " + exception.path("exceptionDetails")));
            events("Runtime.consoleAPICalled").stream()
                    .filter(call -> List.of("error", "assert").contains(call.path("type").asString()))
                    .forEach(call -> problems.add("console." + call.path("type").asString() + ": " + call.path("args")));
            events("Network.loadingFailed").forEach(failure -> problems.add("failed request: " + failure));
            events("Log.entryAdded").stream()
                    .map(entry -> entry.path("entry"))
                    .filter(entry -> entry.path("level").asString().equals("error")
                            || entry.path("text").asString().contains("Content Security Policy"))
                    .forEach(entry -> problems.add("log: " + entry.path("text").asString() + " (" + entry.path("url").asString() + ")"));
            return problems;
        }

        /** Every event recorded so far named {@code method}, e.g. {@code Network.requestWillBeSent}, as its params. */
        List<JsonNode> events(String method) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode event : events) {
                if (method.equals(event.path("method").asString()) && sessions.contains(event.path("sessionId").asString())) {
                    found.add(event.path("params"));
                }
            }
            return found;
        }
    }

    /** Joins the frames of each message and hands it over. */
    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private volatile @Nullable HeadlessChromium chromium;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                HeadlessChromium target = chromium;
                if (target != null) {
                    target.receive(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
