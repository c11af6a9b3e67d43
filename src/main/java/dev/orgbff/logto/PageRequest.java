package dev.orgbff.logto;

/**
 * Which page of a paginated Logto list to fetch: Logto's {@code page} and {@code page_size} query
 * parameters (CONTRACT.md §0).
 *
 * @param page the page number, from 1
 * @param size the rows per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    /** Logto's largest page size; a larger {@code page_size} is a 400 {@code guard.invalid_pagination}. */
    public static final int MAX_SIZE = 100;

    /** @throws IllegalArgumentException when {@code page} is below 1 or {@code size} is outside 1 to {@value #MAX_SIZE} */
    public PageRequest {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("no such Logto page: page " + page + " of size " + size);
        }
    }

    /** The zero-based position of this page's first row in the whole list. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
