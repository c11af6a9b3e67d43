package dev.orgbff.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.CloseStatus;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.GraphQlWebSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance's bound on WebSocket connections ({@code orgbff.subscriptions.max-connections}), whoever opens them: the
 * heap they hold must not grow until the service runs out of memory (10,000 connections with a subscription each did, in
 * 256 MB).
 */
@TestPropertySource(properties = "orgbff.subscriptions.max-connections=2")
@ExtendWith(OutputCaptureExtension.class)
class WebSocketInstanceLimitTests extends GraphQlTestSupport {

    @LocalServerPort
    int port;

    @Test
    void connections_pastTheInstancesLimit_closedWith1013UntilOneCloses(CapturedOutput output) throws Exception {
        // given: two users, one connection each, fill the instance
        DemoTenant demo = DemoTenant.seed(logto);
        List<GraphQlWebSocket> sockets = new ArrayList<>();
        try {
            sockets.add(GraphQlWebSocket.open(port, null).initAcknowledged(logto.userToken(demo.alice())));
            sockets.add(GraphQlWebSocket.open(port, null).initAcknowledged(logto.userToken(demo.bob())));
            // when: a third user's connection
            GraphQlWebSocket third = GraphQlWebSocket.open(port, null);
            sockets.add(third);
            // then
            CloseStatus status = third.closed();
            assertThat(status.getCode()).isEqualTo(1013);
            assertThat(status.getReason()).isEqualTo("Try again later");
            // and once a connection closes, another is accepted
            sockets.get(0).close();
            GraphQlWebSocket again = retryUntilAcknowledged(() -> GraphQlWebSocket.open(port, null), logto.userToken(demo.carol()));
            sockets.add(again);
        } finally {
            sockets.forEach(GraphQlWebSocket::close);
        }
        assertThat(output.getOut()).contains("Refused a GraphQL WebSocket connection: this instance holds 2 already")
                .doesNotContain("Exception");
    }

    /** The server forgets a closed connection a moment after the client closed it: a refused attempt is made again. */
    private static GraphQlWebSocket retryUntilAcknowledged(Supplier<GraphQlWebSocket> open, String token) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            GraphQlWebSocket socket = open.get();
            Thread.sleep(100); // a refusal closes the connection at once, before any message
            if (!socket.isClosed()) {
                return socket.initAcknowledged(token);
            }
        }
        throw new AssertionError("no connection accepted within 50 attempts");
    }
}
