/* results.c - the results-based scorecard (results_).  See results.h. */
#include "results.h"
#include "privacy.h"

#include <math.h>

/* Steps back from the latest period value that go the same way:
 * positive the right way for the indicator's direction, negative the
 * wrong way, 0 when the latest step is flat. */
static int trend_of(const double *v, int n, int direction)
{
    int dir = direction < 0 ? -1 : 1, sign = 0, count = 0;
    for (int k = n - 1; k > 0; k--) {
        double d = (v[k] - v[k - 1]) * dir;
        int sg = d > 0 ? 1 : d < 0 ? -1 : 0;
        if (sg == 0 || (sign != 0 && sg != sign))
            break;
        sign = sg;
        count++;
    }
    return sign * count;
}

/* The least-squares line through (x, y) read at x0; false when the x
 * are all equal. */
static bool fit_at(const int32_t *x, const double *y, int n, int32_t x0, double *out)
{
    double mx = 0, my = 0;
    for (int k = 0; k < n; k++) {
        mx += (double)(x[k] - x[0]);
        my += y[k];
    }
    mx /= n;
    my /= n;
    double sxx = 0, sxy = 0;
    for (int k = 0; k < n; k++) {
        double dx = (double)(x[k] - x[0]) - mx;
        sxx += dx * dx;
        sxy += dx * (y[k] - my);
    }
    if (sxx == 0)
        return false;
    double v = my + sxy / sxx * ((double)(x0 - x[0]) - mx);
    if (!isfinite(v))
        return false;
    *out = v;
    return true;
}

/* The last target in date order (of two on one date, the later in the
 * file), as the plan reads them; NULL when there is none. */
static const Target *last_target(const Indicator *ind)
{
    const Target *last = NULL;
    for (int k = 0; k < ind->targets.n; k++)
        if (!last || ind->targets.v[k].date >= last->date)
            last = &ind->targets.v[k];
    return last;
}

static void result_of(Score *s, int i, Result *r)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ScoreInd *si = &s->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    r->agenda = !si->has_value && !si->overflow;
    if (si->suppressed)
        return;
    if (si->has_value && si->has_base) {
        r->has_change = true;
        r->change = si->value - si->base;
        if (si->base != 0) {
            r->has_change_pct = true;
            r->change_pct = r->change / fabs(si->base) * 100;
        }
    }
    if (si->has_value && !ind->formula && oi->freq.n > 0) {
        int32_t late = date_add(date_add(si->date, oi->freq), oi->freq) + RESULTS_GRACE_DAYS;
        r->stale = late < s->as_of;
    }
    int32_t dates[OBS_RING];
    double vals[OBS_RING];
    int n = score_period_values(s, i, dates, vals);
    for (int k = 0; k < n; k++)
        if (score_hidden(s, i, vals[k]))
            return;     /* a small period value could be worked out */
    int den = priv_denominator(s, i);
    if (den >= 0) {
        /* A rate's periods are shown only where its denominator's are. */
        int32_t dd[OBS_RING];
        double dv[OBS_RING];
        int nd = score_period_values(s, den, dd, dv);
        if (nd == 0)
            return;
        for (int k = 0; k < nd; k++)
            if (!(dv[k] >= t->min_cell))
                return;
    }
    if (n >= 2) {
        r->has_trend = true;
        r->trend = trend_of(vals, n, ind->direction);
    }
    const Target *tg = last_target(ind);
    if (n >= RESULTS_MIN_POINTS && tg && fit_at(dates, vals, n, tg->date, &r->forecast)) {
        r->has_forecast = true;
        r->forecast_date = tg->date;
        r->forecast_meets = verdict_meets(r->forecast, tg->value, ind->direction);
    }
}

void results_compute(Score *s)
{
    Trk *t = s->t;
    s->res = arena_alloc(t->a, sizeof *s->res * (size_t)(t->nind ? t->nind : 1));
    for (int i = 0; i < t->nind; i++)
        result_of(s, i, &s->res[i]);
}
