package dev.orgbff.graphql.input;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;

/**
 * Text as a client typed it (an organization name or description, an email address, a search word, a
 * domain), with the one rule for blanks that every such input follows, and the rules for names and
 * descriptions. Blank means what a reader sees as nothing: white space (U+0085 next line included), every
 * Unicode space, line and paragraph separator, the invisible format characters (zero-width space, byte-order
 * mark…), the other default-ignorable characters (Hangul fillers, combining grapheme joiner, variation
 * selectors…) and the braille blank; {@link String#strip()} removes only part of them. Blanks are stripped
 * from both ends, except the variation selectors and tag characters that complete the character before them
 * (an emoji or flag at the end of a name stays whole). Lengths are counted in UTF-16 code units, as Logto's
 * request guard counts them (CONTRACT.md §1). Refused inside names and descriptions: control characters (NUL,
 * tabs, line breaks; a description may hold line breaks and tabs) and the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which can make a name read as something else.
 *
 * @param value the text as received
 */
public record TextInput(String value) {

    /** Logto's limits (CONTRACT.md §1). */
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_DESCRIPTION_LENGTH = 256;

    /** The text without blanks at either end; empty when it is all blank. */
    public String stripped() {
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isBlank(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        // selectors and tags that modify the last visible character belong to it
        while (end < value.length() && isModifier(value.codePointAt(end))) {
            end += Character.charCount(value.codePointAt(end));
        }
        return value.substring(start, end);
    }

    /**
     * The name to send to Logto, or user errors naming {@code field} ({@code NAME_BLANK},
     * {@code NAME_TOO_LONG}, {@code CONTROL_CHARACTERS}) added to {@code errors}.
     */
    public String name(List<UserError> errors, String... field) {
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
    public @Nullable String description(List<UserError> errors, String... field) {
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
        // U+0085 (next line) is a control character that Unicode also counts as white space; U+180E was one until Unicode 6.3
        return Character.getType(codePoint) == Character.FORMAT || codePoint == 0x85 || codePoint == 0x180E
                || isOtherDefaultIgnorable(codePoint)
                || codePoint == 0x2800; // braille pattern blank: drawn as an empty cell, a favourite for "invisible" names
    }

    /**
     * Unicode's default-ignorable code points (DerivedCoreProperties.txt) that are not format characters: nothing
     * is drawn for them. The Hangul fillers are letters to Java, which is why names made of them passed as text.
     */
    private static boolean isOtherDefaultIgnorable(int codePoint) {
        return codePoint == 0x034F // combining grapheme joiner
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0 // Hangul fillers
                || codePoint == 0x17B4 || codePoint == 0x17B5 // Khmer inherent vowels
                || codePoint >= 0x180B && codePoint <= 0x180F // Mongolian free variation selectors and vowel separator
                || codePoint >= 0x2060 && codePoint <= 0x206F
                || codePoint >= 0xFFF0 && codePoint <= 0xFFF8
                || codePoint >= 0xE0000 && codePoint <= 0xE0FFF // tags and variation selectors supplement
                || isModifier(codePoint);
    }

    /** Variation selectors and tag characters: invisible alone, part of an emoji or flag after a visible character. */
    private static boolean isModifier(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F
                || codePoint >= 0xE0100 && codePoint <= 0xE01EF
                || codePoint >= 0xE0020 && codePoint <= 0xE007F;
    }

    private static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || isBidiControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }

    private static boolean isBidiControl(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }
}
