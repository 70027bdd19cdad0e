/*
 * Unit tests for stdlib/std/charterstd.c (the standard extern functions).
 *
 * Build and run (from the repository root):
 *   gcc -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -iquote stdlib/std \
 *       tests/unit/test_charterstd.c stdlib/std/charterstd.c -lcmocka -lm -o build/test_charterstd
 *   build/test_charterstd
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "charter.h"

static const double values[] = {100, 80, 130, 150};
static const int32_t dates[] = {19000, 19031, 19059, 19090};
static const charter_series four = {values, dates, 4};
static const charter_series one = {values + 2, dates + 2, 1};
static const charter_series empty = {values, dates, 0};

static void test_ratio(void **state)
{
    (void)state;
    assert_true(charter_ratio(3, 4) == 0.75);
    assert_true(charter_ratio(-9, 3) == -3);
    assert_true(charter_ratio(0, 5) == 0);
    assert_true(isnan(charter_ratio(1, 0)));
    assert_true(isnan(charter_ratio(0, 0)));
    assert_true(isnan(charter_ratio(1, -0.0)));
}

static void test_sum_mean(void **state)
{
    (void)state;
    assert_true(charter_sum(&four) == 460);
    assert_true(charter_mean(&four) == 115);
    assert_true(charter_sum(&one) == 130);
    assert_true(charter_mean(&one) == 130);
}

static void test_min_max_latest(void **state)
{
    (void)state;
    assert_true(charter_min(&four) == 80);
    assert_true(charter_max(&four) == 150);
    assert_true(charter_latest(&four) == 150);
    assert_true(charter_min(&one) == 130);
    assert_true(charter_max(&one) == 130);
    assert_true(charter_latest(&one) == 130);
}

static void test_change_growth(void **state)
{
    static const double from_zero[] = {0, 10};
    static const double down[] = {200, 150};
    const charter_series zero_first = {from_zero, NULL, 2}; /* dates are optional */
    const charter_series falling = {down, NULL, 2};

    (void)state;
    assert_true(charter_change(&four) == 50);
    assert_true(charter_growth(&four) == 0.5);
    assert_true(charter_change(&one) == 0);
    assert_true(charter_growth(&one) == 0);
    assert_true(charter_change(&falling) == -50);
    assert_true(charter_growth(&falling) == -0.25);
    assert_true(charter_change(&zero_first) == 10);
    assert_true(isnan(charter_growth(&zero_first)));
}

/* An empty series, or none at all, has no value for every function. */
static void test_empty_is_nan(void **state)
{
    double (*const fns[])(const charter_series *) = {
        charter_sum, charter_mean, charter_min, charter_max,
        charter_latest, charter_change, charter_growth,
    };

    (void)state;
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        assert_true(isnan(fns[i](&empty)));
        assert_true(isnan(fns[i](NULL)));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ratio),         cmocka_unit_test(test_sum_mean),
        cmocka_unit_test(test_min_max_latest), cmocka_unit_test(test_change_growth),
        cmocka_unit_test(test_empty_is_nan),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
