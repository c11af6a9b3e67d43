package dev.orgbff.graphql;

import dev.orgbff.logto.PageRequest;

/**
 * Which single Logto page serves a connection page, and which of its rows to keep. Logto pages by
 * {@code page} and {@code page_size} only, so {@code first} items after an arbitrary position would
 * otherwise straddle two Logto pages: this picks one page that holds them all (a larger page size when
 * needed, up to Logto's 100), or else a page that starts exactly at that position and holds as many as fit.
 * Either way every cursor costs exactly one upstream call.
 *
 * @param request the Logto page to fetch
 * @param skip the rows of that page before the first wanted one
 * @param take the most rows to keep after those (fewer when the list ends first)
 */
record PageWindow(PageRequest request, int skip, int take) {

    /**
     * @param start the zero-based position of the first item wanted, 0 to {@link Integer#MAX_VALUE}
     * @param first how many items are wanted, 0 to {@link PageRequest#MAX_SIZE}; 0 still fetches a
     *     one-row page, for the list's total
     */
    static PageWindow of(int start, int first) {
        if (first == 0) {
            return new PageWindow(new PageRequest(1, 1), 0, 0);
        }
        // the last position a cursor allows is prime, so only a one-row page starts there, and that page's
        // number (start + 1) overflows: keep it as the second row of a two-row page instead
        if (start == Integer.MAX_VALUE) {
            return new PageWindow(new PageRequest(start / 2 + 1, 2), 1, 1);
        }
        long last = (long) start + first - 1;
        for (int size = first; size <= PageRequest.MAX_SIZE; size++) {
            if (start / size == last / size) { // the smallest page that holds [start, last] whole: least over-fetch
                int page = start / size;
                return new PageWindow(new PageRequest(page + 1, size), start - page * size, first);
            }
        }
        for (int size = first; size > 1; size--) {
            if (start % size == 0) {
                return new PageWindow(new PageRequest(start / size + 1, size), 0, size);
            }
        }
        return new PageWindow(new PageRequest(start + 1, 1), 0, 1);
    }
}
