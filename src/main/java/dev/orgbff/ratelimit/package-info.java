/**
 * Per-user budgets (Bucket4j token buckets): one token per mutation field, one per invitation email. Buckets
 * live in this instance, or in Redis when several instances share one budget ({@code orgbff.redis.url}).
 */
@NullMarked
package dev.orgbff.ratelimit;

import org.jspecify.annotations.NullMarked;
