/*
 * Unit tests for runtime/period.c: an indicator's reporting periods, their
 * starts (month ends clamped), the period of a date and the periods due.
 *
 * Built by the Makefile like every tests/unit/test_*.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "date.h"
#include "period.h"

static int32_t D(const char *iso)
{
    int32_t d;
    assert_true(date_parse(iso, &d));
    return d;
}

static void test_periods(void **state)
{
    (void)state;
    Duration q = {1, DUR_QUARTER}, m = {1, DUR_MONTH}, w2 = {2, DUR_WEEK};
    int32_t a = D("2021-03-01");
    assert_int_equal(period_start(a, q, 1), D("2021-06-01"));
    assert_int_equal(period_of(a, q, D("2021-02-28")), -1);
    assert_int_equal(period_of(a, q, D("2021-03-01")), 0);
    assert_int_equal(period_of(a, q, D("2021-05-31")), 0);
    assert_int_equal(period_of(a, q, D("2021-06-01")), 1);
    assert_int_equal(period_of(a, q, D("2022-06-30")), 5);
    /* Month ends clamp: from 31 January, the next period starts 28/29 February. */
    int32_t j = D("2024-01-31");
    assert_int_equal(period_start(j, m, 1), D("2024-02-29"));
    assert_int_equal(period_start(j, m, 2), D("2024-03-31"));
    assert_int_equal(period_of(j, m, D("2024-03-30")), 1);
    assert_int_equal(period_of(j, m, D("2024-03-31")), 2);
    assert_int_equal(period_of(a, w2, a + 13), 0);
    assert_int_equal(period_of(a, w2, a + 14), 1);
    /* Periods ended by 2022-06-30: five quarters from 2021-03-01. */
    assert_int_equal(period_count_due(a, q, D("2022-06-30"), D("2024-02-29")), 5);
    assert_int_equal(period_count_due(a, q, D("2022-05-31"), D("2024-02-29")), 5);
    assert_int_equal(period_count_due(a, q, D("2022-05-30"), D("2024-02-29")), 4);
    assert_int_equal(period_count_due(a, q, D("2021-03-15"), DATE_NONE), 0);
    /* Not beyond the term: 2021-03-01 to 2021-12-31 holds four quarters. */
    assert_int_equal(period_count_due(a, q, D("2030-01-01"), D("2021-12-31")), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_periods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
