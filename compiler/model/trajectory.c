/* trajectory.c - an indicator's planned trajectory (see trajectory.h). */
#include "trajectory.h"

#include <stdlib.h>

/* Date order; source order breaks ties, so the later statement of two on
 * one date comes last and wins. */
static int cmp_point(const void *a, const void *b)
{
    const TrajPoint *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->span.file != y->span.file)
        return x->span.file < y->span.file ? -1 : 1;
    return x->span.lo < y->span.lo ? -1 : x->span.lo > y->span.lo;
}

/* O(t log t) for t targets. */
void traj_build(Arena *a, const Indicator *ind, Trajectory *t)
{
    int cap = ind->targets.n + 1;
    TrajPoint *p = arena_alloc(a, (size_t)cap * sizeof *p);
    int n = 0;
    for (int i = 0; i < ind->targets.n; i++) {
        const Target *tg = &ind->targets.v[i];
        if (ind->has_baseline && tg->date < ind->baseline_date)
            continue;       /* none before the baseline */
        p[n++] = (TrajPoint){tg->date, tg->value, false, tg->span};
    }
    qsort(p, (size_t)n, sizeof *p, cmp_point);
    /* The baseline goes first; a target on its date replaces it. */
    int k = 0;
    TrajPoint *out = arena_alloc(a, (size_t)cap * sizeof *out);
    if (ind->has_baseline)
        out[k++] = (TrajPoint){ind->baseline_date, ind->baseline, true, ind->baseline_span};
    for (int i = 0; i < n; i++) {
        if (k > 0 && out[k - 1].date == p[i].date)
            out[k - 1] = p[i];
        else
            out[k++] = p[i];
    }
    t->pts = out;
    t->n = k;
}

/* O(log n): binary search for the last point on or before `date`. */
TrajWhere traj_at(const Trajectory *t, int32_t date, double *value, int *lo, int *hi)
{
    double v_;
    if (!value)
        value = &v_;
    if (t->n == 0 || date == DATE_NONE || date < t->pts[0].date)
        return TRAJ_NONE;
    int l = 0, h = t->n - 1;
    while (l < h) {             /* invariant: pts[l].date <= date */
        int mid = l + (h - l + 1) / 2;
        if (t->pts[mid].date <= date)
            l = mid;
        else
            h = mid - 1;
    }
    const TrajPoint *a = &t->pts[l];
    TrajWhere w;
    int b = l;
    if (a->date == date) {
        w = TRAJ_AT;
        *value = a->value;
    } else if (l == t->n - 1) {
        w = TRAJ_HELD;
        *value = a->value;
    } else {
        b = l + 1;
        const TrajPoint *c = &t->pts[b];
        w = TRAJ_BETWEEN;
        *value = a->value + (c->value - a->value) * (double)(date - a->date) /
                                (double)(c->date - a->date);
    }
    if (lo)
        *lo = l;
    if (hi)
        *hi = b;
    return w;
}
