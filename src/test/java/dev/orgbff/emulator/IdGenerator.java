package dev.orgbff.emulator;

import java.security.SecureRandom;

/** Random ids in Logto's alphabet {@code [0-9a-z]}: 12 characters for users and organizations, 21 for the rest. */
final class IdGenerator {

    static final int SHORT = 12;
    static final int STANDARD = 21;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final char[] SECRET_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** Logto's {@code generateStandardSecret()}: 32 characters of {@code [0-9a-zA-Z]}. */
    String secret() {
        char[] secret = new char[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = SECRET_ALPHABET[random.nextInt(SECRET_ALPHABET.length)];
        }
        return new String(secret);
    }

    String next(int length) {
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
