package dev.orgbff.graphql;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.events.ChangeEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber whose client stops reading is ended ({@code SLOW_SUBSCRIBER}) once {@code orgbff.subscriptions.buffer}
 * events wait for it, over SSE and over WebSocket alike, rather than its events piling up in the service. The client
 * here is a raw socket with a small receive buffer that sends its request and never reads the answer.
 */
@TestPropertySource(properties = "orgbff.subscriptions.buffer=4")
class SlowSubscriberGraphQlTests extends GraphQlTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MEMBERSHIPS = "GET /api/users/{userId}/organizations";
    /** Each event some 3 KB (the organization's id under 150 aliases), so that few fill the buffers between service and client. */
    private static final String VIEWER_EVENTS = "subscription { viewerOrganizationEvents { kind "
            + IntStream.range(0, 150).mapToObj(i -> "id" + i + ": organizationId").collect(Collectors.joining(" ")) + " } }";
    /** Far more events than the socket buffers on both ends and Netty's outbound buffer hold. */
    private static final int MOST_EVENTS = 5_000;

    @LocalServerPort
    int port;

    @Test
    void sse_clientStopsReading_subscriptionEnded() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        byte[] body = JSON.writeValueAsBytes(Map.of("query", VIEWER_EVENTS));
        try (Socket socket = unreadSocket()) {
            int before = eventStream.subscribers();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + logto.userToken(demo.alice())
                    + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            // when
            int published = publishUntilEnded(before, demo);
            // then
            assertThat(eventStream.subscribers()).as("subscribers after %d events the client did not read (Logto calls %s)", published, logto.calls())
                    .isEqualTo(before);
        }
    }

    @Test
    void webSocket_clientStopsReading_subscriptionEnded() throws Exception {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        try (Socket socket = unreadSocket()) {
            int before = eventStream.subscribers();
            OutputStream out = socket.getOutputStream();
            out.write(("GET /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            upgraded(socket);
            textFrame(out, Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + logto.userToken(demo.alice()))));
            textFrame(out, Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", VIEWER_EVENTS)));
            // when
            int published = publishUntilEnded(before, demo);
            // then
            assertThat(eventStream.subscribers()).as("subscribers after %d events the client did not read (Logto calls %s)", published, logto.calls())
                    .isEqualTo(before);
        }
    }

    /** A connection to the service whose receive buffer is small, so that what it does not read soon holds the server's writes. */
    private Socket unreadSocket() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port));
        return socket;
    }

    /**
     * Once the subscription listens, publishes events that each tell alice something (her roles in Acme changed), one
     * after the other as the subscription handles them (its memberships call), until it ends or {@link #MOST_EVENTS}
     * were published; once it stops handling them (no demand) the next ones pile up in its buffer. Answers how many.
     */
    private int publishUntilEnded(int before, DemoTenant demo) {
        for (int waited = 0; eventStream.subscribers() <= before; waited++) {
            assertThat(waited).as("the subscription listens within 30 s").isLessThan(3000);
            LockSupport.parkNanos(10_000_000);
        }
        int published = 0;
        while (eventStream.subscribers() > before && published < MOST_EVENTS) {
            int handled = logto.calls(MEMBERSHIPS);
            webhook(ChangeEvent.Kind.MEMBER_ROLES_CHANGED, demo.acme(), demo.alice());
            published++;
            // the next event once the subscription has handled this one (read alice's memberships), as a client that
            // reads would keep up with; when it waits for demand instead, the next ones pile up in its buffer
            for (int i = 0; i < 200 && logto.calls(MEMBERSHIPS) == handled && eventStream.subscribers() > before; i++) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return published;
    }

    /** Reads the handshake's answer, up to its blank line: 101 Switching Protocols (nothing after it is read). */
    private static void upgraded(Socket socket) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = socket.getInputStream().read();
            assertThat(next).as("the handshake's answer so far: %s", head).isNotNegative();
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
    }

    /** Writes {@code message} as JSON in a masked WebSocket text frame (a client's frames are masked). */
    private static void textFrame(OutputStream out, Object message) throws IOException {
        byte[] payload = JSON.writeValueAsBytes(message);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }
}
