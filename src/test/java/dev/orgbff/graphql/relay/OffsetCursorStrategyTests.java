package dev.orgbff.graphql.relay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.orgbff.graphql.error.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetCursorStrategyTests {

    private final OffsetCursorStrategy cursors = new OffsetCursorStrategy();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 10, 99, 123456, Integer.MAX_VALUE - 1})
    void fromCursor_ownCursor_returnsThePosition(int position) {
        // given
        String cursor = cursors.toCursor(position);
        // when
        Integer decoded = cursors.fromCursor(cursor);
        // then
        assertThat(decoded).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "b2Zmc2V0Oi0x", "aGVsbG8", "b2Zmc2V0OmFiYw", "b2Zmc2V0OjIxNDc0ODM2NDc", "b2Zmc2V0Ojk5OTk5OTk5OTk5"})
    void fromCursor_foreignCursor_badRequestNamingAfter(String cursor) {
        // when / then
        assertThatThrownBy(() -> cursors.fromCursor(cursor))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'after'");
    }

    /** Texts that a lenient decoder reads as a position, although {@code toCursor} writes none of them. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "offset:+3", "offset:0003", "offset:00", "offset:-0", "offset:\u0663", "offset:\uFF13", "offset:\u0967\u0968",
        "offset: 3", "offset:3 ", "offset:3\n", "offset:", "offset:3\u0000", "OFFSET:3", "offset:2147483647"})
    void fromCursor_cursorNeverIssuedForItsPosition_badRequestNamingAfter(String decoded) {
        // given
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        // when / then
        assertThatThrownBy(() -> cursors.fromCursor(cursor))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Argument 'after' is not a cursor issued by this API");
    }

    /** Other spellings of issued cursors: the decoder accepts each, but only the issued text is a cursor. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "b2Zmc2V0OjE=", // padded "offset:1"
        "b2Zmc2V0OjF", // "offset:1" with its spare low bits set
        "b2Zmc2V0OjI=", "b2Zmc2V0OjI==", // padded "offset:2"
        " b2Zmc2V0OjE", "b2Zmc2V0OjE\n", // around "offset:1"
        "b2Zmc2V0OjAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) // far longer than any cursor
    void fromCursor_otherSpellingOfAnIssuedCursor_badRequestNamingAfter(String cursor) {
        // when / then
        assertThatThrownBy(() -> cursors.fromCursor(cursor))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Argument 'after' is not a cursor issued by this API");
    }
}
