/* test_trajectory.c - the planned trajectory (compiler/model/trajectory.c),
 * which the check requirement_exceeds_plan and the tracker's scorecard
 * both read: built from hand-made indicators and through compile_text(),
 * with the declared baseline and with one the tracker computes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "compile_ok.h"
#include "trajectory.h"

/* ---- helpers ------------------------------------------------------------ */

static const Indicator *indicator(const Compilation *c, const char *id)
{
    for (int i = 0; i < c->model->indicators.n; i++)
        if (strcmp(c->model->indicators.v[i]->d.id, id) == 0)
            return c->model->indicators.v[i];
    fail_msg("no indicator %s", id);
    return NULL;
}

static int32_t day(const char *iso)
{
    int32_t d;
    assert_true(date_parse(iso, &d));
    return d;
}

typedef struct Tg {
    double value;
    const char *date;
} Tg;

/* An indicator with targets[0..n) in source order (spans one line apart). */
static Indicator *hand_made(Arena *a, const Tg *targets, int n)
{
    Indicator *ind = arena_alloc(a, sizeof *ind);
    memset(ind, 0, sizeof *ind);
    for (int i = 0; i < n; i++) {
        Span at = {0, (uint32_t)(100 + 10 * i), (uint32_t)(105 + 10 * i)};
        VEC_PUSH(a, ind->targets, ((Target){targets[i].value, day(targets[i].date), at, NULL, -1}));
    }
    return ind;
}

static void declare_baseline(Indicator *ind, double value, int32_t date)
{
    ind->has_baseline = true;
    ind->baseline = value;
    ind->baseline_date = date;
    ind->baseline_span = (Span){0, 10, 20};
}

/* ---- hand-made indicators ------------------------------------------------ */

static void test_sorts_and_replaces(void **state)
{
    (void)state;
    Arena *a = arena_new();
    /* Targets out of order; one before the baseline; one on its date; two
     * on one date. */
    Tg tg[] = {{100, "2024-12-31"}, {5, "2023-06-01"}, {2, "2024-01-01"},
               {40, "2024-06-30"}, {45, "2024-06-30"}};
    Indicator *ind = hand_made(a, tg, 5);
    declare_baseline(ind, 0, day("2024-01-01"));
    Trajectory t;
    traj_build(a, ind, &t);
    assert_int_equal(t.n, 3);
    assert_int_equal(t.pts[0].date, day("2024-01-01"));
    assert_true(t.pts[0].value == 2);     /* the target on the baseline's date replaces it */
    assert_false(t.pts[0].is_baseline);
    assert_int_equal(t.pts[1].date, day("2024-06-30"));
    assert_true(t.pts[1].value == 45);    /* of two on one date, the later in source order */
    assert_int_equal(t.pts[2].date, day("2024-12-31"));
    assert_true(traj_has_target(&t));

    /* No baseline: the plan starts at the first target. */
    ind = hand_made(a, tg, 2);
    traj_build(a, ind, &t);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.pts[0].date, day("2023-06-01"));
    arena_free(a);
}

static void test_planned_value(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Tg tg[] = {{2000000, "2022-03-01"}, {10000000, "2024-02-29"}};
    Indicator *ind = hand_made(a, tg, 2);
    declare_baseline(ind, 0, day("2021-03-01"));
    Trajectory t;
    traj_build(a, ind, &t);
    double v;
    assert_int_equal(traj_at(&t, day("2021-02-28"), &v, NULL, NULL), TRAJ_NONE);
    assert_int_equal(traj_at(&t, day("2021-03-01"), &v, NULL, NULL), TRAJ_AT);
    assert_true(v == 0);
    assert_int_equal(traj_at(&t, day("2022-03-01"), &v, NULL, NULL), TRAJ_AT);
    assert_true(v == 2000000);
    /* Halfway along the second line: 365 of 730 days. */
    assert_int_equal(traj_at(&t, day("2023-03-01"), &v, NULL, NULL), TRAJ_BETWEEN);
    assert_true(v == 6000000);
    assert_int_equal(traj_at(&t, day("2022-05-31"), &v, NULL, NULL), TRAJ_BETWEEN);
    char text[32];
    snprintf(text, sizeof text, "%.17g", v);
    assert_string_equal(text, "2997260.2739726026");     /* docs/tracker.md shows it */
    assert_int_equal(traj_at(&t, day("2030-01-01"), &v, NULL, NULL), TRAJ_HELD);
    assert_true(v == 10000000);
    Trajectory none = {NULL, 0};
    assert_int_equal(traj_at(&none, day("2030-01-01"), &v, NULL, NULL), TRAJ_NONE);
    arena_free(a);
}

/* The fraction of the segment is taken first, then the rise: the
 * tracker's JSON prints the planned value to the last bit, and the other
 * order, (rise * days) / length, differs in the last bit here. */
static void test_last_bit(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Tg tg[] = {{3837993, "2024-05-31"}};       /* 1246 days after the baseline */
    Indicator *ind = hand_made(a, tg, 1);
    declare_baseline(ind, 2000, day("2021-01-01"));
    Trajectory t;
    traj_build(a, ind, &t);
    double v;
    assert_int_equal(traj_at(&t, day("2021-01-06"), &v, NULL, NULL), TRAJ_BETWEEN);
    char text[32];
    snprintf(text, sizeof text, "%.17g", v);
    assert_string_equal(text, "17393.23033707865");
    arena_free(a);
}

/* The tracker's baseline of a derived indicator: computed, without a
 * statement behind it, and it drops the targets before it. */
static void test_computed_baseline(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Tg tg[] = {{10, "2024-01-01"}, {30, "2025-01-01"}};
    Indicator *ind = hand_made(a, tg, 2);
    TrajPoint base = {day("2024-06-30"), 12, true, SPAN_NONE};
    Trajectory t;
    traj_build_from(a, ind, &base, &t);
    assert_int_equal(t.n, 2);
    assert_true(t.pts[0].is_baseline);
    assert_true(t.pts[0].value == 12);
    assert_int_equal(t.pts[0].span.file, NO_FILE);
    assert_true(t.pts[1].value == 30);
    assert_true(traj_has_target(&t));

    /* Every target before the computed baseline: the plan is the baseline
     * alone, and there is no last target to achieve. */
    base.date = day("2026-01-01");
    traj_build_from(a, ind, &base, &t);
    assert_int_equal(t.n, 1);
    assert_false(traj_has_target(&t));
    traj_build_from(a, hand_made(a, tg, 0), NULL, &t);
    assert_int_equal(t.n, 0);
    assert_false(traj_has_target(&t));
    arena_free(a);
}

#define HEAD                                                                   \
    "agreement agr \"T\" {\n  term 2020-01-01 to 2030-12-31\n  lead pa\n}\n"  \
    "partner pa \"A\" { sector government }\n"

/* ---- through the compiler --------------------------------------------------------- */

static const char traj_src[] = HEAD
    "indicator x \"X\" {\n"
    "  unit count\n  direction up\n"
    "  baseline 2_000 on 2025-01-01\n"
    "  target 12_000 by 2026-12-31\n"           /* written out of date order */
    "  target 8_000 by 2026-06-30\n"
    "  target 1 by 2024-06-30\n"                /* before the baseline: not in the plan */
    "}\n"
    "indicator y \"Y\" {\n"
    "  unit count\n  direction down\n"
    "  baseline 40 on 2025-01-01\n"
    "  target 35 by 2025-01-01\n"               /* on the baseline's date: replaces it */
    "  target 20 by 2026-01-01\n"
    "}\n"
    "indicator z \"Z\" {\n"                     /* derived: no baseline */
    "  unit count\n  direction up\n"
    "  formula 2 * x\n"
    "  target 10 by 2025-06-30\n"
    "  target 30 by 2025-12-31\n"
    "}\n"
    "indicator w \"W\" { unit count }\n";

static void test_traj_points(void **state)
{
    (void)state;
    Compilation *c = compile_ok(traj_src);
    Trajectory t;
    traj_build(c->arena, indicator(c, "x"), &t);
    assert_int_equal(t.n, 3);
    assert_true(t.pts[0].is_baseline);
    assert_int_equal(t.pts[0].date, day("2025-01-01"));
    assert_int_equal(t.pts[1].date, day("2026-06-30"));
    assert_true(t.pts[1].value == 8000);
    assert_int_equal(t.pts[2].date, day("2026-12-31"));
    assert_true(t.pts[2].value == 12000);

    traj_build(c->arena, indicator(c, "y"), &t);
    assert_int_equal(t.n, 2);
    assert_false(t.pts[0].is_baseline);
    assert_true(t.pts[0].value == 35);

    traj_build(c->arena, indicator(c, "w"), &t);
    assert_int_equal(t.n, 0);
    double v = -1;
    assert_int_equal(traj_at(&t, day("2025-01-01"), &v, NULL, NULL), TRAJ_NONE);
    compile_free(c);
}

static void test_traj_interpolation(void **state)
{
    (void)state;
    Compilation *c = compile_ok(traj_src);
    Trajectory t;
    traj_build(c->arena, indicator(c, "x"), &t);
    double v;
    int lo, hi;
    /* Before the baseline: no plan. */
    assert_int_equal(traj_at(&t, day("2024-12-31"), &v, &lo, &hi), TRAJ_NONE);
    assert_int_equal(traj_at(&t, DATE_NONE, &v, &lo, &hi), TRAJ_NONE);
    /* On the baseline and on a target. */
    assert_int_equal(traj_at(&t, day("2025-01-01"), &v, &lo, &hi), TRAJ_AT);
    assert_true(v == 2000);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 0);
    assert_int_equal(traj_at(&t, day("2026-06-30"), &v, &lo, &hi), TRAJ_AT);
    assert_true(v == 8000);
    assert_int_equal(lo, 1);
    /* Straight lines: 2025-01-01 .. 2026-06-30 is 545 days; 2025-09-30 is
     * day 272 of them. */
    assert_int_equal(traj_at(&t, day("2025-09-30"), &v, &lo, &hi), TRAJ_BETWEEN);
    assert_int_equal(lo, 0);
    assert_int_equal(hi, 1);
    assert_float_equal(v, 2000 + 6000.0 * 272 / 545, 1e-9);
    /* The second segment: 2026-06-30 .. 2026-12-31 is 184 days. */
    assert_int_equal(traj_at(&t, day("2026-07-31"), &v, &lo, &hi), TRAJ_BETWEEN);
    assert_int_equal(lo, 1);
    assert_int_equal(hi, 2);
    assert_float_equal(v, 8000 + 4000.0 * 31 / 184, 1e-9);
    /* The last target holds after its date. */
    assert_int_equal(traj_at(&t, day("2030-01-01"), &v, &lo, &hi), TRAJ_HELD);
    assert_true(v == 12000);
    assert_int_equal(lo, 2);
    assert_int_equal(hi, 2);

    /* Down: 35 on 2025-01-01 to 20 on 2026-01-01 (365 days). */
    traj_build(c->arena, indicator(c, "y"), &t);
    assert_int_equal(traj_at(&t, day("2025-07-02"), &v, NULL, NULL), TRAJ_BETWEEN);
    assert_float_equal(v, 35 - 15.0 * 182 / 365, 1e-9);

    /* No baseline: the plan starts at the first target. */
    traj_build(c->arena, indicator(c, "z"), &t);
    assert_int_equal(traj_at(&t, day("2025-06-29"), &v, NULL, NULL), TRAJ_NONE);
    assert_int_equal(traj_at(&t, day("2025-06-30"), &v, NULL, NULL), TRAJ_AT);
    assert_true(v == 10);
    assert_int_equal(traj_at(&t, day("2025-09-30"), &v, NULL, NULL), TRAJ_BETWEEN);
    assert_float_equal(v, 10 + 20.0 * 92 / 184, 1e-9);
    compile_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorts_and_replaces),
        cmocka_unit_test(test_planned_value),
        cmocka_unit_test(test_last_bit),
        cmocka_unit_test(test_computed_baseline),
        cmocka_unit_test(test_traj_points),
        cmocka_unit_test(test_traj_interpolation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
