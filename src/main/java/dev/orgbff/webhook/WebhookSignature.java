package dev.orgbff.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature Logto puts on each webhook delivery: header {@code logto-signature-sha-256}, the HMAC-SHA256 of the
 * raw body under the hook's signing key, in lower-case hex (Logto's {@code packages/core/src/utils/sign.ts}).
 */
final class WebhookSignature {

    /** The header that carries it. */
    static final String HEADER = "logto-signature-sha-256";

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    /** @param signingKeys the hooks' signing keys, each as Logto shows it (its UTF-8 bytes are the HMAC key) */
    WebhookSignature(List<String> signingKeys) {
        this.keys = signingKeys.stream().map(key -> new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC_SHA256)).toList();
    }

    /**
     * Whether {@code signature} is the lower-case hex HMAC-SHA256 of {@code body} under one of the signing keys. Each
     * key is compared in constant time ({@link MessageDigest#isEqual}), so the answer's timing tells nothing of how
     * much of a forged signature was right; upper-case hex, which Logto never sends, does not verify.
     */
    boolean verifies(byte[] body, String signature) {
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        boolean verified = false;
        for (SecretKeySpec key : keys) {
            verified |= MessageDigest.isEqual(hex(key, body), given);
        }
        return verified;
    }

    private static byte[] hex(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256); // not thread-safe, and cheap to make
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", unexpected);
        }
    }
}
