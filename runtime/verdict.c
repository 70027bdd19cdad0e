/* verdict.c - the scorecard's rules.  See verdict.h. */
#include "verdict.h"

#include "lang.h"

#include <math.h>

double verdict_combine(Combine c, const double *v, int n)
{
    if (n == 0)
        return NAN;
    double r = v[0];
    switch (c) {
    case COMBINE_SUM:
    case COMBINE_MEAN:
        for (int i = 1; i < n; i++)
            r += v[i];
        if (c == COMBINE_MEAN && !isfinite(r)) {
            /* Finite values whose sum overflows still have a finite mean. */
            r = 0;
            for (int i = 0; i < n; i++)
                r += v[i] / n;
            return r;
        }
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

bool verdict_meets(double value, double goal, int direction)
{
    /* A relative tolerance absorbs binary rounding (0.1 + 0.2 meets 0.3). */
    double eps = 1e-9 * fmax(1.0, fabs(goal));
    return direction < 0 ? value <= goal + eps : value >= goal - eps;
}

VerdictStatus verdict_status(bool has_value, double value, bool has_planned, double planned,
                             bool has_target, double last_target, int direction)
{
    if (!has_value)
        return VERDICT_NO_DATA;
    if (has_target && verdict_meets(value, last_target, direction))
        return VERDICT_ACHIEVED;
    if (!has_planned || verdict_meets(value, planned, direction))
        return VERDICT_ON_TRACK;
    return VERDICT_BEHIND;
}

VerdictState verdict_state(VerdictEvent ev, bool holds, int32_t due, int32_t as_of)
{
    if (ev == VERDICT_EVENT_DONE)
        return VERDICT_DONE;
    if (ev == VERDICT_EVENT_CANCELLED)
        return VERDICT_CANCELLED;
    if (holds)
        return VERDICT_MET;
    if (due == DATE_NONE)
        return VERDICT_PENDING;
    if (as_of > due)
        return VERDICT_OVERDUE;
    if (due - as_of <= VERDICT_DUE_SOON_DAYS)
        return VERDICT_DUE_SOON;
    return VERDICT_PENDING;
}

const char *verdict_status_name(VerdictStatus s)
{
    static const char *const names[] = {"no_data", "achieved", "on_track", "behind"};
    return names[s];
}

const char *verdict_state_name(VerdictState s)
{
    static const char *const names[] = {"done", "cancelled", "met", "overdue", "due_soon", "pending"};
    return names[s];
}

const char *verdict_status_text(VerdictStatus s)
{
    /* TRANSLATORS: an indicator's status (and a goal's), in the scorecard's
     * tables and badges. */
    static const char *const w[] = {N_("no data"), N_("achieved"), N_("on track"), N_("behind")};
    return L_(w[s]);
}

const char *verdict_state_text(VerdictState s)
{
    /* TRANSLATORS: a milestone's state, in the scorecard's tables, the
     * dashboard's badges and its timeline. */
    static const char *const w[] = {N_("done"), N_("cancelled"), N_("met"), N_("overdue"),
                                    N_("due soon"), N_("pending")};
    return L_(w[s]);
}
