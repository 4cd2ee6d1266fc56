package io.snackbase.request.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.errors.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query-string parsing of the list routes: defaults, bounds and the 422s. */
class PagingTest {

    @Test
    void pagesDefaultAndComputeOffsets() {
        assertThat(Paging.page(null, null, 25)).isEqualTo(new Paging.Page(1, 25));
        assertThat(Paging.page(" 3 ", "10", 25).offset()).isEqualTo(20);
        assertThat(Paging.page("1", "100", 25).pageSize()).isEqualTo(100);
    }

    @Test
    void bodiesCountPagesWithAtLeastOne() {
        Paging.Page p = new Paging.Page(2, 10);
        assertThat(p.body(List.of(), 0)).containsEntry("total_pages", 1L).containsEntry("page", 2).containsEntry("page_size", 10);
        assertThat(p.body(List.of(), 10)).containsEntry("total_pages", 1L);
        assertThat(p.body(List.of(), 11)).containsEntry("total_pages", 2L).containsEntry("total", 11L);
    }

    @Test
    void refusesOutOfRangeAndNonIntegerValues() {
        assertFails(() -> Paging.page("0", null, 25), 422, "Input should be greater than or equal to 1");
        assertFails(() -> Paging.page("", null, 25), 422, "Input should be a valid integer, unable to parse string as an integer");
        assertFails(() -> Paging.page("1.5", null, 25), 422, "Input should be a valid integer, unable to parse string as an integer");
        assertFails(() -> Paging.page(null, "101", 25), 422, "Input should be less than or equal to 100");
        // the offset always fits an int
        Paging.Page last = Paging.page(String.valueOf(Integer.MAX_VALUE / 100), "100", 25);
        assertThat((long) (last.page() - 1) * last.pageSize()).isLessThanOrEqualTo(Integer.MAX_VALUE);
        assertThat(last.offset()).isPositive();
        assertThat(Paging.page(String.valueOf(Integer.MAX_VALUE), "1", 25).offset()).isEqualTo(Integer.MAX_VALUE - 1);
        assertFails(() -> Paging.page(String.valueOf(Integer.MAX_VALUE / 100 + 1), "100", 25), 422,
                "Input should be less than or equal to " + Integer.MAX_VALUE / 100);
        ApiException e = failure(() -> Paging.page(null, "x", 25));
        assertThat(e.extras()).containsEntry("field", "page_size");
    }

    @Test
    void readsBooleansAndSortOrders() {
        assertThat(Paging.bool("b", null)).isNull();
        assertThat(Paging.bool("b", "TRUE")).isTrue();
        assertThat(Paging.bool("b", "0")).isFalse();
        assertFails(() -> Paging.bool("b", "2"), 422, "Input should be a valid boolean, unable to interpret input");
        assertThat(Paging.sortOrder("o", null, "desc")).isEqualTo("DESC");
        assertThat(Paging.sortOrder("o", "Asc", "desc")).isEqualTo("ASC");
        assertFails(() -> Paging.sortOrder("o", "asc;", "desc"), 422, "String should match pattern '^(asc|desc)$'");
    }

    private static ApiException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    private static void assertFails(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String message) {
        ApiException e = failure(call);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
