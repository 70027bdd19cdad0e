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

/* O(t log t) for t targets.  One array: the targets are sorted after the
 * slot of the baseline, then compacted towards the front; the write
 * position never passes the read position. */
void traj_build_from(Arena *a, const Indicator *ind, const TrajPoint *base, Trajectory *t)
{
    TrajPoint *p = arena_alloc(a, (size_t)(ind->targets.n + 1) * sizeof *p);
    int n = 1;
    for (int i = 0; i < ind->targets.n; i++) {
        const Target *tg = &ind->targets.v[i];
        if (base && tg->date < base->date)
            continue;       /* none before the baseline */
        p[n++] = (TrajPoint){tg->date, tg->value, false, tg->span};
    }
    qsort(p + 1, (size_t)(n - 1), sizeof *p, cmp_point);
    /* The baseline goes first; a target on its date replaces it. */
    int k = 0;
    if (base)
        p[k++] = *base;
    for (int i = 1; i < n; i++) {
        if (k > 0 && p[k - 1].date == p[i].date)
            p[k - 1] = p[i];
        else
            p[k++] = p[i];
    }
    t->pts = p;
    t->n = k;
}

void traj_build(Arena *a, const Indicator *ind, Trajectory *t)
{
    TrajPoint base = {ind->baseline_date, ind->baseline, true, ind->baseline_span};
    traj_build_from(a, ind, ind->has_baseline ? &base : NULL, t);
}

bool traj_has_target(const Trajectory *t)
{
    return t->n > 0 && !t->pts[t->n - 1].is_baseline;
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
        /* The fraction of the segment first, then the rise: the tracker's
         * JSON prints the planned value to the last bit. */
        double f = (double)(date - a->date) / (double)(c->date - a->date);
        *value = a->value + (c->value - a->value) * f;
    }
    if (lo)
        *lo = l;
    if (hi)
        *hi = b;
    return w;
}
