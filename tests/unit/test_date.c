/*
 * Unit tests for compiler/base/date.c and date.h: the calendar (every day
 * from 2000 BC to AD 4000 both ways, the extremes of an int32_t day
 * count), reading dates as the source and the ledger write them, date
 * arithmetic, the words of a duration, and a reporting frequency as
 * Charter writes it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

/* ---- the calendar ------------------------------------------------------ */

static void test_calendar(void **state)
{
    int y = -2000, m = 1, d = 1;
    /* Walk the calendar day by day from 2000 BC (proleptic) to AD 4000:
     * both conversions must agree with the walk. */
    for (int32_t days = date_from_civil(-2000, 1, 1); y < 4000; days++) {
        int yy, mm, dd;
        assert_int_equal(date_from_civil(y, m, d), days);
        date_to_civil(days, &yy, &mm, &dd);
        assert_true(yy == y && mm == m && dd == d);
        if (++d > date_days_in_month(y, m)) {
            d = 1;
            if (++m > 12)
                m = 1, y++;
        }
    }
    assert_true(date_is_leap(2000));
    assert_false(date_is_leap(1900));
    assert_true(date_is_leap(2024));
    assert_false(date_is_leap(2023));
    assert_int_equal(date_days_in_month(2023, 2), 28);
    assert_int_equal(date_days_in_month(2024, 2), 29);
    assert_int_equal(date_days_in_month(2024, 13), 0);
    assert_int_equal(date_days_in_month(2024, 0), 0);
}

/* Every day an int32_t counts converts both ways without overflow. */
static void test_extremes(void **state)
{
    int y, m, d;
    date_to_civil(INT32_MAX, &y, &m, &d);
    assert_int_equal(date_from_civil(y, m, d), INT32_MAX);
    date_to_civil(INT32_MIN, &y, &m, &d);
    assert_int_equal(date_from_civil(y, m, d), INT32_MIN);
    date_to_civil(-1, &y, &m, &d);
    assert_true(y == 1969 && m == 12 && d == 31);
}

/* ---- reading and writing ------------------------------------------------- */

static DateScan scan(const char *s, int32_t *out)
{
    return date_scan(s, strlen(s), out);
}

static void test_scan(void **state)
{
    int32_t d = 7;
    assert_int_equal(scan("2024-02-29", &d), DATE_SCAN_OK);
    assert_int_equal(d, 19782);
    assert_int_equal(scan("0000-01-01", &d), DATE_SCAN_OK);   /* year 0 is a year */
    d = 7;
    assert_int_equal(scan("2023-02-29", &d), DATE_SCAN_NO_SUCH_DAY);
    assert_int_equal(scan("2023-00-10", &d), DATE_SCAN_NO_SUCH_DAY);
    assert_int_equal(scan("2023-13-10", &d), DATE_SCAN_NO_SUCH_DAY);
    assert_int_equal(scan("2023-01-00", &d), DATE_SCAN_NO_SUCH_DAY);
    assert_int_equal(scan("2023-1-05", &d), DATE_SCAN_SHAPE);
    assert_int_equal(scan("2023/01/05", &d), DATE_SCAN_SHAPE);
    assert_int_equal(scan("2023-01-0x", &d), DATE_SCAN_SHAPE);
    assert_int_equal(scan("+023-01-05", &d), DATE_SCAN_SHAPE);
    assert_int_equal(scan(" 2023-01-05", &d), DATE_SCAN_SHAPE);   /* no spaces */
    assert_int_equal(scan("2023-01-05x", &d), DATE_SCAN_SHAPE);
    assert_int_equal(scan("", &d), DATE_SCAN_SHAPE);
    assert_int_equal(d, 7);     /* untouched unless the answer is DATE_SCAN_OK */
}

static void test_parse_and_write(void **state)
{
    int32_t d;
    assert_true(date_parse("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_true(date_parse("2024-02-29", &d));
    assert_false(date_parse("2023-02-29", &d));
    assert_false(date_parse("2021-04-31", &d));
    assert_false(date_parse("2021-13-01", &d));
    assert_false(date_parse("2021-00-10", &d));
    assert_true(date_parse("2000-02-29", &d));
    assert_false(date_parse("1900-02-29", &d));
    assert_false(date_parse("0000-01-01", &d));     /* the source's dates start at year 1 */
    assert_true(date_parse("0001-01-01", &d));
    assert_false(date_parse("2021-03", &d));
    char buf[32];
    date_parse("2021-03-01", &d);
    assert_string_equal(date_iso(d, buf), "2021-03-01");
    assert_string_equal(date_long(d, buf), "1 March 2021");
    assert_string_equal(date_iso(-1, buf), "1969-12-31");
    /* Month arithmetic clamps to the end of the month. */
    date_parse("2021-01-31", &d);
    assert_string_equal(date_iso(date_add(d, (Duration){1, DUR_MONTH}), buf), "2021-02-28");
    assert_string_equal(date_iso(date_add(d, (Duration){1, DUR_QUARTER}), buf), "2021-04-30");
    assert_string_equal(date_iso(date_add(d, (Duration){2, DUR_WEEK}), buf), "2021-02-14");
    assert_string_equal(date_iso(date_add(d, (Duration){1, DUR_YEAR}), buf), "2022-01-31");
}

/* date_add never overflows, whatever the duration (the language limits a
 * duration to DURATION_MAX_YEARS, but the tracker's arithmetic multiplies
 * them): the sum is clamped to DATE_ADD_MAX_YEAR, and within the limit every
 * result from a source date is a date of the calendar.  2^31 - 1 days used
 * to overflow an int (UBSan) and give a date before the start. */
static void test_add_overflow(void **state)
{
    (void)state;
    int32_t d, last, hi = date_from_civil(DATE_ADD_MAX_YEAR, 12, 31);
    int32_t lo = date_from_civil(-DATE_ADD_MAX_YEAR, 1, 1);
    date_parse("2021-01-31", &d);
    date_parse("9999-12-31", &last);
    for (int u = DUR_DAY; u <= DUR_YEAR; u++) {
        assert_int_equal(date_add(d, (Duration){INT32_MAX, (DurUnit)u}), hi);
        assert_int_equal(date_add(d, (Duration){-INT32_MAX - 1, (DurUnit)u}), lo);
        assert_int_equal(date_add(INT32_MAX, (Duration){INT32_MAX, (DurUnit)u}), hi);
        assert_true(date_add(last, (Duration){duration_max((DurUnit)u), (DurUnit)u}) > last);
        /* The limit is at most 1000 years (of 365.2425 days) in each unit. */
        assert_true(duration_days((Duration){duration_max((DurUnit)u), (DurUnit)u}) <=
                    DURATION_MAX_YEARS * 365.2425);
        assert_true(duration_days((Duration){duration_max((DurUnit)u) + 1, (DurUnit)u}) >
                    DURATION_MAX_YEARS * 365.2425);
    }
    char buf[32];
    assert_string_equal(date_iso(date_add(d, (Duration){-1, DUR_MONTH}), buf), "2020-12-31");
    date_parse("0001-03-31", &d);
    assert_string_equal(date_iso(date_add(d, (Duration){-1, DUR_MONTH}), buf), "0001-02-28");
    assert_int_equal(duration_max(DUR_DAY), 365242);
    assert_int_equal(duration_max(DUR_WEEK), 52177);
}

/* The words of a duration's unit, singular or plural, and no others. */
static void test_duration_unit(void **state)
{
    (void)state;
    DurUnit u;
    assert_true(duration_unit("days", &u));
    assert_int_equal(u, DUR_DAY);
    assert_true(duration_unit("quarter", &u));
    assert_int_equal(u, DUR_QUARTER);
    assert_false(duration_unit("fortnight", &u));
    assert_false(duration_unit("monthss", &u));
}

/* ---- frequencies ----------------------------------------------------------
 * duration_frequency(): a reporting frequency as Charter writes it, shared
 * by the checks' messages and `charterc diff`. */

static const char *freq(int n, DurUnit u, char *buf, int size)
{
    return duration_frequency((Duration){n, u}, buf, size);
}

static void test_named(void **state)
{
    char buf[64];
    assert_string_equal(freq(1, DUR_MONTH, buf, sizeof buf), "monthly");
    assert_string_equal(freq(1, DUR_QUARTER, buf, sizeof buf), "quarterly");
    assert_string_equal(freq(1, DUR_YEAR, buf, sizeof buf), "yearly");
}

/* Days and weeks have no -ly word in the language: `every 1 week`. */
static void test_every(void **state)
{
    char buf[64];
    assert_string_equal(freq(1, DUR_DAY, buf, sizeof buf), "every 1 day");
    assert_string_equal(freq(1, DUR_WEEK, buf, sizeof buf), "every 1 week");
    assert_string_equal(freq(6, DUR_WEEK, buf, sizeof buf), "every 6 weeks");
    assert_string_equal(freq(2, DUR_MONTH, buf, sizeof buf), "every 2 months");
    assert_string_equal(freq(3, DUR_QUARTER, buf, sizeof buf), "every 3 quarters");
    assert_string_equal(freq(5, DUR_YEAR, buf, sizeof buf), "every 5 years");
    assert_string_equal(freq(90, DUR_DAY, buf, sizeof buf), "every 90 days");
}

/* The text is cut to the buffer, never written past it. */
static void test_small_buffer(void **state)
{
    char buf[8];
    assert_string_equal(freq(6, DUR_WEEK, buf, sizeof buf), "every 6");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_extremes),
        cmocka_unit_test(test_scan),
        cmocka_unit_test(test_parse_and_write),
        cmocka_unit_test(test_add_overflow),
        cmocka_unit_test(test_duration_unit),
        cmocka_unit_test(test_named),
        cmocka_unit_test(test_every),
        cmocka_unit_test(test_small_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
