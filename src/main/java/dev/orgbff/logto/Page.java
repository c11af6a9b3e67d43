package dev.orgbff.logto;

import java.util.List;

/**
 * One page of a paginated Logto list, with the size of the whole list from Logto's {@code Total-Number}
 * header (CONTRACT.md §0).
 *
 * @param items the rows of this page, in Logto's order
 * @param totalCount the rows of the whole list (with the same filters)
 */
public record Page<T>(List<T> items, int totalCount) {
}
