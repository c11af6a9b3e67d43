package dev.orgbff.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.UserError;
import dev.orgbff.graphql.UserErrorCode;

/**
 * An organization name or description as a client typed it, with the rules both follow. Blank means
 * every character is white space, a Unicode space separator or an invisible format character (zero-width
 * space, byte-order mark), not only what {@link String#strip()} removes; those characters are also stripped
 * from both ends. Lengths are counted in UTF-16 code units, as Logto's request guard counts them
 * (CONTRACT.md §1). Refused inside: control characters (NUL, tabs, line breaks; a description may hold
 * line breaks and tabs) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which can make a name read as something else.
 *
 * @param value the text as received
 */
record TextInput(String value) {

    /** Logto's limits (CONTRACT.md §1). */
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_DESCRIPTION_LENGTH = 256;

    /** The text without blank characters at either end; empty when it is all blank. */
    String stripped() {
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isBlank(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /**
     * The name to send to Logto, or user errors naming {@code field} ({@code NAME_BLANK},
     * {@code NAME_TOO_LONG}, {@code CONTROL_CHARACTERS}) added to {@code errors}.
     */
    String name(List<UserError> errors, String... field) {
        String name = stripped();
        if (name.isEmpty()) {
            errors.add(UserError.of(UserErrorCode.NAME_BLANK, "Enter a name.", field));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(UserError.of(UserErrorCode.NAME_TOO_LONG, "The name can have at most " + MAX_NAME_LENGTH + " characters.", field));
        } else if (hasControlCharacters(name)) {
            errors.add(UserError.of(UserErrorCode.CONTROL_CHARACTERS,
                    "The name cannot contain line breaks, tabs, text-direction overrides or other control characters.", field));
        }
        return name;
    }

    /**
     * The description to send to Logto ({@code null} when blank: none), or user errors naming {@code field}
     * ({@code DESCRIPTION_TOO_LONG}, {@code CONTROL_CHARACTERS}) added to {@code errors}. Line breaks and tabs
     * are allowed in a description.
     */
    @Nullable String description(List<UserError> errors, String... field) {
        String description = stripped();
        if (description.isEmpty()) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(UserError.of(UserErrorCode.DESCRIPTION_TOO_LONG,
                    "The description can have at most " + MAX_DESCRIPTION_LENGTH + " characters.", field));
        } else if (description.codePoints().anyMatch(c -> isBidiControl(c) || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(UserError.of(UserErrorCode.CONTROL_CHARACTERS,
                    "The description cannot contain text-direction overrides or control characters other than line breaks and tabs.", field));
        }
        return description;
    }

    private static boolean isBlank(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        // U+0085 (next line) is a control character that Unicode also counts as white space
        return type == Character.FORMAT || codePoint == 0x85 || codePoint == 0x180E;
    }

    private static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || isBidiControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }

    private static boolean isBidiControl(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }
}
