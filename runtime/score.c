/* score.c - computing the scorecard.  See score.h. */
#define _POSIX_C_SOURCE 200809L
#include "score.h"
#include "score_int.h"
#include "results.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "csv.h"
#include "exprtext.h"
#include "oblig.h"
#include "period.h"
#include "privacy.h"

typedef struct MemoEnt {
    int32_t date, vdate;
    double value;               /* NaN: no value */
    bool overflow;              /* no value because it overflowed */
} MemoEnt;

typedef struct ScoreMemo {
    VEC(MemoEnt) ents;
    bool busy;                  /* being evaluated: a formula cycle gives no value */
    bool series_done;
    double *sv;                 /* the combined series */
    int32_t *sd;
    int sn;
} ScoreMemo;


bool score_percent(const Indicator *ind)
{
    return ind->unit && strcmp(ind->unit->d.id, "percent") == 0;
}

bool score_rate(const Indicator *ind)
{
    return ind->denominator || score_percent(ind);
}

/* The total, or the sum of full cells when they are more recent (see score.h). */
static bool rep_value(const Indicator *ind, int32_t tdate, double total, int32_t cdate,
                      double csum, RepVal *out)
{
    bool pct = score_percent(ind);
    if (tdate != DATE_NONE && (cdate == DATE_NONE || tdate >= cdate || pct)) {
        out->date = tdate;
        out->value = total;
        return true;
    }
    if (cdate != DATE_NONE && !pct) {
        out->date = cdate;
        out->value = csum;
        return true;
    }
    return false;
}

static int by_date(const void *a, const void *b)
{
    const RepVal *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return x->order - y->order;
}

/* Combines the reporters' values (see score.h for per_period). */
double score_combine(const Score *s, int i, RepVal *rv, int n, int32_t *vdate)
{
    const Indicator *ind = s->t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    if (n == 0)
        return NAN;
    int32_t latest = rv[0].date;
    for (int k = 1; k < n; k++)
        if (rv[k].date > latest)
            latest = rv[k].date;
    if (ind->values == VALUES_PER_PERIOD && oi->freq.n > 0 && oi->anchor != DATE_NONE) {
        int p = period_of(oi->anchor, oi->freq, latest);
        int m = 0;
        for (int k = 0; k < n; k++)
            if (period_of(oi->anchor, oi->freq, rv[k].date) == p)
                rv[m++] = rv[k];
        n = m;
    }
    if (n > 1)
        qsort(rv, (size_t)n, sizeof *rv, by_date);
    double v[64] = {0};
    double *vals = n <= 64 ? v : malloc(sizeof *vals * (size_t)n);
    if (!vals)
        return NAN;
    for (int k = 0; k < n; k++)
        vals[k] = rv[k].value;
    double r = verdict_combine(ind->combine, vals, n);
    if (vals != v)
        free(vals);
    *vdate = latest;
    return r;
}

/* The periods of the rings of indicator i that every reporter's ring
 * covers, ascending, at most OBS_RING (the latest). */
static int ring_periods(const Score *s, int i, int32_t *per)
{
    const ObsInd *oi = &s->obs.ind[i];
    int32_t lo = -1;
    int n = 0;
    for (int r = 0; r < oi->nrep; r++) {
        const int32_t *rp;
        obs_ring(&s->obs, i, r, &rp);
        int32_t least = INT32_MAX;
        int used = 0;
        for (int j = 0; j < OBS_RING; j++)
            if (rp[j] >= 0) {
                used++;
                least = rp[j] < least ? rp[j] : least;
            }
        if (used == OBS_RING && least > lo)
            lo = least;   /* older periods of this reporter are forgotten */
    }
    for (int r = 0; r < oi->nrep; r++) {
        const int32_t *rp;
        obs_ring(&s->obs, i, r, &rp);
        for (int j = 0; j < OBS_RING; j++) {
            int32_t p = rp[j];
            if (p < lo || p < 0)
                continue;
            int k = 0;
            while (k < n && per[k] < p)
                k++;
            if (k < n && per[k] == p)
                continue;
            if (n == OBS_RING) {
                if (k == 0)
                    continue;   /* older than the OBS_RING kept */
                memmove(per, per + 1, sizeof *per * (size_t)(k - 1));
                per[k - 1] = p;
            } else {
                memmove(per + k + 1, per + k, sizeof *per * (size_t)(n - k));
                per[k] = p;
                n++;
            }
        }
    }
    return n;
}

int score_period_values(Score *s, int i, int32_t *dates, double *vals)
{
    const Indicator *ind = s->t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    if (ind->formula || oi->ring_base < 0 || oi->nrep == 0)
        return 0;
    int32_t per[OBS_RING];
    int np = ring_periods(s, i, per), n = 0;
    RepVal *rv = arena_alloc(s->t->a, sizeof *rv * (size_t)oi->nrep);
    for (int k = 0; k < np; k++) {
        int m = 0;
        for (int r = 0; r < oi->nrep; r++) {
            const int32_t *rp;
            const ObsSlot *rg = obs_ring(&s->obs, i, r, &rp);
            int best = -1;
            for (int j = 0; j < OBS_RING; j++)
                if (rp[j] >= 0 && rp[j] <= per[k] && (best < 0 || rp[j] > rp[best]))
                    best = j;
            if (best < 0 || (ind->values == VALUES_PER_PERIOD && rp[best] != per[k]))
                continue;
            const ObsSlot *v = &rg[best];
            if (rep_value(ind, v->tdate, v->total, v->cdate, v->csum, &rv[m])) {
                rv[m].order = r;
                m++;
            }
        }
        int32_t vd;
        double v = score_combine(s, i, rv, m, &vd);
        if (!isfinite(v))
            continue;
        dates[n] = vd;
        vals[n++] = v;
    }
    return n;
}

static double eval_src_value(void *env, int i, int32_t d, int32_t *vdate)
{
    return score_value(env, i, d, vdate);
}

static void eval_src_series(void *env, int i, int32_t d, charter_series *out)
{
    score_series(env, i, d, out);
}

double score_value(Score *s, int i, int32_t d, int32_t *vdate)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    ScoreMemo *mm = &s->memo[i];
    if (d > s->as_of)
        d = s->as_of;
    for (int k = 0; k < mm->ents.n; k++)
        if (mm->ents.v[k].date == d) {
            *vdate = mm->ents.v[k].vdate;
            return mm->ents.v[k].value;
        }
    double v = NAN;
    int32_t vd = DATE_NONE;
    if (mm->busy)
        return NAN;
    mm->busy = true;
    if (ind->formula) {
        v = eval_number(s->eval, ind->formula, d, &vd);
        if (isnan(v))
            vd = DATE_NONE;
    } else if (score_totals_of(s, i)) {
        mm->busy = false;   /* the series of a reported indicator reads no formula */
        v = score_totals_value(s, i, d, &vd);
    } else {
        const ObsInd *oi = &s->obs.ind[i];
        if (obs_has_eval(&s->obs, i, d)) {
            RepVal rv[64];
            int n = 0;
            for (int r = 0; r < oi->nrep && n < 64; r++) {
                const ObsSlot *sl = obs_slot(&s->obs, i, r, d);
                if (rep_value(ind, sl->tdate, sl->total, sl->cdate, sl->csum, &rv[n]))
                    rv[n].order = r, n++;
            }
            v = score_combine(s, i, rv, n, &vd);
        } else if (oi->history) {
            /* Between two dates of the series nothing changed. */
            charter_series cs;
            score_series(s, i, d, &cs);
            if (cs.count > 0) {
                v = cs.values[cs.count - 1];
                vd = cs.dates[cs.count - 1];
            }
        }
    }
    mm->busy = false;
    /* An infinity (reports that add up past the largest double) is no
     * value, never a number a status or a formula could read. */
    bool overflow = !isnan(v) && !isfinite(v);
    if (overflow) {
        v = NAN;
        vd = DATE_NONE;
    }
    MemoEnt me = {d, vd, v, overflow};
    VEC_PUSH(t->a, mm->ents, me);
    *vdate = vd;
    return v;
}

/* Whether indicator i's value at d (score_value() has been asked for it)
 * is missing because it overflowed. */
static bool memo_overflow(const Score *s, int i, int32_t d)
{
    const ScoreMemo *mm = &s->memo[i];
    if (d > s->as_of)
        d = s->as_of;
    for (int k = 0; k < mm->ents.n; k++)
        if (mm->ents.v[k].date == d)
            return mm->ents.v[k].overflow;
    return false;
}

static int row_cmp(const void *a, const void *b)
{
    const ObsRow *x = a, *y = b;
    return (x->date > y->date) - (x->date < y->date);
}

static int i32_cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

typedef VEC(int32_t) DateVec;

/* The dates at which a derived indicator's inputs change. */
static void collect_dates(Score *s, const Expr *x, DateVec *dates)
{
    if (!x)
        return;
    if (x->kind == EX_NAME && x->indicator) {
        int j = trk_indicator_of(s->t, x->indicator);
        if (j < 0)
            return;
        charter_series cs;
        score_series(s, j, s->as_of, &cs);
        for (size_t k = 0; k < cs.count; k++)
            VEC_PUSH(s->t->a, *dates, cs.dates[k]);
        return;
    }
    collect_dates(s, x->l, dates);
    collect_dates(s, x->r, dates);
    for (int k = 0; k < x->args.n; k++)
        collect_dates(s, x->args.v[k], dates);
}

/* One row of a reporter, for the sweep of build_series. */
typedef struct SweepRow {
    int32_t date;
    int rep;
    bool total;
    double value;
} SweepRow;

static int sweep_cmp(const void *a, const void *b)
{
    const SweepRow *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return x->rep - y->rep;
}

/* The combined value at each date a reporter changed: one sweep over the
 * rows in date order, keeping each reporter's latest total and cells. */
static void sweep_series(Score *s, int i)
{
    Trk *t = s->t;
    ScoreMemo *mm = &s->memo[i];
    const Indicator *ind = t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    int n = 0;
    for (int r = 0; r < oi->nrep; r++) {
        ObsSeries *se = &oi->s[r];
        if (se->nrows > 1)
            qsort(se->rows, (size_t)se->nrows, sizeof *se->rows, row_cmp);
        n += se->nrows;
    }
    SweepRow *rows = malloc(sizeof *rows * (size_t)(n ? n : 1));
    int32_t *td = malloc(sizeof *td * (size_t)(oi->nrep + 1) * 2);
    double *tv = malloc(sizeof *tv * (size_t)(oi->nrep + 1) * 2);
    RepVal *rv = malloc(sizeof *rv * (size_t)(oi->nrep + 1));
    if (!rows || !td || !tv || !rv) {
        free(rows), free(td), free(tv), free(rv);
        return;
    }
    int m = 0;
    for (int r = 0; r < oi->nrep; r++)
        for (int k = 0; k < oi->s[r].nrows; k++) {
            const ObsRow *row = &oi->s[r].rows[k];
            if (row->cell < 0 || obs_full_cell(oi, row->cell))
                rows[m++] = (SweepRow){row->date, r, row->cell < 0, row->value};
        }
    if (m > 1)
        qsort(rows, (size_t)m, sizeof *rows, sweep_cmp);
    /* td/tv[2r]: latest total; td/tv[2r + 1]: latest full cells (a sum). */
    for (int r = 0; r < 2 * oi->nrep; r++) {
        td[r] = DATE_NONE;
        tv[r] = 0;
    }
    mm->sv = arena_alloc(t->a, sizeof *mm->sv * (size_t)(m ? m : 1));
    mm->sd = arena_alloc(t->a, sizeof *mm->sd * (size_t)(m ? m : 1));
    for (int k = 0; k < m;) {
        int32_t date = rows[k].date;
        for (; k < m && rows[k].date == date; k++) {
            int slot = 2 * rows[k].rep + !rows[k].total;
            if (rows[k].total || td[slot] != date)
                tv[slot] = rows[k].value;
            else
                tv[slot] += rows[k].value;
            td[slot] = date;
        }
        int nr = 0;
        for (int r = 0; r < oi->nrep; r++)
            if (rep_value(ind, td[2 * r], tv[2 * r], td[2 * r + 1], tv[2 * r + 1], &rv[nr]))
                rv[nr].order = r, nr++;
        int32_t vd;
        double v = score_combine(s, i, rv, nr, &vd);
        if (!isfinite(v))
            continue;
        mm->sd[mm->sn] = date;
        mm->sv[mm->sn] = v;
        mm->sn++;
    }
    free(rows);
    free(td);
    free(tv);
    free(rv);
}

static void build_series(Score *s, int i)
{
    Trk *t = s->t;
    ScoreMemo *mm = &s->memo[i];
    const Indicator *ind = t->ind[i];
    mm->series_done = true;
    if (mm->busy)
        return;
    if (!ind->formula) {
        sweep_series(s, i);
        return;
    }
    /* A derived indicator: its formula at each date an input changed. */
    DateVec dates = {0};
    mm->busy = true;
    collect_dates(s, ind->formula, &dates);
    mm->busy = false;
    if (dates.n > 1)
        qsort(dates.v, (size_t)dates.n, sizeof *dates.v, i32_cmp);
    int n = 0;
    for (int k = 0; k < dates.n; k++)
        if (k == 0 || dates.v[k] != dates.v[k - 1])
            dates.v[n++] = dates.v[k];
    mm->sv = arena_alloc(t->a, sizeof *mm->sv * (size_t)(n ? n : 1));
    mm->sd = arena_alloc(t->a, sizeof *mm->sd * (size_t)(n ? n : 1));
    for (int k = 0; k < n; k++) {
        int32_t vd;
        double v = score_value(s, i, dates.v[k], &vd);
        if (isnan(v))
            continue;
        mm->sd[mm->sn] = dates.v[k];
        mm->sv[mm->sn] = v;
        mm->sn++;
    }
}

void score_series(Score *s, int i, int32_t d, charter_series *out)
{
    ScoreMemo *mm = &s->memo[i];
    if (!mm->series_done)
        build_series(s, i);
    size_t lo = 0, hi = (size_t)mm->sn;   /* the dates on or before d */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mm->sd[mid] <= d)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = lo;
    out->values = mm->sv;
    out->dates = mm->sd;
    out->count = n;
}

/* ---- events --------------------------------------------------------------- */

/* The corrections and retractions of observations, for the audit trail. */
static void audit_fixes(Score *s)
{
    Trk *t = s->t;
    for (int k = 0; k < s->obs.nfix; k++) {
        const ObsFix *x = &s->obs.fix[k];
        const Indicator *ind = t->ind[x->key[0]];
        ScoreAudit au = {x->retract ? SCORE_AUDIT_RETRACT : SCORE_AUDIT_CORRECT, x->key[0],
                         x->key[3], x->key[2], x->recorded, ind->reporters.v[x->key[1]]->d.id,
                         arena_strdup(t->a, x->reason), x->value};
        VEC_PUSH(t->a, s->audit, au);
    }
}

/* One valid row of events.csv, in file order. */
typedef struct EvRow {
    int m, by;
    VerdictEvent ev;            /* VERDICT_EVENT_NONE: reopened */
    int32_t date;
    const char *reason;
    bool void_;                 /* undone by a later `reopened` */
} EvRow;

/* The milestones' states from the rows in file order: a `reopened` row
 * voids the latest standing done or cancelled event of its milestone
 * before it, whatever their dates (the event is undone, not ended); of the
 * events left, the latest on or before the as-of date holds. */
static void apply_events(Score *s, EvRow *ev, int n)
{
    Trk *t = s->t;
    for (int k = 0; k < n; k++) {
        if (ev[k].ev != VERDICT_EVENT_NONE)
            continue;
        for (int j = k - 1; j >= 0; j--)
            if (ev[j].m == ev[k].m && ev[j].ev != VERDICT_EVENT_NONE && !ev[j].void_) {
                ev[j].void_ = true;
                break;
            }
        ScoreAudit au = {SCORE_AUDIT_REOPENED, ev[k].m, -1, ev[k].date, ev[k].date,
                         t->part[ev[k].by]->d.id, ev[k].reason, 0};
        VEC_PUSH(t->a, s->audit, au);
    }
    for (int k = 0; k < n; k++) {
        const EvRow *e = &ev[k];
        if (*e->reason && e->ev == VERDICT_EVENT_DONE) {
            /* Listed even when reopened since: it was recorded. */
            ScoreAudit au = {SCORE_AUDIT_DESPITE, e->m, -1, e->date, e->date,
                             t->part[e->by]->d.id, e->reason, 0};
            VEC_PUSH(t->a, s->audit, au);
        }
        if (e->ev == VERDICT_EVENT_NONE || e->void_ || e->date > s->as_of)
            continue;
        ScoreMs *sm = &s->ms[e->m];
        if (sm->ev == VERDICT_EVENT_NONE || e->date >= sm->ev_date) {
            sm->ev = e->ev;
            sm->ev_date = e->date;
            sm->ev_by = t->part[e->by]->d.id;
            sm->despite = e->ev == VERDICT_EVENT_DONE && *e->reason ? e->reason : NULL;
        }
    }
}

static int read_events(Score *s, const char *path)
{
    Trk *t = s->t;
    csv_error err;
    csv_reader *r = csv_open(path, NULL, &err);
    if (!r) {
        if (err.code == CSV_ERR_OPEN && err.sys_errno == ENOENT)
            return 0;
        char why[256];
        csv_describe_error(&err, why, sizeof why);
        return trk_fail(t, "cannot read %s: %s", path, why);
    }
    int st = csv_read_header(r);
    long cm = csv_find_column(r, "milestone"), cd = csv_find_column(r, "date"),
         cs = csv_find_column(r, "status"), cb = csv_find_column(r, "by"),
         cr = csv_find_column(r, "reason");
    if (st == CSV_END) {
        csv_close(r);
        return 0;
    }
    if (st != CSV_RECORD || cm < 0 || cd < 0 || cs < 0 || cb < 0) {
        csv_close(r);
        return trk_fail(t, "%s:1: the header must name the columns milestone, date, status and "
                           "by (run '%s validate %s')", path, t->prog, path);
    }
    long need = cm;
    if (cd > need) need = cd;
    if (cs > need) need = cs;
    if (cb > need) need = cb;
    csv_record rec;
    int got;
    VEC(EvRow) rows = {0};
    while ((got = csv_next(r, &rec)) != CSV_END) {
        if (got == CSV_ERROR || (long)rec.count <= need) {
            s->events_skipped++;
            continue;
        }
        const csv_field *f = rec.fields;
        EvRow e = {0};
        e.m = trk_milestone(t, f[cm].ptr, f[cm].len);
        bool reopen = strcmp(f[cs].ptr, "reopened") == 0;
        e.ev = strcmp(f[cs].ptr, "done") == 0        ? VERDICT_EVENT_DONE
               : strcmp(f[cs].ptr, "cancelled") == 0 ? VERDICT_EVENT_CANCELLED
                                                     : VERDICT_EVENT_NONE;
        e.by = trk_partner(t, f[cb].ptr, f[cb].len);
        e.reason = cr >= 0 && (size_t)cr < rec.count ? arena_strndup(t->a, f[cr].ptr, f[cr].len)
                                                     : "";
        if (e.m < 0 || (e.ev == VERDICT_EVENT_NONE && !reopen) || e.by < 0 ||
            csv_parse_date(f[cd].ptr, f[cd].len, &e.date) != CSV_VALUE_OK) {
            s->events_skipped++;
            continue;
        }
        VEC_PUSH(t->a, rows, e);
    }
    csv_close(r);
    apply_events(s, rows.v, rows.n);
    return 0;
}

/* ---- the baseline of a derived indicator ---------------------------------- */

typedef struct BaseEnv {
    Score *s;
    int32_t date;
    double one;
} BaseEnv;

static double base_value(void *env, int i, int32_t d, int32_t *vdate)
{
    BaseEnv *b = env;
    (void)d;
    const ScoreInd *si = &b->s->ind[i];
    if (!si->has_base)
        return NAN;
    if (b->date == DATE_NONE || si->base_date > b->date)
        b->date = si->base_date;
    *vdate = si->base_date;
    return si->base;
}

static void base_series(void *env, int i, int32_t d, charter_series *out)
{
    BaseEnv *b = env;
    (void)d;
    const ScoreInd *si = &b->s->ind[i];
    memset(out, 0, sizeof *out);
    if (!si->has_base)
        return;
    out->values = &si->base;
    out->dates = &si->base_date;
    out->count = 1;
}

/* ---- the scorecard ---------------------------------------------------------- */

/* The plan runs from the baseline the scorecard uses: the declared one,
 * else the one a derived indicator computes from its inputs. */
static void plan_of(Score *s, int i)
{
    const Indicator *ind = s->t->ind[i];
    ScoreInd *si = &s->ind[i];
    TrajPoint base = {si->base_date, si->base, true,
                      ind->has_baseline ? ind->baseline_span : SPAN_NONE};
    traj_build_from(s->t->a, ind, si->has_base ? &base : NULL, &si->plan);
    /* The last target in date order, unless every target was dropped. */
    if (traj_has_target(&si->plan)) {
        si->has_target = true;
        si->last_target = si->plan.pts[si->plan.n - 1].value;
    }
}

int score_start(Score *s, Trk *t, int32_t as_of, bool all_rows)
{
    memset(s, 0, sizeof *s);
    s->t = t;
    s->as_of = as_of;
    s->all_rows = all_rows;
    obs_init(&s->obs, t->prog, &t->ix, t->a, as_of, all_rows);
    trk_timing("scan ready");
    return obs_start(&s->obs, trk_path(t, "observations.csv"), 2);
}

int score_compute(Score *s)
{
    Trk *t = s->t;
    int32_t as_of = s->as_of;
    int st = trk_compile(t);
    if (st)
        return st;
    /* The index the scan used must be the compiled model's. */
    if (!bundle_index_matches(t->m, t->bundle.index)) {
        obs_free(&s->obs);
        return trk_fail(t, "the agreement this tracker carries is damaged (its index does not "
                           "match its sources)");
    }
    obs_finish(&s->obs);
    trk_timing("scanned");
    /* The partners' own threshold, unless --min-cell overrides it. */
    if (!t->min_cell_given && t->m->min_cell > 0)
        t->min_cell = t->m->min_cell;
    if (s->obs.missing)
        trk_note(t, "no observations yet: %s does not exist (see '%s import --help')",
                 trk_path(t, "observations.csv"), t->prog);
    size_t ni = (size_t)(t->nind ? t->nind : 1);
    s->ind = arena_alloc(t->a, sizeof *s->ind * ni);
    s->memo = arena_alloc(t->a, sizeof *s->memo * ni);
    s->ms = arena_alloc(t->a, sizeof *s->ms * (size_t)(t->nms ? t->nms : 1));
    s->part = arena_alloc(t->a, sizeof *s->part * (size_t)(t->npart ? t->npart : 1));
    s->missing = arena_alloc(t->a, sizeof *s->missing * ni);
    int ncells = 0;
    for (int i = 0; i < t->nind; i++)
        ncells += t->ind[i]->cell_targets.n;
    s->cells = arena_alloc(t->a, sizeof *s->cells * (size_t)(ncells ? ncells : 1));
    EvalSource src = {eval_src_value, eval_src_series, s};
    s->eval = eval_new(t, &src);
    for (int m = 0; m < t->nms; m++) {
        const Milestone *ms = t->ms[m];
        ScoreMs *sm = &s->ms[m];
        sm->ev_date = DATE_NONE;
        sm->eval_date = ms->due == DATE_NONE || ms->due > as_of ? as_of : ms->due;
    }
    if (s->obs.skipped > 0)
        trk_warn(t, "%ld row%s of %s %s not valid and %s skipped (run '%s validate %s')",
                 s->obs.skipped, s->obs.skipped == 1 ? "" : "s",
                 trk_path(t, "observations.csv"), s->obs.skipped == 1 ? "is" : "are",
                 s->obs.skipped == 1 ? "was" : "were", t->prog, trk_path(t, "observations.csv"));
    audit_fixes(s);
    st = read_events(s, trk_path(t, "events.csv"));
    if (st)
        return st;
    if (s->events_skipped > 0)
        trk_warn(t, "%ld row%s of %s %s not valid and %s skipped (run '%s validate %s')",
                 s->events_skipped, s->events_skipped == 1 ? "" : "s", trk_path(t, "events.csv"),
                 s->events_skipped == 1 ? "is" : "are", s->events_skipped == 1 ? "was" : "were",
                 t->prog, trk_path(t, "events.csv"));

    /* Baselines first: a derived one reads its inputs' baselines. */
    for (int i = 0; i < t->nind; i++) {
        const Indicator *ind = t->ind[i];
        ScoreInd *si = &s->ind[i];
        si->has_base = ind->has_baseline;
        si->base = ind->baseline;
        si->base_date = ind->has_baseline ? ind->baseline_date : DATE_NONE;
    }
    for (int pass = 0; pass < 4; pass++)
        for (int i = 0; i < t->nind; i++) {
            const Indicator *ind = t->ind[i];
            ScoreInd *si = &s->ind[i];
            if (!ind->formula || ind->has_baseline || si->has_base)
                continue;
            BaseEnv be = {s, DATE_NONE, 0};
            EvalSource bs = {base_value, base_series, &be};
            Eval *e = eval_with_source(s->eval, &bs);
            double v = eval_number(e, ind->formula, as_of, NULL);
            if (!isnan(v) && be.date != DATE_NONE) {
                si->has_base = true;
                si->base = v;
                si->base_date = be.date;
            }
        }

    for (int i = 0; i < t->nind; i++) {
        const Indicator *ind = t->ind[i];
        ScoreInd *si = &s->ind[i];
        plan_of(s, i);
        int32_t vd;
        double v = score_value(s, i, as_of, &vd);
        si->has_value = !isnan(v);
        si->overflow = memo_overflow(s, i, as_of);
        si->suppressed = si->has_value && score_hidden(s, i, v);
        si->value = v;
        si->date = si->has_value ? vd : DATE_NONE;
        if (score_totals_of(s, i)) {
            /* Judged against the target of the value's span, from zero. */
            double tv = 0, tnow = 0;
            si->has_planned = score_totals_plan(s, i, si->has_value ? vd : as_of, &si->planned, &tv);
            si->has_planned_now = score_totals_plan(s, i, as_of, &si->planned_now, &tnow);
            si->has_target = si->has_planned;
            si->last_target = tv;
        } else {
            si->has_planned = traj_at(&si->plan, si->has_value ? vd : as_of, &si->planned, NULL,
                                      NULL) != TRAJ_NONE;
            si->has_planned_now =
                traj_at(&si->plan, as_of, &si->planned_now, NULL, NULL) != TRAJ_NONE;
        }
        int dir = ind->direction;
        si->status = verdict_status(si->has_value, v, si->has_planned, si->planned, si->has_target,
                                 si->last_target, dir);
        if (si->has_value && si->has_target && !si->suppressed) {
            double from = si->has_base && !score_totals_of(s, i) ? si->base : 0;
            double p = (v - from) / (si->last_target - from) * 100;
            if (si->last_target != from && isfinite(p)) {
                si->has_progress = true;
                si->progress = p;
            }
        }
        score_missing_of(s, i);
        score_cells_of(s, i);
    }
    priv_compute(s);
    trk_timing("indicators");
    results_compute(s);
    for (int m = 0; m < t->nms; m++) {
        const Milestone *ms = t->ms[m];
        ScoreMs *sm = &s->ms[m];
        sm->req = ms->requires ? eval_truth(s->eval, ms->requires, sm->eval_date) : EVAL_UNKNOWN;
        sm->state = verdict_state(sm->ev, sm->req == EVAL_TRUE, ms->due, as_of);
        if (sm->state == VERDICT_OVERDUE && ms->owner) {
            int p = trk_partner_of(t, ms->owner);
            if (p >= 0)
                s->part[p].overdue_milestones++;
        }
    }
    return 0;
}

int score_run(Score *s, Trk *t, int32_t as_of, bool all_rows)
{
    int st = score_start(s, t, as_of, all_rows);
    if (st == 0)
        st = score_compute(s);
    if (st)
        score_free(s);
    return st;
}

void score_free(Score *s)
{
    if (!s->t)
        return;
    eval_free(s->eval);
    obs_free(&s->obs);
    s->t = NULL;
}

bool score_hidden(const Score *s, int i, double v)
{
    const Indicator *ind = s->t->ind[i];
    return ind->personal_data && !score_rate(ind) && !(v >= s->t->min_cell);
}

const char *score_expr_text(const Score *s, const Expr *x)
{
    Buf b;
    buf_init(&b);
    exprtext_put(&b, x, NULL);
    const char *out = arena_strdup(s->t->a, buf_cstr(&b));
    buf_free(&b);
    return out;
}
