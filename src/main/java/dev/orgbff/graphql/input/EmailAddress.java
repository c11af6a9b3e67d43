package dev.orgbff.graphql.input;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An email address as this service accepts it: Logto's own pattern ({@code emailRegEx} in
 * {@code @logto/core-kit}, which allows non-ASCII characters), at most {@value #MAX_LENGTH} characters, no control
 * characters, stripped of blanks as {@link TextInput} strips them (a pasted address often brings a no-break or
 * zero-width space) and {@linkplain #lowerCase lower-cased}, because parts of Logto compare emails case-sensitively
 * (CONTRACT.md §5).
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    /** Logto's email pattern, also the {@code EmailAddress} scalar's, so both accept the same addresses. */
    public static final Pattern PATTERN = Pattern.compile("^\\S+@\\S+\\.\\S+$");
    /** The longest address SMTP allows (RFC 5321). */
    static final int MAX_LENGTH = 254;
    /**
     * zod's {@code .email()}, which Logto's invitation route checks the invitee against (stricter than the
     * user pattern: one {@code @}, no dots in a row, ASCII only).
     */
    private static final Pattern INVITEE = Pattern.compile(
            "^(?!\\.)(?!.*\\.\\.)([A-Z0-9_'+\\-.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\\-]*\\.)+[A-Z]{2,}$", Pattern.CASE_INSENSITIVE);

    /** The address in {@code raw}, normalised, or {@code null} when {@code raw} is not one. */
    public static @Nullable EmailAddress parse(String raw) {
        String address = lowerCase(new TextInput(raw).stripped());
        if (address.length() > MAX_LENGTH || address.codePoints().anyMatch(Character::isISOControl)
                || !PATTERN.matcher(address).matches()) {
            return null;
        }
        return new EmailAddress(address);
    }

    /** An address Logto accepts as an invitee, normalised, or {@code null}: {@link #parse} plus zod's stricter email check. */
    public static @Nullable EmailAddress parseInvitee(String raw) {
        EmailAddress address = parse(raw);
        return address != null && INVITEE.matcher(address.value()).matches() ? address : null;
    }

    /**
     * {@code address} as this service normalises and compares every address, whether a client sent it or Logto
     * holds it: ASCII letters A–Z lower-cased, every other character as it is. Never {@link String#toLowerCase},
     * which in every locale folds some non-ASCII characters into ASCII ones (the Kelvin sign U+212A into k, U+0130
     * into i and a combining dot): "Kate@example.com" spelt with the Kelvin sign would become kate's mailbox.
     * Logto's own comparisons do fold (JavaScript's {@code toLowerCase}, Postgres' {@code lower}), so the service
     * checks them again with this.
     */
    public static String lowerCase(String address) {
        char[] chars = address.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }
}
