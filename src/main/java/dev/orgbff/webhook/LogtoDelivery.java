package dev.orgbff.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.orgbff.events.ChangeEvent;
import dev.orgbff.events.ChangeEvent.Kind;

/**
 * One verified delivery of a Logto webhook, its JSON read, and the {@link ChangeEvent}s it announces. The shapes are
 * Logto's ({@code packages/core/src/libraries/hook/context-manager.ts}; CONTRACT.md, section Webhooks):
 * {@code {event, createdAt (ISO-8601), params, data?, …}}, and for {@code Organization.Membership.Updated}
 * {@code organizationId}, {@code addedUserIds?}, {@code removedUserIds?} in place of {@code data}.
 *
 * @param id the id of its events: {@code logto:} and the SHA-256 (hex) of the raw body, so a retried delivery has the
 *     same one
 * @param json the delivery's body, a JSON object
 */
record LogtoDelivery(String id, JsonNode json) {

    /** Logto's ids are {@code [0-9a-z]} (12 or 21 characters); anything far from that is not an id of anything. */
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,128}");

    /**
     * The Logto events the service uses, and what each means to it; any other announces nothing to it. A membership
     * change is {@code MEMBERS_ADDED} and/or {@code MEMBERS_REMOVED}.
     */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("Organization.Created", Kind.ORGANIZATION_CREATED),
            Map.entry("Organization.Data.Updated", Kind.ORGANIZATION_UPDATED),
            Map.entry("Organization.Deleted", Kind.ORGANIZATION_DELETED),
            Map.entry("Organization.Membership.Updated", Kind.MEMBERS_ADDED),
            Map.entry("OrganizationRole.Created", Kind.TEMPLATE_CHANGED),
            Map.entry("OrganizationRole.Deleted", Kind.TEMPLATE_CHANGED),
            Map.entry("OrganizationRole.Data.Updated", Kind.TEMPLATE_CHANGED),
            Map.entry("OrganizationRole.Scopes.Updated", Kind.TEMPLATE_CHANGED),
            Map.entry("OrganizationScope.Created", Kind.TEMPLATE_CHANGED),
            Map.entry("OrganizationScope.Deleted", Kind.TEMPLATE_CHANGED),
            Map.entry("OrganizationScope.Data.Updated", Kind.TEMPLATE_CHANGED),
            // an API permission that organization roles may grant, renamed or deleted (and so taken from them)
            Map.entry("Scope.Data.Updated", Kind.TEMPLATE_CHANGED),
            Map.entry("Scope.Deleted", Kind.TEMPLATE_CHANGED),
            Map.entry("User.Data.Updated", Kind.USER_UPDATED),
            Map.entry("User.Deleted", Kind.USER_UPDATED));

    /**
     * What the delivery announces: one event, two for a membership change that adds and removes users (the second's
     * id ends with {@code :removed}), none for an event the service does not use ({@code PostSignIn},
     * {@code User.Created}, …) or a membership change of applications only.
     *
     * @throws MalformedDeliveryException when the delivery has no {@code event} string, or an event the service uses
     *     lacks a field it needs or has one of another shape (an id that is not a Logto id, {@code createdAt} not
     *     ISO-8601)
     */
    List<ChangeEvent> events() {
        JsonNode name = field(json, "event");
        if (name == null || !name.isString()) {
            throw new MalformedDeliveryException("The delivery has no event name");
        }
        String event = name.stringValue();
        Kind kind = KINDS.get(event);
        if (kind == null) {
            return List.of();
        }
        Instant createdAt = createdAt(event);
        return switch (kind) {
            case ORGANIZATION_CREATED, ORGANIZATION_UPDATED, ORGANIZATION_DELETED -> List.of(event(kind, createdAt, organizationId(event), List.of()));
            case MEMBERS_ADDED -> membership(event, createdAt);
            case USER_UPDATED -> List.of(event(kind, createdAt, null, List.of(userId(event))));
            default -> List.of(event(kind, createdAt, null, List.of()));
        };
    }

    /** The event's name when the service uses it, else {@code null}: for log lines, which quote nothing else of a delivery. */
    @Nullable String knownEvent() {
        JsonNode event = field(json, "event");
        return event != null && event.isString() && KINDS.containsKey(event.stringValue()) ? event.stringValue() : null;
    }

    private List<ChangeEvent> membership(String event, Instant createdAt) {
        String organizationId = id(json.get("organizationId"), event, "organizationId");
        List<String> added = ids(event, "addedUserIds");
        List<String> removed = ids(event, "removedUserIds");
        List<ChangeEvent> events = new ArrayList<>(2);
        if (!added.isEmpty()) {
            events.add(event(Kind.MEMBERS_ADDED, createdAt, organizationId, added));
        }
        if (!removed.isEmpty()) {
            events.add(new ChangeEvent(added.isEmpty() ? id : id + ":removed", Kind.MEMBERS_REMOVED, ChangeEvent.Source.LOGTO_WEBHOOK,
                    createdAt, organizationId, removed, null, null));
        }
        return events;
    }

    private ChangeEvent event(Kind kind, Instant createdAt, @Nullable String organizationId, List<String> userIds) {
        return new ChangeEvent(id, kind, ChangeEvent.Source.LOGTO_WEBHOOK, createdAt, organizationId, userIds, null, null);
    }

    private Instant createdAt(String event) {
        JsonNode createdAt = field(json, "createdAt");
        if (createdAt == null || !createdAt.isString()) {
            throw new MalformedDeliveryException("The " + event + " delivery has no createdAt string");
        }
        try {
            return Instant.parse(createdAt.stringValue());
        } catch (DateTimeException notIso) {
            throw new MalformedDeliveryException("The " + event + " delivery's createdAt is not an ISO-8601 instant");
        }
    }

    /** {@code data.id} (the organization Logto answered with), else {@code params.id} (the route's, for a deletion). */
    private String organizationId(String event) {
        JsonNode fromData = field(object("data", event), "id");
        return id(fromData != null ? fromData : field(object("params", event), "id"), event, "data.id or params.id");
    }

    /** {@code data.id} (the user, as Logto sends it), else {@code params.userId} (the route's). */
    private String userId(String event) {
        JsonNode fromData = field(object("data", event), "id");
        return id(fromData != null ? fromData : field(object("params", event), "userId"), event, "data.id or params.userId");
    }

    /** The user ids listed under {@code name}, none when it is absent (Logto leaves an empty list out). */
    private List<String> ids(String event, String name) {
        JsonNode list = field(json, name);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MalformedDeliveryException("The " + event + " delivery's " + name + " is not a list");
        }
        return list.values().stream().map(id -> id(id, event, name)).distinct().toList();
    }

    private @Nullable JsonNode object(String name, String event) {
        JsonNode object = field(json, name);
        if (object != null && !object.isObject()) {
            throw new MalformedDeliveryException("The " + event + " delivery's " + name + " is not an object");
        }
        return object;
    }

    private static String id(@Nullable JsonNode id, String event, String name) {
        if (id == null || id.isNull()) {
            throw new MalformedDeliveryException("The " + event + " delivery has no " + name);
        }
        if (!id.isString() || !ID.matcher(id.stringValue()).matches()) {
            throw new MalformedDeliveryException("The " + event + " delivery's " + name + " is not a Logto id");
        }
        return id.stringValue();
    }

    /** The field {@code name} of {@code object}; {@code null} when either is absent or JSON {@code null}. */
    private static @Nullable JsonNode field(@Nullable JsonNode object, String name) {
        JsonNode field = object == null ? null : object.get(name);
        return field == null || field.isNull() ? null : field;
    }
}
