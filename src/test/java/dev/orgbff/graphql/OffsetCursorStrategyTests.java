package dev.orgbff.graphql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffsetCursorStrategyTests {

    private final OffsetCursorStrategy cursors = new OffsetCursorStrategy();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 99, 123456})
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
}
