/*
 * Unit tests for duration_frequency() (compiler/base/date.c): a reporting
 * frequency as Charter writes it, shared by the checks' messages and
 * `charterc diff`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "date.h"

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
        cmocka_unit_test(test_named),
        cmocka_unit_test(test_every),
        cmocka_unit_test(test_small_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
