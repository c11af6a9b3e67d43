package dev.orgbff.graphql.relay;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orgbff.logto.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PageWindowTests {

    @Test
    void of_everyStartUpTo450AndEveryFirst_keepsOneRunFromStartInsideOnePage() {
        // given
        SoftAssertions softly = new SoftAssertions();
        for (int start = 0; start <= 450; start++) {
            for (int first = 0; first <= PageRequest.MAX_SIZE; first++) {
                // when / then
                assertInvariants(softly, start, first);
            }
        }
        softly.assertAll();
    }

    @Test
    void of_startsUpToTheLastPositionACursorAllows_keepsOneRunFromStartInsideOnePage() {
        // given: OffsetCursorStrategy accepts an after cursor up to Integer.MAX_VALUE - 1, so start reaches Integer.MAX_VALUE
        SoftAssertions softly = new SoftAssertions();
        for (long start = Integer.MAX_VALUE - 450L; start <= Integer.MAX_VALUE; start++) {
            for (int first = 0; first <= PageRequest.MAX_SIZE; first++) {
                // when / then
                assertInvariants(softly, (int) start, first);
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "start {0}, first {1} -> page {2} of {3}, skip {4}, take {5}")
    @CsvSource({
        "0,   20,  1, 20,  0, 20",
        "20,  20,  2, 20,  0, 20",
        "10,  20,  1, 30, 10, 20",
        "0,   100, 1, 100, 0, 100",
        "100, 100, 2, 100, 0, 100",
        "0,   0,   1, 1,   0, 0",
        "250, 0,   1, 1,   0, 0",
    })
    void of_explicitCases_picksTheSmallestPageHoldingTheRange(int start, int first, int page, int size, int skip, int take) {
        // when
        PageWindow window = PageWindow.of(start, first);
        // then
        assertThat(window).isEqualTo(new PageWindow(new PageRequest(page, size), skip, take));
    }

    @Test
    void of_rangeNoPageUpToHundredHolds_keepsTheMostRowsOnePageHolds() {
        // given: rows 150..249 straddle every page size up to 100; the page of 75 starting at 150 keeps the most
        int start = 150;
        int first = 100;
        // when
        PageWindow window = PageWindow.of(start, first);
        // then
        assertThat(window).isEqualTo(new PageWindow(new PageRequest(3, 75), 0, 75));
    }

    @Test
    void of_primeStartBeyondEveryPage_keepsTheRestOfThePageHoldingStart() {
        // given: 101 is prime, so no page of size 2..100 starts there, and [101, 200] fits no single page
        int start = 101;
        int first = 100;
        // when
        PageWindow window = PageWindow.of(start, first);
        // then: rows 101..199 of page 2 of 100, not a one-row page
        assertThat(window).isEqualTo(new PageWindow(new PageRequest(2, 100), 1, 99));
    }

    @Test
    void of_lastPositionACursorAllows_staysWithinIntegerPageNumbers() {
        // given: a one-row page at Integer.MAX_VALUE would be page Integer.MAX_VALUE + 1
        int start = Integer.MAX_VALUE;
        int first = 100;
        // when
        PageWindow window = PageWindow.of(start, first);
        // then: Integer.MAX_VALUE is 1 past a multiple of 99, so page 21691755 of 99 keeps 98 rows
        assertThat(window).isEqualTo(new PageWindow(new PageRequest(21_691_755, 99), 1, 98));
    }

    /**
     * The page is a valid Logto page; {@code first: 0} keeps nothing; otherwise the kept rows start exactly
     * at {@code start}, are 1 to {@code first}, lie inside the one page, and are all {@code first} when the
     * range lies in the first 100 rows or starts at a multiple of {@code first}.
     */
    private static void assertInvariants(SoftAssertions softly, int start, int first) {
        String at = "start " + start + ", first " + first;
        PageWindow window;
        try {
            window = PageWindow.of(start, first);
        } catch (IllegalArgumentException invalidPage) {
            softly.fail(at + ": " + invalidPage.getMessage());
            return;
        }
        at += ": " + window;
        int page = window.request().page();
        int size = window.request().size();
        softly.assertThat(size).as(at).isBetween(1, PageRequest.MAX_SIZE);
        softly.assertThat(page).as(at).isGreaterThanOrEqualTo(1);
        softly.assertThat(window.skip()).as(at).isGreaterThanOrEqualTo(0);
        if (first == 0) {
            softly.assertThat(window.take()).as(at).isZero();
            return;
        }
        softly.assertThat(window.take()).as(at).isBetween(1, first);
        softly.assertThat((long) (page - 1) * size + window.skip()).as(at + ": first row kept").isEqualTo(start);
        softly.assertThat(window.skip() + window.take()).as(at + ": rows kept inside the page").isLessThanOrEqualTo(size);
        if ((long) start + first <= PageRequest.MAX_SIZE || start % first == 0) {
            softly.assertThat(window.take()).as(at + ": all rows fit").isEqualTo(first);
        }
    }
}
