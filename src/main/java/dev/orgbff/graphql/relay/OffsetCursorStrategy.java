package dev.orgbff.graphql.relay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.pagination.CursorStrategy;

import dev.orgbff.graphql.error.BadRequestException;

/**
 * Cursors for offset-based lists: the zero-based position of an item, Base64-encoded so that clients
 * treat it as opaque. Only the exact text {@link #toCursor} writes is read back; anything else, even a
 * cursor that decodes to a valid position, is a {@link BadRequestException} naming {@code after}.
 */
public final class OffsetCursorStrategy implements CursorStrategy<Integer> {

    private static final String PREFIX = "offset:";
    /** The longest cursor {@link #toCursor} writes: {@code offset:2147483646} is 17 bytes, 23 Base64 characters. */
    private static final int MAX_CURSOR_LENGTH = 23;

    @Override
    public boolean supports(Class<?> targetType) {
        return Integer.class.isAssignableFrom(targetType);
    }

    @Override
    public String toCursor(Integer position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Integer fromCursor(String cursor) {
        Integer position = cursor.length() > MAX_CURSOR_LENGTH ? null : decode(cursor);
        // the decoders are lenient (padding, "+3", "0003", non-ASCII digits, spare Base64 bits): only a cursor
        // that encodes back to the very same text is one this API issued, so each position has exactly one cursor
        if (position == null || !toCursor(position).equals(cursor)) {
            throw new BadRequestException("after", "is not a cursor issued by this API");
        }
        return position;
    }

    private static @Nullable Integer decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                return null;
            }
            long position = Long.parseLong(decoded.substring(PREFIX.length()));
            // below Integer.MAX_VALUE: the page after it starts at position + 1
            return position >= 0 && position < Integer.MAX_VALUE ? (int) position : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
