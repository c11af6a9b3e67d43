package dev.orgbff.logto;

import java.util.List;

import org.springframework.http.ResponseEntity;

/**
 * One page of a paginated Logto list. Logto numbers pages from 1 and sends the total row count in the
 * {@code Total-Number} header (CONTRACT.md §0).
 *
 * @param items the rows of this page
 * @param number the page number, from 1
 * @param size the page size asked for
 * @param totalCount the rows in the whole list, or the rows seen so far when Logto sent no count
 */
record Page<T>(List<T> items, int number, int size, long totalCount) {

    static <T> Page<T> of(ResponseEntity<List<T>> response, int number, int size) {
        List<T> items = response.getBody() == null ? List.of() : response.getBody();
        String total = response.getHeaders().getFirst("Total-Number");
        long seen = (long) (number - 1) * size + items.size();
        return new Page<>(items, number, size, total == null ? seen : Long.parseLong(total));
    }

    boolean hasNext() {
        return (long) number * size < totalCount && !items.isEmpty();
    }
}
