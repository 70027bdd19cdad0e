/* score_plan.c - the scorecard's reporting rules (score_): totals over a
 * calendar year or quarter (`totals`), targets for breakdown cells, and
 * the missing reports of each reporter (oblig.h).  See score.h. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <string.h>

#include "oblig.h"
#include "period.h"
#include "score.h"
#include "score_int.h"

/* ---- totals over a span (`totals yearly|quarterly`) ----------------------- */

/* Whether indicator i is judged by totals over a span: per-period values
 * with a frequency, whose rows the scan kept (bundle_index: HISTORY). */
bool score_totals_of(const Score *s, int i)
{
    const Indicator *ind = s->t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    return ind->totals != TOTALS_NONE && ind->values == VALUES_PER_PERIOD && oi->freq.n > 0 &&
           oi->anchor != DATE_NONE && oi->history;
}

void score_totals_span(Totals tt, int32_t d, int32_t *lo, int32_t *hi)
{
    int y, m, day;
    date_to_civil(d, &y, &m, &day);
    if (tt == TOTALS_YEARLY) {
        *lo = date_from_civil(y, 1, 1);
        *hi = date_from_civil(y + 1, 1, 1) - 1;
    } else {
        int q = (m - 1) / 3 * 3 + 1;
        *lo = date_from_civil(y, q, 1);
        *hi = (q == 10 ? date_from_civil(y + 1, 1, 1) : date_from_civil(y, q + 3, 1)) - 1;
    }
}

/* The total so far in the span of the latest value on or before d: the
 * sum, over the reporting periods of that span, of each period's value
 * (the combined series' last value dated in the period). */
double score_totals_value(Score *s, int i, int32_t d, int32_t *vdate)
{
    const ObsInd *oi = &s->obs.ind[i];
    charter_series cs;
    score_series(s, i, d, &cs);
    *vdate = DATE_NONE;
    if (cs.count == 0)
        return NAN;
    int32_t last = cs.dates[cs.count - 1], lo, hi;
    score_totals_span(s->t->ind[i]->totals, last, &lo, &hi);
    double total = 0;
    for (size_t k = cs.count; k-- > 0 && cs.dates[k] >= lo;) {
        bool last_of_period = k + 1 == cs.count || period_of(oi->anchor, oi->freq, cs.dates[k + 1]) !=
                                                      period_of(oi->anchor, oi->freq, cs.dates[k]);
        if (last_of_period)
            total += cs.values[k];
    }
    *vdate = last;
    return total;
}

/* The plan of a totals indicator at d: the target of d's span (the last
 * target dated on or before the span's end, later ones in the file
 * winning on one date) spread evenly over the span's reporting periods in
 * season, as far as the periods started by d.  False when there is no
 * such target or no period. */
bool score_totals_plan(const Score *s, int i, int32_t d, double *out, double *target)
{
    const Indicator *ind = s->t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    int32_t lo, hi;
    score_totals_span(ind->totals, d, &lo, &hi);
    const Target *tg = NULL;
    for (int k = 0; k < ind->targets.n; k++) {
        const Target *x = &ind->targets.v[k];
        if (x->date <= hi && (!tg || x->date >= tg->date))
            tg = x;
    }
    if (!tg)
        return false;
    Oblig ob;
    if (!oblig_init(&ob, s->t->m, ind, oi->anchor, oi->freq))
        return false;
    int k0 = lo <= oi->anchor ? 0 : period_of(oi->anchor, oi->freq, lo);
    if (period_start(oi->anchor, oi->freq, k0) < lo)
        k0++;
    int all = 0, started = 0;
    for (int k = k0; period_start(oi->anchor, oi->freq, k) <= hi && all < 100000; k++)
        if (oblig_in_season(&ob, k)) {
            all++;
            started += period_start(oi->anchor, oi->freq, k) <= d;
        }
    if (all == 0)
        return false;
    *out = tg->value * started / all;
    *target = tg->value;
    return true;
}

/* ---- targets for a breakdown cell ------------------------------------------- */

/* Reporter r's value of cell (k, v) at d: the sum of its full cells with
 * value v of dimension k at the latest date on or before d that has any.
 * The rows are kept for such indicators (bundle_index: HISTORY). */
static bool cell_rep_value(const ObsInd *oi, int r, int k, int v, int32_t d, RepVal *out)
{
    const ObsSeries *se = &oi->s[r];
    int32_t at = DATE_NONE;
    for (int j = 0; j < se->nrows; j++) {
        const ObsRow *row = &se->rows[j];
        if (row->cell >= 0 && row->date <= d && (at == DATE_NONE || row->date > at) &&
            obs_full_cell(oi, row->cell))
            at = row->date;
    }
    if (at == DATE_NONE)
        return false;
    double sum = 0;
    bool any = false;
    for (int j = 0; j < se->nrows; j++) {
        const ObsRow *row = &se->rows[j];
        if (row->date == at && row->cell >= 0 && obs_full_cell(oi, row->cell) &&
            obs_cell_value(oi, row->cell, k) == v) {
            sum += row->value;
            any = true;
        }
    }
    out->date = at;
    out->value = sum;
    return any;
}

/* The plan and status of each cell with targets (score.h). */
void score_cells_of(Score *s, int i)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    for (int c = 0; c < ind->cell_targets.n; c++) {
        const Target *tg = &ind->cell_targets.v[c];
        bool seen = false;
        for (int e = 0; e < c && !seen; e++)
            seen = ind->cell_targets.v[e].dim == tg->dim && ind->cell_targets.v[e].cell == tg->cell;
        int k = 0;
        while (k < ind->dims.n && ind->dims.v[k] != tg->dim)
            k++;
        if (seen || k == ind->dims.n || k >= oi->ndims)
            continue;
        ScoreCell *sc = &s->cells[s->ncells++];
        *sc = (ScoreCell){i, tg->dim, tg->cell, false, 0, false, DATE_NONE, false, 0,
                          VERDICT_NO_DATA};
        /* The cell's own plan: its targets, from the indicator's baseline
         * when that is zero (zero in every cell), else from the first. */
        Indicator only = *ind;
        only.has_baseline = ind->has_baseline && ind->baseline == 0;
        only.targets.v = arena_alloc(t->a, sizeof *only.targets.v * (size_t)ind->cell_targets.n);
        only.targets.n = 0;
        for (int e = 0; e < ind->cell_targets.n; e++)
            if (ind->cell_targets.v[e].dim == tg->dim && ind->cell_targets.v[e].cell == tg->cell)
                only.targets.v[only.targets.n++] = ind->cell_targets.v[e];
        Trajectory plan;
        traj_build(t->a, &only, &plan);
        RepVal rv[64];
        int n = 0;
        for (int r = 0; r < oi->nrep && n < 64; r++)
            if (cell_rep_value(oi, r, k, tg->cell, s->as_of, &rv[n]))
                rv[n].order = r, n++;
        int32_t vd = DATE_NONE;
        double v = score_combine(s, i, rv, n, &vd);
        sc->has_value = isfinite(v);
        sc->value = sc->has_value ? v : 0;
        sc->date = sc->has_value ? vd : DATE_NONE;
        sc->suppressed = sc->has_value && score_hidden(s, i, v);
        sc->has_planned = traj_at(&plan, sc->has_value ? vd : s->as_of, &sc->planned, NULL,
                                  NULL) != TRAJ_NONE;
        double last = plan.n ? plan.pts[plan.n - 1].value : 0;
        sc->status = verdict_status(sc->has_value, sc->value, sc->has_planned, sc->planned,
                                    traj_has_target(&plan), last, ind->direction);
    }
}

/* The missing reports of each reporter of indicator i (oblig.h): the
 * periods it owes whose deadline has passed and that have no report. */
void score_missing_of(Score *s, int i)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    s->missing[i] = arena_alloc(t->a, sizeof **s->missing * (size_t)(oi->nrep ? oi->nrep : 1));
    Oblig ob;
    if (oi->nper <= 0 || !oblig_init(&ob, t->m, ind, oi->anchor, oi->freq))
        return;
    int last = oblig_last_missed(&ob, s->as_of);
    for (int r = 0; r < oi->nrep; r++) {
        int lo, hi, miss = 0;
        oblig_window(&ob, t->m, ind->reporters.v[r], &lo, &hi);
        if (hi > last)
            hi = last;
        for (int k = lo; k <= hi; k++)
            miss += oblig_in_season(&ob, k) && !obs_reported(&s->obs, i, r, k);
        s->missing[i][r] = miss;
        int p = trk_partner_of(t, ind->reporters.v[r]);
        if (p >= 0)
            s->part[p].missing_reports += miss;
    }
}
