/**
 * Logto's webhooks in: {@code POST /webhooks/logto}, signed deliveries verified before they are read and turned into
 * {@link dev.orgbff.events.ChangeEvent}s on the {@link dev.orgbff.events.EventStream}.
 */
@NullMarked
package dev.orgbff.webhook;

import org.jspecify.annotations.NullMarked;
