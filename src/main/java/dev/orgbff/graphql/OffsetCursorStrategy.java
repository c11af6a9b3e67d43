package dev.orgbff.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * Cursors for offset-based lists: the zero-based position of an item, Base64-encoded so that clients
 * treat it as opaque. A cursor this API did not issue is a {@link BadRequestException} naming {@code after}.
 */
final class OffsetCursorStrategy implements CursorStrategy<Integer> {

    private static final String PREFIX = "offset:";

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
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int position = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (position >= 0 && position < Integer.MAX_VALUE) {
                    return position;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the one error below: the client only needs to know the cursor is not ours
        }
        throw new BadRequestException("after", "is not a cursor issued by this API");
    }
}
