/* growth.h - for the unit tests that show that the front end and the
 * checks take time linear in the size of the model: they time the work on
 * an input and on one GROWTH_FACTOR times as large, and compare the two
 * times.
 *
 * An absolute limit ("runs in under 20 s") says little: it lets work over
 * all pairs through on a fast machine and fails linear work on a slow or
 * busy one. The ratio of two sizes measured in one process does neither.
 * On 8 times the input, linear work takes about 8 times as long and
 * n log n work (a sort) about 10; the larger input no longer fits in the
 * processor's caches, which on a busy machine can double that (the most
 * seen is 20). Work over all pairs takes 64 times as long (53 for a loop
 * over all pairs added to a linear check). GROWTH_LINEAR_MAX lies
 * between.
 *
 * The time is the process's processor time, so that other programs on
 * the machine count little. Work that takes a few microseconds is called
 * again and again until the calls add up to GROWTH_ROUND, so that the
 * clock's granularity does not count, and the least of GROWTH_RUNS such
 * rounds is kept: the round least disturbed. Under GROWTH_FLOOR on the
 * larger input the ratio says nothing: there the time depends on whether
 * the memory the work touches was touched before, and work over all pairs
 * of a few thousand elements (millions of pairs) takes far longer.
 *
 * A machine running other test suites can still disturb one comparison
 * (37 seen for an n log n check while three suites ran on two
 * processors), so a comparison that fails is made again, up to
 * GROWTH_TRIES times: work over all pairs fails every one of them,
 * linear work passes one. */
#ifndef GROWTH_H
#define GROWTH_H

#include <stdbool.h>
#include <time.h>

#include "checks.h"

#define GROWTH_FACTOR 8
#define GROWTH_LINEAR_MAX 32.0
#define GROWTH_RUNS 5
#define GROWTH_ROUND 2e-3
#define GROWTH_FLOOR 2e-3
#define GROWTH_TRIES 3

/* The processor time of this process so far, in seconds. */
static inline double growth_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The processor time of one call of work(arg). */
static inline double growth_time(void (*work)(void *arg), void *arg)
{
    double best = 0;
    for (int r = 0; r < GROWTH_RUNS; r++) {
        int calls = 0;
        double t0 = growth_now(), t;
        do {
            work(arg);
            calls++;
            t = growth_now() - t0;
        } while (t < GROWTH_ROUND);
        t /= calls;
        if (r == 0 || t < best)
            best = t;
    }
    return best;
}

typedef struct GrowthCheck {
    CheckCtx x;
    void (*run)(CheckCtx *x);
} GrowthCheck;

static inline void growth_check_once(void *arg)
{
    GrowthCheck *g = arg;
    g->x.scratch = arena_new();
    g->run(&g->x);
    arena_free(g->x.scratch);
}

/* The processor time of one run of `check` over c's model. The model has
 * been checked already: the runs add findings that nobody reads. */
static inline double growth_check_time(Compilation *c, void (*check)(CheckCtx *x))
{
    CheckOptions o;
    checks_default_options(&o);
    GrowthCheck g = {{c, c->model, &o, NULL}, check};
    return growth_time(growth_check_once, &g);
}

/* Whether `large` seconds on GROWTH_FACTOR times the input that took
 * `small` seconds is linear growth. */
static inline bool growth_linear(double small, double large)
{
    return large < GROWTH_FLOOR || large < GROWTH_LINEAR_MAX * small;
}

/* Whether work(large_arg) takes time linear in work(small_arg)'s, tried
 * up to GROWTH_TRIES times; *ratio gets the last ratio of the times. */
static inline bool growth_work_linear(void (*work)(void *arg), void *small_arg, void *large_arg,
                                      double *ratio)
{
    for (int k = 0; k < GROWTH_TRIES; k++) {
        double ts = growth_time(work, small_arg), tl = growth_time(work, large_arg);
        *ratio = tl / ts;
        if (growth_linear(ts, tl))
            return true;
    }
    return false;
}

/* The same for a check over the models of two compilations. */
static inline bool growth_check_linear(Compilation *small, Compilation *large,
                                       void (*check)(CheckCtx *x), double *ratio)
{
    for (int k = 0; k < GROWTH_TRIES; k++) {
        double ts = growth_check_time(small, check), tl = growth_check_time(large, check);
        *ratio = tl / ts;
        if (growth_linear(ts, tl))
            return true;
    }
    return false;
}

#endif
