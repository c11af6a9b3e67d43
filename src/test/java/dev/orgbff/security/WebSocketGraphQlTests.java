package dev.orgbff.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.CloseStatus;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.GraphQlWebSocket;
import dev.orgbff.emulator.LogtoEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GraphQL over WebSocket ({@code graphql-transport-ws}) on {@code /graphql}: the connection's token, sent in
 * {@code connection_init}, is validated as over HTTP and gives each operation its viewer; the handshake's Origin is
 * checked; the limits hold.
 */
@TestPropertySource(properties = {"orgbff.subscriptions.connections-per-user=2", "orgbff.cors.allowed-origins=https://app.example.test"})
@ExtendWith(OutputCaptureExtension.class)
class WebSocketGraphQlTests extends GraphQlTestSupport {

    private static final String VIEWER_NAME = "{ viewer { user { name } } }";

    @LocalServerPort
    int port;

    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("none", (Function<LogtoEmulator, String>) logto -> null),
                Arguments.of("garbage", (Function<LogtoEmulator, String>) logto -> "not-a-jwt"),
                Arguments.of("signed by an unknown key", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").signedWithUnknownKey().sign()),
                Arguments.of("wrong issuer", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").issuer("https://evil.example/oidc").sign()),
                Arguments.of("wrong audience", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").audience("https://another-api.example").sign()),
                Arguments.of("expired", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign()),
                Arguments.of("typ JWT (an ID token)", (Function<LogtoEmulator, String>) logto ->
                        logto.token("user00000001").type("JWT").sign()));
    }

    @Test
    void query_overWebSocket_answersAsOverHttpWithTheSameCalls() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String token = logto.userToken(demo.alice());
        String overHttp = withToken(token).document(VIEWER_NAME).execute().path("viewer.user.name").entity(String.class).get();
        logto.resetCalls();
        withToken(token).document(VIEWER_NAME).execute().path("viewer.user.name").hasValue();
        Map<String, Integer> httpCalls = Map.copyOf(logto.calls());
        logto.resetCalls();
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, null)) {
            // when
            socket.initAcknowledged(token).subscribe("1", VIEWER_NAME);
            JsonNode next = socket.next();
            JsonNode complete = socket.next();
            // then
            assertThat(next.path("type").asString()).isEqualTo("next");
            assertThat(next.path("id").asString()).isEqualTo("1");
            assertThat(next.path("payload").path("data").path("viewer").path("user").path("name").asString()).isEqualTo(overHttp).isNotEmpty();
            assertThat(complete.path("type").asString()).isEqualTo("complete");
            assertThat(logto.calls()).isEqualTo(httpCalls);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void connectionInit_invalidToken_closedWith4401AndOneLogLine(String name, Function<LogtoEmulator, String> token, CapturedOutput output)
            throws Exception {
        // given
        String sent = token.apply(logto);
        int logged = output.getOut().length();
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, null)) {
            // when
            socket.init(sent);
            // then
            assertThat(socket.closed().getCode()).isEqualTo(4401);
        }
        String log = output.getOut().substring(logged);
        assertThat(log.lines().filter(line -> line.contains("Refused a GraphQL WebSocket connection with 4401"))).hasSize(1);
        assertThat(log).doesNotContain("\tat ");
        if (sent != null) {
            assertThat(log).doesNotContain(sent);
        }
    }

    @Test
    void subscribe_beforeConnectionInit_closedWith4401() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, null)) {
            // when
            socket.subscribe("1", VIEWER_NAME);
            // then
            assertThat(socket.closed().getCode()).isEqualTo(4401);
        }
    }

    @Test
    void connection_tokenExpires_closedWith4401AtExp(CapturedOutput output) throws Exception {
        // given: a token valid for an hour more
        DemoTenant demo = DemoTenant.seed(logto);
        Instant now = Instant.now();
        String token = logto.token(demo.alice()).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).sign();
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, null)) {
            socket.initAcknowledged(token).subscribe("1", VIEWER_NAME);
            assertThat(socket.next().path("type").asString()).isEqualTo("next");
            assertThat(socket.next().path("type").asString()).isEqualTo("complete");
            // when: the service's clock reaches its exp
            clock.advance(Duration.ofHours(1));
            // then
            CloseStatus status = socket.closed();
            assertThat(status.getCode()).isEqualTo(4401);
            assertThat(status.getReason()).isEqualTo("Token expired");
        }
        assertThat(output.getOut()).containsOnlyOnce("Closed a GraphQL WebSocket connection with 4401: its access token expired")
                .doesNotContain(token);
    }

    @Test
    void connections_pastTheUsersLimit_closedWith4429(CapturedOutput output) throws Exception {
        // given: orgbff.subscriptions.connections-per-user=2
        DemoTenant demo = DemoTenant.seed(logto);
        List<GraphQlWebSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                sockets.add(GraphQlWebSocket.open(port, null).initAcknowledged(logto.userToken(demo.alice())));
            }
            GraphQlWebSocket third = GraphQlWebSocket.open(port, null);
            sockets.add(third);
            GraphQlWebSocket bobs = GraphQlWebSocket.open(port, null);
            sockets.add(bobs);
            // when
            third.init(logto.userToken(demo.alice()));
            bobs.initAcknowledged(logto.userToken(demo.bob()));
            // then
            CloseStatus status = third.closed();
            assertThat(status.getCode()).isEqualTo(4429);
            assertThat(status.getReason()).isEqualTo("Too many connections");
            bobs.subscribe("1", VIEWER_NAME);
            assertThat(bobs.next().path("type").asString()).isEqualTo("next");
            // and once one of alice's connections closes, she may open another
            sockets.get(0).close();
            sockets.get(1).subscribe("1", VIEWER_NAME);
            assertThat(sockets.get(1).next().path("type").asString()).isEqualTo("next");
        } finally {
            sockets.forEach(GraphQlWebSocket::close);
        }
        assertThat(output.getOut()).containsOnlyOnce("Refused a GraphQL WebSocket connection: its user holds 2 already");
    }

    @Test
    void handshake_foreignOrigin_refusedWith403() {
        // given
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, "https://evil.example")) {
            // when, then
            assertThatThrownBy(socket::session).hasMessageContaining("403");
        }
    }

    @Test
    void handshake_allowedOrOwnOriginOrNone_accepted() throws Exception {
        DemoTenant demo = DemoTenant.seed(logto);
        for (String origin : new String[] {"https://app.example.test", "http://localhost:" + port, null}) {
            try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, origin)) {
                socket.initAcknowledged(logto.userToken(demo.alice()));
            }
        }
    }

    @Test
    void query_tooDeepOverWebSocket_refusedBeforeAnyUpstreamCall() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }" + " }".repeat(12) + " } } } }";
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, null)) {
            socket.initAcknowledged(logto.userToken(demo.alice()));
            logto.resetCalls();
            // when
            socket.subscribe("1", deep);
            JsonNode answer = socket.next();
            // then
            assertThat(answer.path("payload").path("errors").get(0).path("message").asString()).contains("maximum query depth");
            assertThat(logto.calls()).isEmpty();
        }
    }

    @Test
    void frame_largerThanTheLimit_closesTheConnection() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        try (GraphQlWebSocket socket = GraphQlWebSocket.open(port, null)) {
            socket.initAcknowledged(logto.userToken(demo.alice()));
            // when: a frame of 1 MB
            socket.sendText("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"" + "x".repeat(1 << 20) + "\"}}");
            // then
            assertThat(socket.closed().getCode()).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS.getCode());
        }
    }
}
