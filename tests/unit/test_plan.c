/*
 * Unit tests for runtime/plan.c (trajectories, statuses, milestone states,
 * combine rules, reporting periods), the scan index parser of
 * runtime/obs_index.c and the number formats of runtime/trk.c.
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
#include "obs.h"
#include "plan.h"
#include "trk.h"

static int32_t D(const char *iso)
{
    int32_t d;
    assert_true(date_parse(iso, &d));
    return d;
}

/* ---- trajectories ------------------------------------------------------------- */

static void test_build_sorts_and_replaces(void **state)
{
    (void)state;
    /* Targets out of order; one before the baseline; one on its date. */
    PlanPt tg[] = {{D("2024-12-31"), 100}, {D("2023-06-01"), 5}, {D("2024-01-01"), 2},
                   {D("2024-06-30"), 40}, {D("2024-06-30"), 45}};
    PlanPt pts[6];
    int n = plan_build(pts, tg, 5, true, (PlanPt){D("2024-01-01"), 0});
    assert_int_equal(n, 3);
    assert_int_equal(pts[0].date, D("2024-01-01"));
    assert_true(pts[0].value == 2);     /* the target on the baseline's date replaces it */
    assert_int_equal(pts[1].date, D("2024-06-30"));
    assert_true(pts[1].value == 45);    /* of two on one date, the later in source order */
    assert_int_equal(pts[2].date, D("2024-12-31"));

    /* No baseline: the plan starts at the first target. */
    n = plan_build(pts, tg, 2, false, (PlanPt){0, 0});
    assert_int_equal(n, 2);
    assert_int_equal(pts[0].date, D("2023-06-01"));
}

static void test_planned_value(void **state)
{
    (void)state;
    PlanPt tg[] = {{D("2022-03-01"), 2000000}, {D("2024-02-29"), 10000000}};
    PlanPt pts[3];
    int n = plan_build(pts, tg, 2, true, (PlanPt){D("2021-03-01"), 0});
    double v;
    assert_false(plan_at(pts, n, D("2021-02-28"), &v));    /* none before the baseline */
    assert_true(plan_at(pts, n, D("2021-03-01"), &v));
    assert_true(v == 0);
    assert_true(plan_at(pts, n, D("2022-03-01"), &v));
    assert_true(v == 2000000);
    /* Halfway along the second line: 365 of 730 days. */
    assert_true(plan_at(pts, n, D("2023-03-01"), &v));
    assert_true(fabs(v - 6000000) < 1e-6);
    assert_true(plan_at(pts, n, D("2030-01-01"), &v));     /* the last target after it */
    assert_true(v == 10000000);
    assert_false(plan_at(pts, 0, D("2030-01-01"), &v));
}

static void test_meets(void **state)
{
    (void)state;
    assert_true(plan_meets(10, 10, 1));
    assert_true(plan_meets(11, 10, 0));
    assert_false(plan_meets(9, 10, 1));
    assert_true(plan_meets(9, 10, -1));
    assert_false(plan_meets(11, 10, -1));
    assert_true(plan_meets(0.1 + 0.2, 0.3, 1));     /* rounding is not a miss */
}

static void test_statuses(void **state)
{
    (void)state;
    assert_int_equal(plan_status(false, 0, true, 5, true, 10, 1), PLAN_NO_DATA);
    assert_int_equal(plan_status(true, 12, true, 5, true, 10, 1), PLAN_ACHIEVED);
    assert_int_equal(plan_status(true, 6, true, 5, true, 10, 1), PLAN_ON_TRACK);
    assert_int_equal(plan_status(true, 4, true, 5, true, 10, 1), PLAN_BEHIND);
    /* Nothing planned at the value's date: not behind. */
    assert_int_equal(plan_status(true, 4, false, 0, true, 10, 1), PLAN_ON_TRACK);
    /* Down is better. */
    assert_int_equal(plan_status(true, 480, true, 700, true, 500, -1), PLAN_ACHIEVED);
    assert_int_equal(plan_status(true, 650, true, 700, true, 500, -1), PLAN_ON_TRACK);
    assert_int_equal(plan_status(true, 750, true, 700, true, 500, -1), PLAN_BEHIND);
    assert_string_equal(plan_status_name(PLAN_ON_TRACK), "on_track");
    assert_string_equal(plan_status_name(PLAN_NO_DATA), "no_data");
}

static void test_milestone_states(void **state)
{
    (void)state;
    int32_t due = D("2024-06-01");
    assert_int_equal(plan_state(PLAN_EVENT_DONE, PLAN_FALSE, due, due + 100), PLAN_DONE);
    assert_int_equal(plan_state(PLAN_EVENT_CANCELLED, PLAN_TRUE, due, due), PLAN_CANCELLED);
    assert_int_equal(plan_state(PLAN_EVENT_NONE, PLAN_TRUE, due, due + 100), PLAN_MET);
    assert_int_equal(plan_state(PLAN_EVENT_NONE, PLAN_FALSE, due, due + 1), PLAN_OVERDUE);
    assert_int_equal(plan_state(PLAN_EVENT_NONE, PLAN_UNKNOWN, due, due), PLAN_DUE_SOON);
    assert_int_equal(plan_state(PLAN_EVENT_NONE, PLAN_FALSE, due, due - 30), PLAN_DUE_SOON);
    assert_int_equal(plan_state(PLAN_EVENT_NONE, PLAN_FALSE, due, due - 31), PLAN_PENDING);
    assert_int_equal(plan_state(PLAN_EVENT_NONE, PLAN_UNKNOWN, DATE_NONE, due), PLAN_PENDING);
    assert_string_equal(plan_state_name(PLAN_DUE_SOON), "due_soon");
}

static void test_combine(void **state)
{
    (void)state;
    double v[] = {4, 10, 1};
    assert_true(plan_combine(COMBINE_SUM, v, 3) == 15);
    assert_true(plan_combine(COMBINE_MEAN, v, 3) == 5);
    assert_true(plan_combine(COMBINE_MIN, v, 3) == 1);
    assert_true(plan_combine(COMBINE_MAX, v, 3) == 10);
    assert_true(plan_combine(COMBINE_LATEST, v, 3) == 1);
    assert_true(isnan(plan_combine(COMBINE_SUM, v, 0)));
}

static void test_periods(void **state)
{
    (void)state;
    Duration q = {1, DUR_QUARTER}, m = {1, DUR_MONTH}, w2 = {2, DUR_WEEK};
    int32_t a = D("2021-03-01");
    assert_int_equal(plan_period_start(a, q, 1), D("2021-06-01"));
    assert_int_equal(plan_period_of(a, q, D("2021-02-28")), -1);
    assert_int_equal(plan_period_of(a, q, D("2021-03-01")), 0);
    assert_int_equal(plan_period_of(a, q, D("2021-05-31")), 0);
    assert_int_equal(plan_period_of(a, q, D("2021-06-01")), 1);
    assert_int_equal(plan_period_of(a, q, D("2022-06-30")), 5);
    /* Month ends clamp: from 31 January, the next period starts 28/29 February. */
    int32_t j = D("2024-01-31");
    assert_int_equal(plan_period_start(j, m, 1), D("2024-02-29"));
    assert_int_equal(plan_period_start(j, m, 2), D("2024-03-31"));
    assert_int_equal(plan_period_of(j, m, D("2024-03-30")), 1);
    assert_int_equal(plan_period_of(j, m, D("2024-03-31")), 2);
    assert_int_equal(plan_period_of(a, w2, a + 13), 0);
    assert_int_equal(plan_period_of(a, w2, a + 14), 1);
    /* Periods ended by 2022-06-30: five quarters from 2021-03-01. */
    assert_int_equal(plan_periods_due(a, q, D("2022-06-30"), D("2024-02-29")), 5);
    assert_int_equal(plan_periods_due(a, q, D("2022-05-31"), D("2024-02-29")), 5);
    assert_int_equal(plan_periods_due(a, q, D("2022-05-30"), D("2024-02-29")), 4);
    assert_int_equal(plan_periods_due(a, q, D("2021-03-15"), DATE_NONE), 0);
    /* Not beyond the term: 2021-03-01 to 2021-12-31 holds four quarters. */
    assert_int_equal(plan_periods_due(a, q, D("2030-01-01"), D("2021-12-31")), 4);
}

/* ---- the scan index ----------------------------------------------------------- */

static void test_index_parse(void **state)
{
    (void)state;
    Arena *a = arena_new();
    ObsIndex ix;
    const char *text = "A conn\n"
                       "D gender female male\n"
                       "D region north south east\n"
                       "I users 0 18687 1 3 0 R globaltel ministry M E\n"
                       "I trained 0 - 1 2 1 R afa M 0 1 E 19052 -\n"
                       "I share 1 - 0 0 0 R M E 19052\n";
    assert_true(obs_index_parse(text, a, &ix));
    assert_string_equal(ix.agreement, "conn");
    assert_int_equal(ix.ndims, 2);
    assert_int_equal(ix.dims[1].nvalues, 3);
    assert_string_equal(ix.dims[1].values[2], "east");
    assert_int_equal(ix.nind, 3);
    assert_int_equal(ix.ind[0].nrep, 2);
    assert_string_equal(ix.ind[0].rep[1], "ministry");
    assert_int_equal(ix.ind[0].replen[1], 8);
    assert_int_equal(ix.ind[0].anchor, 18687);
    assert_int_equal(ix.ind[0].freq.unit, DUR_QUARTER);
    assert_int_equal(ix.ind[1].anchor, DATE_NONE);
    assert_true(ix.ind[1].history);
    assert_int_equal(ix.ind[1].ndims, 2);
    assert_int_equal(ix.ind[1].ndue, 2);
    assert_int_equal(ix.ind[1].due[1], DATE_NONE);
    assert_true(ix.ind[2].derived);
    assert_int_equal(hmap_str_get(&ix.map, "trained", 7), 1);
    assert_int_equal(hmap_str_get(&ix.map, "nope", 4), -1);
    obs_index_free(&ix);
    assert_false(obs_index_parse("I x 0\n", a, &ix));
    obs_index_free(&ix);
    arena_free(a);
}

/* ---- numbers ------------------------------------------------------------------ */

static void test_numbers(void **state)
{
    (void)state;
    char b[48];
    assert_string_equal(trk_num(2100000, b), "2100000");
    assert_string_equal(trk_num(0, b), "0");
    assert_string_equal(trk_num(-3, b), "-3");
    assert_string_equal(trk_num(0.1, b), "0.1");
    assert_string_equal(trk_num(1.0 / 3, b), "0.3333333333333333");
    assert_string_equal(trk_num_text(2350000, b), "2,350,000");
    assert_string_equal(trk_num_text(2997260.27, b), "2,997,260");
    assert_string_equal(trk_num_text(1.7446, b), "1.74");
    assert_string_equal(trk_num_text(24.5, b), "24.5");
    assert_string_equal(trk_num_text(-1234.5, b), "-1,235");
    assert_string_equal(trk_num_text(7, b), "7");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_sorts_and_replaces),
        cmocka_unit_test(test_planned_value),
        cmocka_unit_test(test_meets),
        cmocka_unit_test(test_statuses),
        cmocka_unit_test(test_milestone_states),
        cmocka_unit_test(test_combine),
        cmocka_unit_test(test_periods),
        cmocka_unit_test(test_index_parse),
        cmocka_unit_test(test_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
