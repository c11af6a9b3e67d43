package dev.orgbff.graphql.relay;

import dev.orgbff.logto.PageRequest;

/**
 * Which single Logto page serves a connection page, and which of its rows to keep. Logto pages by
 * {@code page} and {@code page_size} only, so {@code first} items after an arbitrary position would
 * otherwise straddle two Logto pages: this picks the one page (any size up to Logto's 100) that holds the
 * most of the wanted items from {@code start} on, all of them whenever one page can, and among those the
 * smallest, to fetch the fewest unwanted rows. A page that holds only some ends early and says
 * {@code hasNextPage}. Either way every cursor costs exactly one upstream call.
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
        int bestSize = 0;
        int bestTake = 0;
        for (int size = 1; size <= PageRequest.MAX_SIZE; size++) {
            int take = Math.min(first, size - start % size); // the wanted rows from start to the end of its page
            // a strictly better take only: of the pages that keep as many rows, the smallest wins; the page number
            // must stay an int (the last position a cursor allows is prime, so a one-row page there would overflow)
            if (take > bestTake && start / size < Integer.MAX_VALUE) {
                bestSize = size;
                bestTake = take;
            }
        }
        int page = start / bestSize;
        return new PageWindow(new PageRequest(page + 1, bestSize), start - page * bestSize, bestTake);
    }
}
