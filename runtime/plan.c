/* plan.c - trajectories, statuses and reporting periods.  See plan.h. */
#include "plan.h"

#include <math.h>

int plan_build(PlanPt *pts, const PlanPt *targets, int ntargets, bool has_base, PlanPt base)
{
    int n = 0;
    if (has_base)
        pts[n++] = base;
    for (int i = 0; i < ntargets; i++) {
        PlanPt t = targets[i];
        if (has_base && t.date < base.date)
            continue;
        /* Insertion keeps date order; an equal date replaces (later wins). */
        int k = n;
        while (k > 0 && pts[k - 1].date > t.date)
            k--;
        if (k > 0 && pts[k - 1].date == t.date) {
            pts[k - 1] = t;
            continue;
        }
        for (int j = n; j > k; j--)
            pts[j] = pts[j - 1];
        pts[k] = t;
        n++;
    }
    return n;
}

bool plan_at(const PlanPt *pts, int n, int32_t date, double *value)
{
    if (n == 0 || date < pts[0].date)
        return false;
    for (int i = 0; i + 1 < n; i++) {
        if (date < pts[i + 1].date) {
            double span = (double)pts[i + 1].date - pts[i].date;
            double f = (double)(date - pts[i].date) / span;
            *value = pts[i].value + (pts[i + 1].value - pts[i].value) * f;
            return true;
        }
    }
    *value = pts[n - 1].value;
    return true;
}

bool plan_meets(double value, double goal, int direction)
{
    /* A relative tolerance absorbs binary rounding (0.1 + 0.2 meets 0.3). */
    double eps = 1e-9 * fmax(1.0, fabs(goal));
    return direction < 0 ? value <= goal + eps : value >= goal - eps;
}

PlanStatus plan_status(bool has_value, double value, bool has_planned, double planned,
                       bool has_target, double last_target, int direction)
{
    if (!has_value)
        return PLAN_NO_DATA;
    if (has_target && plan_meets(value, last_target, direction))
        return PLAN_ACHIEVED;
    if (!has_planned || plan_meets(value, planned, direction))
        return PLAN_ON_TRACK;
    return PLAN_BEHIND;
}

PlanState plan_state(PlanEvent ev, PlanTruth requirement, int32_t due, int32_t as_of)
{
    if (ev == PLAN_EVENT_DONE)
        return PLAN_DONE;
    if (ev == PLAN_EVENT_CANCELLED)
        return PLAN_CANCELLED;
    if (requirement == PLAN_TRUE)
        return PLAN_MET;
    if (due == DATE_NONE)
        return PLAN_PENDING;
    if (as_of > due)
        return PLAN_OVERDUE;
    if (due - as_of <= PLAN_DUE_SOON_DAYS)
        return PLAN_DUE_SOON;
    return PLAN_PENDING;
}

double plan_combine(Combine c, const double *v, int n)
{
    if (n == 0)
        return NAN;
    double r = v[0];
    switch (c) {
    case COMBINE_SUM:
    case COMBINE_MEAN:
        for (int i = 1; i < n; i++)
            r += v[i];
        return c == COMBINE_MEAN ? r / n : r;
    case COMBINE_MIN:
        for (int i = 1; i < n; i++)
            r = fmin(r, v[i]);
        return r;
    case COMBINE_MAX:
        for (int i = 1; i < n; i++)
            r = fmax(r, v[i]);
        return r;
    case COMBINE_LATEST:
        /* The caller passes values in date order: the last is the latest. */
        return v[n - 1];
    }
    return r;
}

static int months_per(DurUnit u)
{
    return u == DUR_MONTH ? 1 : u == DUR_QUARTER ? 3 : u == DUR_YEAR ? 12 : 0;
}

int32_t plan_period_start(int32_t anchor, Duration f, int k)
{
    Duration d = f;
    d.n = f.n * k;
    return date_add(anchor, d);
}

int plan_period_of(int32_t anchor, Duration f, int32_t date)
{
    if (f.n <= 0 || date < anchor)
        return -1;
    int mp = months_per(f.unit);
    if (mp == 0) {
        int step = f.n * (f.unit == DUR_WEEK ? 7 : 1);
        return (int)((date - anchor) / step);
    }
    int ay, am, ad, y, m, d;
    date_to_civil(anchor, &ay, &am, &ad);
    date_to_civil(date, &y, &m, &d);
    int k = ((y - ay) * 12 + (m - am)) / (mp * f.n);
    /* The estimate is off by at most one period (day of month, clamping). */
    while (plan_period_start(anchor, f, k + 1) <= date)
        k++;
    while (k > 0 && plan_period_start(anchor, f, k) > date)
        k--;
    return k;
}

int plan_periods_due(int32_t anchor, Duration f, int32_t as_of, int32_t until)
{
    if (f.n <= 0 || as_of < anchor)
        return 0;
    /* Period k has ended by as_of when start(k + 1) <= as_of + 1. */
    int k = plan_period_of(anchor, f, as_of + 1);
    int n = k < 0 ? 0 : k;
    if (until != DATE_NONE) {
        int last = plan_period_of(anchor, f, until);   /* the period holding the term's end */
        if (last >= 0 && n > last + 1)
            n = last + 1;
    }
    return n;
}

const char *plan_status_name(PlanStatus s)
{
    static const char *const names[] = {"no_data", "achieved", "on_track", "behind"};
    return names[s];
}

const char *plan_state_name(PlanState s)
{
    static const char *const names[] = {"done", "cancelled", "met", "overdue", "due_soon", "pending"};
    return names[s];
}
