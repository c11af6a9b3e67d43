package dev.orgbff.emulator;

import tools.jackson.databind.JsonNode;

/**
 * An invitation email the emulator "sent" once {@link LogtoEmulator#enableEmailConnector()} was called:
 * from {@code POST /api/organization-invitations} with a {@code messagePayload}, or from
 * {@code POST /api/organization-invitations/{id}/message}.
 *
 * @param invitationId the invitation the message is about
 * @param invitee      the address it went to (the invitation's {@code invitee})
 * @param payload      the {@code messagePayload} as the client sent it (e.g. {@code {"link": "..."}})
 * @param sentAt       when it was recorded, epoch milliseconds
 */
public record SentMessage(String invitationId, String invitee, JsonNode payload, long sentAt) {
}
