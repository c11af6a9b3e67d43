package dev.orgbff.graphql.error;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.TenantInvariants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that closes its connection while its request is being resolved (a phone going out of coverage): the
 * writes already under way finish or are undone as if it had stayed, and the service logs one line, no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientGoesAwayGraphQlTests extends GraphQlTestSupport {

    private static final String CREATE = "POST /api/organizations";
    private static final String CANCELLED = "Request cancelled (its client went away)";

    @LocalServerPort
    private int port;

    @Test
    void createOrganization_clientClosesTheConnectionAfterTheCreate_organizationSetUpAndOneLogLineWithoutStackTrace(
            CapturedOutput output) throws IOException {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.latency(Duration.ofMillis(150));
        int logged = output.getAll().length();
        // when: the connection closes once Logto has been asked to create the organization
        try (Socket socket = new Socket("127.0.0.1", port)) {
            send(socket, logto.userToken(demo.carol()),
                    "{\"query\":\"mutation { createOrganization(input: {name: \\\"Initech\\\"}) { organization { id } } }\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> logto.calls(CREATE) == 1);
        }
        // then: the setup goes on (add the member, then give the admin role: 2 more calls of 150 ms)
        await().atMost(Duration.ofSeconds(5)).until(() -> logto.organizationIds().size() == 3
                && logto.memberIds(logto.organizationIds().get(2)).contains(demo.carol())
                && !logto.memberRoleNames(logto.organizationIds().get(2), demo.carol()).isEmpty());
        assertThat(TenantInvariants.of(logto).scan()).isEmpty();
        assertOneLineWithoutStackTrace(output, logged);
    }

    @Test
    void query_clientClosesTheConnectionWhileLogtoAnswers_oneLogLineWithoutStackTrace(CapturedOutput output) throws IOException {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.latency(Duration.ofMillis(300));
        int logged = output.getAll().length();
        // when
        try (Socket socket = new Socket("127.0.0.1", port)) {
            send(socket, logto.userToken(demo.alice()), "{\"query\":\"{ viewer { organizations { totalCount } } }\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> logto.apiCalls() > 0);
        }
        // then
        assertOneLineWithoutStackTrace(output, logged);
    }

    /** The cancellation's line (written once the next field would have been resolved), and nothing worse. */
    private static void assertOneLineWithoutStackTrace(CapturedOutput output, int logged) {
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().substring(logged).contains(CANCELLED));
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> line.contains(CANCELLED))).hasSize(1);
        assertThat(log).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    private static void send(Socket socket, String token, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }
}
