/*
 * Unit tests for runtime/verdict.c, the scorecard's rules: how reporters'
 * values combine, "meets", an indicator's status and a milestone's state.
 *
 * Built by the Makefile like every tests/unit/test_*.c.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "verdict.h"

static int32_t D(const char *iso)
{
    int32_t d;
    assert_true(date_parse(iso, &d));
    return d;
}

static void test_combine(void **state)
{
    (void)state;
    double v[] = {4, 10, 1};
    assert_true(verdict_combine(COMBINE_SUM, v, 3) == 15);
    assert_true(verdict_combine(COMBINE_MEAN, v, 3) == 5);
    assert_true(verdict_combine(COMBINE_MIN, v, 3) == 1);
    assert_true(verdict_combine(COMBINE_MAX, v, 3) == 10);
    assert_true(verdict_combine(COMBINE_LATEST, v, 3) == 1);
    assert_true(isnan(verdict_combine(COMBINE_SUM, v, 0)));
    /* A sum past the largest double is an infinity (the caller's "no
     * value"); the mean of the same finite values is finite. */
    double huge[] = {1e308, 1e308};
    assert_true(isinf(verdict_combine(COMBINE_SUM, huge, 2)));
    assert_true(verdict_combine(COMBINE_MEAN, huge, 2) == 1e308);
}

static void test_meets(void **state)
{
    (void)state;
    assert_true(verdict_meets(10, 10, 1));
    assert_true(verdict_meets(11, 10, 0));
    assert_false(verdict_meets(9, 10, 1));
    assert_true(verdict_meets(9, 10, -1));
    assert_false(verdict_meets(11, 10, -1));
    assert_true(verdict_meets(0.1 + 0.2, 0.3, 1));     /* rounding is not a miss */
}

static void test_statuses(void **state)
{
    (void)state;
    assert_int_equal(verdict_status(false, 0, true, 5, true, 10, 1), VERDICT_NO_DATA);
    assert_int_equal(verdict_status(true, 12, true, 5, true, 10, 1), VERDICT_ACHIEVED);
    assert_int_equal(verdict_status(true, 6, true, 5, true, 10, 1), VERDICT_ON_TRACK);
    assert_int_equal(verdict_status(true, 4, true, 5, true, 10, 1), VERDICT_BEHIND);
    /* Nothing planned at the value's date: not behind. */
    assert_int_equal(verdict_status(true, 4, false, 0, true, 10, 1), VERDICT_ON_TRACK);
    /* Down is better. */
    assert_int_equal(verdict_status(true, 480, true, 700, true, 500, -1), VERDICT_ACHIEVED);
    assert_int_equal(verdict_status(true, 650, true, 700, true, 500, -1), VERDICT_ON_TRACK);
    assert_int_equal(verdict_status(true, 750, true, 700, true, 500, -1), VERDICT_BEHIND);
    assert_string_equal(verdict_status_name(VERDICT_ON_TRACK), "on_track");
    assert_string_equal(verdict_status_name(VERDICT_NO_DATA), "no_data");
}

static void test_milestone_states(void **state)
{
    (void)state;
    int32_t due = D("2024-06-01");
    assert_int_equal(verdict_state(VERDICT_EVENT_DONE, false, due, due + 100), VERDICT_DONE);
    assert_int_equal(verdict_state(VERDICT_EVENT_CANCELLED, true, due, due), VERDICT_CANCELLED);
    assert_int_equal(verdict_state(VERDICT_EVENT_NONE, true, due, due + 100), VERDICT_MET);
    assert_int_equal(verdict_state(VERDICT_EVENT_NONE, false, due, due + 1), VERDICT_OVERDUE);
    assert_int_equal(verdict_state(VERDICT_EVENT_NONE, false, due, due), VERDICT_DUE_SOON);
    assert_int_equal(verdict_state(VERDICT_EVENT_NONE, false, due, due - 30), VERDICT_DUE_SOON);
    assert_int_equal(verdict_state(VERDICT_EVENT_NONE, false, due, due - 31), VERDICT_PENDING);
    assert_int_equal(verdict_state(VERDICT_EVENT_NONE, false, DATE_NONE, due), VERDICT_PENDING);
    assert_string_equal(verdict_state_name(VERDICT_DUE_SOON), "due_soon");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_combine),
        cmocka_unit_test(test_meets),
        cmocka_unit_test(test_statuses),
        cmocka_unit_test(test_milestone_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
