package dev.orgbff.invitation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import dev.orgbff.DemoTenant;
import dev.orgbff.GraphQlTestSupport;
import dev.orgbff.emulator.OneTimeToken;
import dev.orgbff.emulator.SentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invitation emails with magic links ({@code orgbff.invitations.magic-link=true}): a one-time token only the email carries. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "orgbff.invitations.magic-link=true")
class InvitationMagicLinkGraphQlTests extends GraphQlTestSupport {

    @Test
    void inviteMembers_magicLinks_emailCarriesAOneTimeTokenForTheLowerCasedEmailThatNoResponseOrLogShows(CapturedOutput output) {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        logto.resetCalls();
        // when
        var response = as(demo.alice()).documentName("inviteMembers").variable("input", Map.of("organizationId", demo.acme(),
                "emails", List.of("Erin@Example.test"), "roleIds", List.of(logto.roleId("member")))).execute();
        // then
        String invitationId = response.path("inviteMembers.invitations[0].id").entity(String.class).get();
        OneTimeToken token = logto.oneTimeTokens().get(0);
        assertThat(logto.oneTimeTokens()).hasSize(1);
        assertThat(token.email()).isEqualTo("erin@example.test");
        assertThat(token.expiresAt() - token.createdAt()).isCloseTo(Duration.ofDays(7).toMillis(), within(Duration.ofMinutes(1).toMillis()));
        SentMessage message = logto.sentMessages().get(0);
        var link = UriComponentsBuilder.fromUriString(message.payload().path("link").asString()).build();
        assertThat(link.getPath()).isEqualTo("/invitations/" + invitationId);
        assertThat(link.getQueryParams().getFirst("token")).isEqualTo(token.token());
        assertThat(link.getQueryParams().getFirst("email")).isEqualTo("erin%40example.test");
        response.path("inviteMembers.invitations[0].acceptUrl").entity(String.class)
                .isEqualTo(ACCEPT_URL.replace("{invitationId}", invitationId));
        assertThat(output.getAll()).doesNotContain(token.token());
        assertThat(logto.calls("POST /api/one-time-tokens")).isEqualTo(1);
    }

    @Test
    void resendInvitation_magicLinks_aNewTokenEachTime() {
        // given
        DemoTenant demo = DemoTenant.seed(logto);
        // when
        as(demo.alice()).documentName("resendInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute()
                .path("resendInvitation.userErrors").entityList(Object.class).hasSize(0);
        as(demo.alice()).documentName("resendInvitation").variable("input", Map.of("invitationId", demo.carolsInvitation())).execute()
                .path("resendInvitation.userErrors").entityList(Object.class).hasSize(0);
        // then
        assertThat(logto.oneTimeTokens()).extracting(OneTimeToken::email).containsExactly("carol@example.test", "carol@example.test");
        assertThat(logto.oneTimeTokens().get(0).token()).isNotEqualTo(logto.oneTimeTokens().get(1).token());
        assertThat(logto.sentMessages()).extracting(sent -> sent.payload().path("link").asString())
                .allSatisfy(link -> assertThat(link).contains("token="));
    }
}
