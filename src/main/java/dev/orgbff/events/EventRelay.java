package dev.orgbff.events;

/**
 * Carries events between instances (Redis pub/sub): what this instance publishes goes out through
 * {@link #send}, and what other instances published comes in through {@link EventStream#receive}.
 */
public interface EventRelay {

    /** Sends an event this instance published to every other instance; never blocks, never throws. */
    void send(ChangeEvent event);

    /**
     * Whether this instance receives the other instances' events now. While it does not, events can be missed, so
     * the event-fed caches are not trusted ({@link EventStream#seesEveryEvent()}).
     */
    boolean connected();
}
