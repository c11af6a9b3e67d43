package dev.orgbff.webhook;

/** A signed delivery that is not what Logto sends: answered with HTTP 400, its message naming what is wrong (never quoting the body). */
final class MalformedDeliveryException extends RuntimeException {

    MalformedDeliveryException(String problem) {
        super(problem, null, false, false); // an expected refusal: no stack trace
    }
}
