package dev.orgbff.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that reach one keep-alive connection back to back, as a client that reuses its connections sends
 * them: each gets its answer, on the GraphQL port and on the management port. Reactor Netty 1.3.6 stops reading
 * such a connection when a request it held back (the one before it not yet answered) is then answered at once, as
 * a refusal without a token is; the next request on that connection waited for ever (reactor-netty issue 4361; the
 * 200 forged tokens of JwksRefreshTests hung one in eight runs).
 */
class PipelinedRequestsTests extends GraphQlTestSupport {

    private static final String QUERY = "/graphql?query=%7Bviewer%7Borganizations%7BtotalCount%7D%7D%7D";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @RepeatedTest(3)
    void http_requestHeldBehindASlowOneAndAnsweredAtOnce_theNextRequestOnTheConnectionIsAnswered() throws IOException {
        // given: a query that goes to Logto, and behind it on the same connection a request refused without a token
        DemoTenant demo = DemoTenant.seed(logto);
        logto.latency(Duration.ofMillis(100));
        String slow = request(logto.userToken(demo.alice()));
        String refusedAtOnce = request(null);
        // when
        List<Integer> statuses = exchange(port, slow + refusedAtOnce, request(logto.userToken(demo.bob())));
        // then
        assertThat(statuses).containsExactly(200, 401, 200);
    }

    @RepeatedTest(3)
    void managementPort_requestHeldBehindASlowHealthCheckAndRefusedAtOnce_theNextRequestOnTheConnectionIsAnswered() throws IOException {
        // given: the health check asks Logto; behind it an endpoint the management port refuses at once
        logto.latency(Duration.ofMillis(100));
        String health = get("/actuator/health");
        // when
        List<Integer> statuses = exchange(managementPort, health + get("/actuator/env"), health);
        // then
        assertThat(statuses).containsExactly(200, 401, 200);
    }

    /** Sends {@code first} (one or more requests at once), reads two answers, then sends {@code then} and reads its answer. */
    private static List<Integer> exchange(int port, String first, String then) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(first.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            List<Integer> statuses = new ArrayList<>(List.of(readStatus(in), readStatus(in)));
            out.write(then.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            statuses.add(readStatus(in));
            return statuses;
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    private static String request(String token) {
        return "GET " + QUERY + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/graphql-response+json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    /** Reads one response (its headers and a body of Content-Length bytes) and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        String head;
        try {
            head = readHead(in);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + ANSWER_WITHIN.toSeconds() + " s on a kept-alive connection", e);
        }
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(head.substring(9, 12));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the connection was closed: " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
