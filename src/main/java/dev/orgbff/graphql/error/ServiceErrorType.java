package dev.orgbff.graphql.error;

import graphql.ErrorClassification;

import org.springframework.graphql.execution.ErrorType;

/**
 * GraphQL error classifications of this service beyond Spring's {@link ErrorType}; the name appears in
 * {@code extensions.classification}.
 */
public enum ServiceErrorType implements ErrorClassification {

    /** Logto could not be reached, timed out or rate-limited this service; trying again later may work. */
    UPSTREAM_UNAVAILABLE,
    /** The caller used up a per-user budget (e.g. invitation emails); {@code extensions.retryAfterSeconds} says when to try again. */
    RATE_LIMITED,
    /**
     * The HTTP request body is larger than {@code orgbff.graphql.max-request-size}: answered with HTTP 413
     * before any GraphQL runs.
     */
    REQUEST_TOO_LARGE,
    /**
     * Trusted-documents mode ({@code orgbff.graphql.trusted-documents}): the document, sent by hash or as text, is not
     * in the manifests; nothing runs.
     */
    PERSISTED_QUERY_NOT_TRUSTED,
    /** A mutation sent with GET (HTTP 405, {@code Allow: POST}): GET runs queries only; nothing runs. */
    METHOD_NOT_ALLOWED,
    /**
     * The request was cancelled (its client went away) before this field was resolved; nobody reads the answer, and
     * it is kept apart from {@code INTERNAL_ERROR} so that dashboards of internal errors do not count it.
     */
    CANCELLED,
    /**
     * A subscription's client read its events too slowly ({@code orgbff.subscriptions.buffer} were waiting): the
     * subscription ends with this error; subscribing again starts from the current state.
     */
    SLOW_SUBSCRIBER
}
