/* test_checks_conflicts.c - the conflict checks that read the planned
 * trajectory (tested in test_trajectory.c) or the `after` graph
 * (requirement_exceeds_plan, dependency_cycle), through compile_text()
 * and checks_run(); and that they take time linear in the size of the
 * model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "checks.h"
#include "compile_ok.h"
#include "growth.h"

/* ---- helpers ------------------------------------------------------------ */

static Compilation *run_checks(const char *text)
{
    Compilation *c = compile_ok(text);
    CheckOptions o;
    checks_default_options(&o);
    checks_run(c, c->model, &o);
    diag_sort(&c->diag);
    return c;
}

static int count_check(const Compilation *c, const char *check)
{
    int n = 0;
    for (int i = 0; i < c->diag.items.n; i++)
        if (strcmp(c->diag.items.v[i]->check, check) == 0)
            n++;
    return n;
}

/* The k-th finding of `check` (in location order). */
static const Diagnostic *nth(const Compilation *c, const char *check, int k)
{
    for (int i = 0; i < c->diag.items.n; i++) {
        const Diagnostic *g = c->diag.items.v[i];
        if (strcmp(g->check, check) == 0 && k-- == 0)
            return g;
    }
    fail_msg("no finding %d of %s", k, check);
    return NULL;
}

#define HEAD                                                                   \
    "agreement agr \"T\" {\n  term 2020-01-01 to 2030-12-31\n  lead pa\n}\n"  \
    "partner pa \"A\" { sector government }\n"

/* ---- requirement_exceeds_plan ------------------------------------------------ */

static const char plan_src[] = HEAD
    "indicator water \"Households with safe water\" {\n"
    "  unit households\n  direction up\n"
    "  baseline 2_000 on 2011-01-01\n"
    "  target 8_000 by 2012-06-30\n"
    "  target 12_000 by 2012-12-31\n"
    "}\n"
    "milestone kiosks \"Kiosks\" {\n  due 2011-09-30\n  requires water >= 9_000\n}\n"
    "milestone on_plan \"On plan\" {\n  due 2012-06-30\n  requires water >= 8_000\n}\n"
    "milestone below \"Below\" {\n  due 2011-09-30\n  requires water >= 4_989\n}\n"
    "milestone above \"Just above\" {\n  due 2011-09-30\n  requires water >= 4_990\n}\n"
    "milestone held \"Held\" {\n  due 2015-01-01\n  requires water > 12_000\n}\n"
    "milestone early \"Before the baseline\" {\n  due 2010-06-30\n  requires water >= 50_000\n}\n"
    "milestone either \"Or\" {\n  due 2011-09-30\n  requires water >= 9_000 or water <= 1\n}\n";

static void test_requirement_exceeds_plan(void **state)
{
    (void)state;
    Compilation *c = run_checks(plan_src);
    /* kiosks, above, held: not on_plan, below, early, either. */
    assert_int_equal(count_check(c, "requirement_exceeds_plan"), 3);
    const Diagnostic *g = nth(c, "requirement_exceeds_plan", 0);
    assert_string_equal(g->subject, "milestone kiosks");
    /* 2_000 + 6_000 * 272 / 546 = 4_989.01 */
    assert_non_null(strstr(g->message, "water >= 9_000"));
    assert_non_null(strstr(g->message, "2011-09-30"));
    assert_non_null(strstr(g->message, "4_989.01"));
    assert_non_null(strstr(g->message, "the baseline 2_000 on 2011-01-01"));
    assert_non_null(strstr(g->message, "the target 8_000 by 2012-06-30"));
    assert_int_equal(g->related.n, 2);      /* the two points */
    assert_non_null(g->hint);
    g = nth(c, "requirement_exceeds_plan", 1);
    assert_string_equal(g->subject, "milestone above");
    g = nth(c, "requirement_exceeds_plan", 2);
    assert_string_equal(g->subject, "milestone held");
    assert_non_null(strstr(g->message, "the target 12_000 by 2012-12-31 holds"));
    compile_free(c);
}

/* ---- dependency_cycle ----------------------------------------------------------- */

static void test_cycle_none(void **state)
{
    (void)state;
    Compilation *c = run_checks(HEAD
        "milestone a \"A\" { due 2021-01-01 }\n"
        "milestone b \"B\" {\n  due 2021-02-01\n  after a\n}\n"
        "milestone c \"C\" {\n  due 2021-03-01\n  after a, b\n}\n"
        "milestone d \"D\" {\n  due 2021-04-01\n  after c, b, a\n}\n");
    assert_int_equal(count_check(c, "dependency_cycle"), 0);
    compile_free(c);
}

static void test_cycle_spelled(void **state)
{
    (void)state;
    /* The subject is the cycle's first milestone in source order (c), and
     * the cycle is spelled from it along the `after` links. */
    Compilation *c = run_checks(HEAD
        "milestone c \"C\" {\n  due 2021-01-01\n  after a\n}\n"
        "milestone b \"B\" {\n  due 2021-01-01\n  after c\n}\n"
        "milestone a \"A\" {\n  due 2021-01-01\n  after b\n}\n"
        "milestone s \"Self\" {\n  due 2021-01-01\n  after s\n}\n"
        "milestone free \"Free\" {\n  due 2021-01-01\n  after s\n}\n");
    assert_int_equal(count_check(c, "dependency_cycle"), 2);
    const Diagnostic *g = nth(c, "dependency_cycle", 0);
    assert_string_equal(g->subject, "milestone c");
    assert_non_null(strstr(g->message, "c -> a -> b -> c"));
    assert_int_equal(g->sev, SEV_ERROR);
    assert_int_equal(g->related.n, 2);      /* the other two links */
    g = nth(c, "dependency_cycle", 1);
    assert_string_equal(g->subject, "milestone s");
    assert_non_null(strstr(g->message, "s -> s"));
    compile_free(c);
}

static void test_cycle_knot(void **state)
{
    (void)state;
    /* One strongly connected knot of four: one finding, the shortest cycle
     * through its first milestone, the others named. */
    Compilation *c = run_checks(HEAD
        "milestone p \"P\" {\n  after q, r\n}\n"
        "milestone q \"Q\" {\n  after r\n}\n"
        "milestone r \"R\" {\n  after p, t\n}\n"
        "milestone t \"T\" {\n  after q\n}\n");
    assert_int_equal(count_check(c, "dependency_cycle"), 1);
    const Diagnostic *g = nth(c, "dependency_cycle", 0);
    assert_string_equal(g->subject, "milestone p");
    assert_non_null(strstr(g->message, "p -> r -> p"));
    assert_non_null(strstr(g->message, "'q'"));
    assert_non_null(strstr(g->message, "'t'"));
    compile_free(c);
}

/* Fails unless `check` takes time linear in the size of the models that
 * build() makes of sizes n and GROWTH_FACTOR n. */
static void assert_linear(Compilation *(*build)(Buf *b, int n), int n, void (*check)(CheckCtx *x),
                          const char *what)
{
    Buf bs, bl;
    Compilation *small = build(&bs, n), *large = build(&bl, n * GROWTH_FACTOR);
    double r;
    if (!growth_check_linear(small, large, check, &r))
        fail_msg("%d times %s took %.1f times as long", GROWTH_FACTOR, what, r);
    compile_free(small);
    compile_free(large);
    buf_free(&bs);
    buf_free(&bl);
}

/* A chain of n milestones closed into one cycle (m0 after m1, ...,
 * m(n-1) after m0), checked: one finding that spells the whole cycle. */
static Compilation *cycle_chain(Buf *b, int n)
{
    buf_init(b);
    buf_puts(b, HEAD);
    for (int i = 0; i < n; i++)
        buf_printf(b, "milestone m%d \"M\" {\n  after m%d\n}\n", i, (i + 1) % n);
    Compilation *c = run_checks(buf_cstr(b));
    assert_int_equal(count_check(c, "dependency_cycle"), 1);
    const Diagnostic *g = nth(c, "dependency_cycle", 0);
    assert_string_equal(g->subject, "milestone m0");
    assert_non_null(strstr(g->message, "m0 -> m1 -> m2 -> "));
    char last[32];
    snprintf(last, sizeof last, "-> m%d -> m0", n - 1);
    assert_non_null(strstr(g->message, last));
    assert_int_equal(g->related.n, n - 1);
    return c;
}

/* A cycle through 50000 milestones: the iterative search does not
 * overflow the stack. */
static void test_cycle_long_chain(void **state)
{
    (void)state;
    Buf b;
    compile_free(cycle_chain(&b, 50000));
    buf_free(&b);
}

/* The cycle check takes time linear in the length of the chain: a chain 8
 * times as long (2500, then 20000) takes about 8 times as long. */
static void test_cycle_check_is_linear(void **state)
{
    (void)state;
    assert_linear(cycle_chain, 2500, check_dependency_cycle, "the chain");
}

/* n activities under one (goal, need) key, each led by its own partner on
 * a day of its own, and one more activity on the first day: that one is
 * the only redundancy. */
static Compilation *redundancy_days(Buf *b, int n)
{
    buf_init(b);
    buf_puts(b, HEAD "agenda {\n  need n \"N\"\n}\ngoal g \"G\" {}\n");
    int32_t first = date_from_civil(2000, 1, 1);
    for (int i = 0; i < n; i++) {
        char d[16];
        date_iso(first + i, d);
        buf_printf(b, "partner p%d \"P\" { sector community }\n"
                      "activity a%d \"A\" {\n  lead p%d\n  supports g\n  addresses n\n"
                      "  period %s to %s\n}\n",
                   i, i, i, d, d);
    }
    buf_puts(b, "activity extra \"Extra\" {\n  lead pa\n  supports g\n  addresses n\n"
                "  period 1999-06-01 to 2000-01-01\n}\n");
    Compilation *c = run_checks(buf_cstr(b));
    assert_int_equal(count_check(c, "redundant_activity"), 1);
    assert_string_equal(nth(c, "redundant_activity", 0)->subject, "activity a0");
    return c;
}

/* The redundancy check sweeps the activities of a key in date order and
 * keeps only those still running, so it compares none of the activities
 * of separate days: 8 times as many of them (2500, then 20000) take about
 * 8 times as long (a sort: a little longer), where comparing all pairs
 * would take 64 times as long. */
static void test_redundancy_sweep(void **state)
{
    (void)state;
    assert_linear(redundancy_days, 2500, check_redundant_activity, "the activities");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_requirement_exceeds_plan),
        cmocka_unit_test(test_cycle_none),
        cmocka_unit_test(test_cycle_spelled),
        cmocka_unit_test(test_cycle_knot),
        cmocka_unit_test(test_cycle_long_chain),
        cmocka_unit_test(test_cycle_check_is_linear),
        cmocka_unit_test(test_redundancy_sweep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
