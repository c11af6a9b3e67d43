package dev.orgbff.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/one-time-tokens} as observed on a real Logto 1.42 (CONTRACT.md "One-time tokens"). */
class LogtoEmulatorOneTimeTokenTests extends LogtoEmulatorTestBase {

    @Test
    void createOneTimeToken_emailOnly_answers201WithAnActiveTokenForTenMinutes() {
        // given
        long before = System.currentTimeMillis();

        // when
        ManagementApiClient.Result result = client.post("/api/one-time-tokens", "{\"email\": \"Invitee.One@Example.test\"}");

        // then
        long after = System.currentTimeMillis();
        assertThat(result.status()).isEqualTo(201);
        JsonNode token = result.json();
        assertThat(token.propertyNames()).containsExactlyInAnyOrder(
                "tenantId", "id", "email", "token", "context", "status", "createdAt", "expiresAt");
        assertThat(token.get("tenantId").stringValue()).isEqualTo("default");
        assertThat(token.get("id").stringValue()).matches("[0-9a-z]{21}");
        assertThat(token.get("email").stringValue()).isEqualTo("Invitee.One@Example.test");
        assertThat(token.get("token").stringValue()).isNotBlank();
        assertThat(token.get("context").isObject()).isTrue();
        assertThat(token.get("status").stringValue()).isEqualTo("active");
        assertThat(token.get("createdAt").isIntegralNumber()).isTrue();
        assertThat(token.get("createdAt").longValue()).isBetween(before, after);
        assertThat(token.get("expiresAt").longValue() - token.get("createdAt").longValue()).isEqualTo(600_000L);
        assertThat(logto.oneTimeTokens()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(token.get("id").stringValue());
            assertThat(stored.email()).isEqualTo("Invitee.One@Example.test");
            assertThat(stored.token()).isEqualTo(token.get("token").stringValue());
        });
    }

    @Test
    void createOneTimeToken_notAnEmail_isAcceptedAsGiven() {
        // when
        ManagementApiClient.Result result = client.post("/api/one-time-tokens", "{\"email\": \"not-an-email\"}");

        // then
        assertThat(result.status()).isEqualTo(201);
        assertThat(result.json().get("email").stringValue()).isEqualTo("not-an-email");
    }

    @Test
    void createOneTimeToken_expiresIn_setsTheLifetimeInSeconds() {
        // when
        JsonNode thirtyDays = client.post("/api/one-time-tokens", "{\"email\": \"a@example.test\", \"expiresIn\": 2592000}").json();
        JsonNode oneMinute = client.post("/api/one-time-tokens", "{\"email\": \"b@example.test\", \"expiresIn\": 60}").json();

        // then
        assertThat(thirtyDays.get("expiresAt").longValue() - thirtyDays.get("createdAt").longValue()).isEqualTo(2_592_000_000L);
        assertThat(oneMinute.get("expiresAt").longValue() - oneMinute.get("createdAt").longValue()).isEqualTo(60_000L);
    }

    @Test
    void createOneTimeToken_missingEmail_answers400GuardInvalidInput() {
        // when
        ManagementApiClient.Result result = client.post("/api/one-time-tokens", "{\"expiresIn\": 60}");

        // then
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("code").stringValue()).isEqualTo("guard.invalid_input");
        assertThat(logto.oneTimeTokens()).isEmpty();
    }

    @Test
    void createOneTimeToken_afterAdvanceClock_isStampedWithTheTenantsTime() {
        // given
        logto.advanceClock(Duration.ofHours(1));
        long before = System.currentTimeMillis() + Duration.ofHours(1).toMillis();

        // when
        JsonNode token = client.post("/api/one-time-tokens", "{\"email\": \"a@example.test\"}").json();

        // then
        assertThat(token.get("createdAt").longValue()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void getOneTimeToken_existing_answers200AndAfterDelete404() {
        // given
        JsonNode created = client.post("/api/one-time-tokens", "{\"email\": \"Invitee.One@Example.test\"}").json();
        String path = "/api/one-time-tokens/" + created.get("id").stringValue();

        // when
        ManagementApiClient.Result read = client.get(path);
        ManagementApiClient.Result deleted = client.delete(path);
        ManagementApiClient.Result readAgain = client.get(path);
        ManagementApiClient.Result deletedAgain = client.delete(path);

        // then
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(readAgain.status()).isEqualTo(404);
        assertThat(readAgain.json().get("code").stringValue()).isEqualTo("entity.not_exists_with_id");
        assertThat(deletedAgain.status()).isEqualTo(404);
        assertThat(logto.oneTimeTokens()).isEmpty();
    }
}
