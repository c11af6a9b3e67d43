package dev.orgbff.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Redis server on a free port of 127.0.0.1 (from the binaries {@code embedded-redis} ships, so a fresh
 * machine needs nothing installed), which a test may stop and start again on the same port, and ask things directly.
 * Registered as a static {@code @RegisterExtension} field, it stops after the test class; the benchmark starts one for
 * its two instances.
 */
public final class TestRedis implements AfterAllCallback {

    private final int port;
    private final String password;
    private final RedisServer server;

    private TestRedis(String password) {
        this.port = freePort();
        this.password = password;
        try {
            this.server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .settingIf(!password.isEmpty(), "requirepass " + password)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server not started yet; {@code password} empty for none. */
    public static TestRedis stopped(String password) {
        return new TestRedis(password);
    }

    /** A server started, without a password. */
    public static TestRedis started() {
        TestRedis redis = new TestRedis("");
        redis.start();
        return redis;
    }

    /** The URL the service is given: {@code redis://[:password@]127.0.0.1:port}. */
    public String url() {
        return "redis://" + (password.isEmpty() ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    public void start() {
        try {
            if (!server.isActive()) {
                server.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server; {@link #start()} starts it again on the same port. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /**
     * Holds every write for a minute (CLIENT PAUSE WRITE, scripts included): the server keeps its connections and
     * answers reads, but a budget's compare-and-swap gets no answer until {@link #unpause()}.
     */
    public void pauseWrites() {
        client("PAUSE", "60000", "WRITE");
    }

    public void unpause() {
        client("UNPAUSE");
    }

    private void client(String... arguments) {
        call(redis -> redis.dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).addValues(arguments)));
    }

    /** Runs {@code command} over a connection of its own, such as {@code redis -> redis.exists(key)}. */
    public <T> T call(Function<RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /**
     * Asserts what {@code output} logged since {@code logged} about Redis: exactly one warning holding {@code message},
     * no warning twice (one per use of Redis and outage: the budgets', the events'), none from Lettuce, no stack trace.
     */
    public static void assertWarnedOnce(CapturedOutput output, int logged, String message) {
        String log = output.getAll().substring(logged);
        List<String> lines = log.lines()
                .filter(line -> line.contains(" WARN ") && (line.contains("Redis") || line.contains("reconnect")))
                .toList();
        assertThat(lines).as("Lettuce's own warnings").noneMatch(line -> line.contains("] i.l.") || line.contains("] io.lettuce."));
        List<String> warnings = lines.stream()
                .map(line -> line.substring(line.indexOf(" : ") + 1)) // the message, without time and thread
                .toList();
        assertThat(warnings).filteredOn(warning -> warning.contains(message)).hasSize(1);
        assertThat(warnings).doesNotHaveDuplicates();
        assertThat(log).doesNotContain("\tat ");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
