/**
 * A test-scope stand-in for one Logto tenant: its OIDC token endpoint and the Management API routes
 * the BFF uses, served over real HTTP on 127.0.0.1 and answering like a real Logto 1.42 (see
 * {@code logto/CONTRACT.md} and the recorded transcripts in {@code src/test/resources/logto/}),
 * delivering Logto's webhooks. It also owns the test-only extras around it: seeding, call counting, latency and fault
 * injection, minting user tokens, and the record of webhook deliveries. It lives under {@code src/test} so it never
 * ships in the application jar.
 */
@NullMarked
package dev.orgbff.emulator;

import org.jspecify.annotations.NullMarked;
