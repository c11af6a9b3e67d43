package dev.orgbff.graphql.input;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orgbff.graphql.error.UserError;
import dev.orgbff.graphql.error.UserErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class TextInputTests {

    /** Unicode's White_Space property (PropList.txt). */
    private static final int[][] WHITE_SPACE = {{0x09, 0x0D}, {0x20, 0x20}, {0x85, 0x85}, {0xA0, 0xA0}, {0x1680, 0x1680},
        {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}};
    /** Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt). */
    private static final int[][] DEFAULT_IGNORABLE = {{0xAD, 0xAD}, {0x34F, 0x34F}, {0x61C, 0x61C}, {0x115F, 0x1160},
        {0x17B4, 0x17B5}, {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
        {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
        {0xE0000, 0xE0FFF}};

    @Test
    void name_anyUnicodeBlankAlone_nameBlank() {
        // given: every separator, white space, format character and default-ignorable code point
        List<Integer> blanks = new ArrayList<>();
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(c -> switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT -> true;
            default -> false;
        }).forEach(blanks::add);
        for (int[][] ranges : new int[][][] {WHITE_SPACE, DEFAULT_IGNORABLE}) {
            for (int[] range : ranges) {
                IntStream.rangeClosed(range[0], range[1]).forEach(blanks::add);
            }
        }
        blanks.add(0x2800); // braille pattern blank
        // when
        List<String> notBlank = blanks.stream()
                .filter(c -> !nameErrors(new String(Character.toChars(c)) + " " + new String(Character.toChars(c))).equals(List.of(UserErrorCode.NAME_BLANK)))
                .map(c -> String.format("U+%04X", c))
                .toList();
        // then
        assertThat(blanks).hasSizeGreaterThan(4000);
        assertThat(notBlank).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", value = {
        "no-break spaces and a byte-order mark|'\uFEFF\u00A0Acme\u00A0Labs\u2007\u202F'|'Acme\u00A0Labs'",
        "next line and ideographic space|'\u0085\u3000Acme\u0085'|'Acme'",
        "zero-width space and joiner|'\u200B\u200DAcme\u200D\u200B'|'Acme'",
        "Hangul fillers|'\u3164\u115FAcme\uFFA0\u1160'|'Acme'",
        "braille blank|'\u2800Acme\u2800'|'Acme'",
        "lone variation selector and tag|'\uFE0F\uDB40\uDC41Acme \uDB40\uDC7F'|'Acme'",
        "invisible characters inside stay|'A\u200Bc\u3164me'|'A\u200Bc\u3164me'"})
    void stripped_unicodeBlanksAround_strippedLikeSpaces(String problem, String text, String expected) {
        // when
        String stripped = new TextInput(text).stripped();
        // then
        assertThat(stripped).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", value = {
        "heart with its emoji selector|'Team \u2764\uFE0F'",
        "flag of Scotland (tag sequence)|'Team \uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F'",
        "keycap|'Team #\uFE0F\u20E3'",
        "family (joined emoji)|'Team \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67'"})
    void stripped_emojiAtTheEnd_keepsItsSelectorsAndTags(String problem, String name) {
        // when
        String stripped = new TextInput(name + "\u200B \u00A0").stripped();
        // then
        assertThat(stripped).isEqualTo(name);
    }

    @Test
    void description_onlyUnicodeBlanks_none() {
        // given
        List<UserError> errors = new ArrayList<>();
        // when
        String description = new TextInput("\u3164\u00A0\u200B\n\uFEFF").description(errors, "input", "description");
        // then
        assertThat(description).isNull();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", value = {
        "right-to-left override inside|'Invoice\u202Efdp.exe'|CONTROL_CHARACTERS",
        "tab inside|'Acme\tLabs'|CONTROL_CHARACTERS",
        "line separator inside|'Acme\u2028Labs'|CONTROL_CHARACTERS"})
    void name_controlOrBidiCharacterInside_stillRefused(String problem, String name, UserErrorCode code) {
        // when
        List<UserErrorCode> errors = nameErrors(name);
        // then
        assertThat(errors).containsExactly(code);
    }

    private static List<UserErrorCode> nameErrors(String name) {
        List<UserError> errors = new ArrayList<>();
        new TextInput(name).name(errors, "input", "name");
        return errors.stream().map(UserError::code).toList();
    }
}
