package dev.orgbff.events;

/**
 * A subscriber fell too many events behind ({@code orgbff.subscriptions.buffer}): its subscription ends rather than
 * queue events without bound. Its client subscribes again and reads the current state.
 */
public class SlowSubscriberException extends RuntimeException {

    /** @param buffer the most events that were held for it */
    public SlowSubscriberException(int buffer) {
        super("The subscription was closed: its client read events too slowly (more than " + buffer
                + " were waiting); subscribe again", null, false, false);
    }
}
