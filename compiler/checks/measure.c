/* measure.c - the conflicts of the shared measurement: target_direction,
 * target_not_monotonic, requirement_exceeds_plan, contradictory_requirements,
 * percent_summed, formula_frequency_mismatch, nested_mismatch.  i
 * indicators with t targets in all; r comparisons in the milestones'
 * requirements. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conflicts_int.h"
#include "exprtext.h"
#include "trajectory.h"

static const char *dir_word(int dir)
{
    return dir > 0 ? "up" : "down";
}

/* ---- target_direction ------------------------------------------------- */

/* One finding per indicator with a direction and a baseline whose targets
 * lie on the wrong side of the baseline.  O(i + t). */
void check_target_direction(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!CF_USER(ind) || !ind->has_baseline || ind->direction == 0)
            continue;
        Buf b;
        buf_init(&b);
        int bad = 0, first = -1;
        for (int k = 0; k < ind->targets.n; k++) {
            const Target *t = &ind->targets.v[k];
            if (ind->direction > 0 ? t->value >= ind->baseline : t->value <= ind->baseline)
                continue;
            if (bad++ == 0)
                first = k;
            buf_printf(&b, "%s%s by %s", bad > 1 ? ", " : "", cf_val(a, t->value, ind),
                       cf_date(a, t->date));
        }
        if (bad) {
            Diagnostic *g = check_report(
                x, CHECK_TARGET_DIRECTION, &ind->d, NULL, ind->targets.v[first].span,
                "indicator '%s' should go %s, but its %s %s %s the baseline %s (on %s)", ind->d.id,
                dir_word(ind->direction), bad == 1 ? "target" : "targets", buf_cstr(&b),
                bad == 1 ? (ind->direction > 0 ? "is below" : "is above")
                         : (ind->direction > 0 ? "are below" : "are above"),
                cf_val(a, ind->baseline, ind), cf_date(a, ind->baseline_date));
            diag_related(&x->c->diag, g, ind->baseline_span, "the baseline of '%s'", ind->d.id);
            diag_hint(&x->c->diag, g,
                      "if %s is better, write `direction %s`; otherwise correct the %s; or "
                      "`allow target_direction \"reason\"`",
                      ind->direction > 0 ? "less" : "more", dir_word(-ind->direction),
                      bad == 1 ? "target" : "targets");
        }
        buf_free(&b);
    }
}

/* ---- target_not_monotonic --------------------------------------------- */

typedef struct TRef {
    const Target *t;
    int order;
} TRef;

static int cmp_tref(const void *a, const void *b)
{
    const TRef *x = a, *y = b;
    if (x->t->date != y->t->date)
        return x->t->date < y->t->date ? -1 : 1;
    return x->order - y->order;
}

/* Targets in date order; a step from one benchmark to the next against
 * the direction is a finding, all such steps of one indicator in one
 * message.  O(t log t). */
void check_target_not_monotonic(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        int n = ind->targets.n;
        if (!CF_USER(ind) || ind->direction == 0 || n < 2)
            continue;
        TRef *r = arena_alloc(a, (size_t)n * sizeof *r);
        for (int k = 0; k < n; k++)
            r[k] = (TRef){&ind->targets.v[k], k};
        qsort(r, (size_t)n, sizeof *r, cmp_tref);
        Buf b;
        buf_init(&b);
        int bad = 0, first = -1;
        for (int k = 1; k < n; k++) {
            double step = r[k].t->value - r[k - 1].t->value;
            if (ind->direction > 0 ? step >= 0 : step <= 0)
                continue;
            if (bad++ == 0)
                first = k;
            buf_printf(&b, "%s%s by %s, then %s by %s", bad > 1 ? "; " : "",
                       cf_val(a, r[k - 1].t->value, ind), cf_date(a, r[k - 1].t->date),
                       cf_val(a, r[k].t->value, ind), cf_date(a, r[k].t->date));
        }
        if (bad) {
            Diagnostic *g = check_report(
                x, CHECK_TARGET_NOT_MONOTONIC, &ind->d, NULL, r[first].t->span,
                "indicator '%s' should go %s, but its benchmarks go %s: %s", ind->d.id,
                dir_word(ind->direction), ind->direction > 0 ? "down" : "up", buf_cstr(&b));
            diag_related(&x->c->diag, g, r[first - 1].t->span, "the benchmark before it");
            diag_hint(&x->c->diag, g,
                      "make each benchmark at least as %s as the one before, or correct "
                      "`direction`; or `allow target_not_monotonic \"reason\"`",
                      ind->direction > 0 ? "high" : "low");
        }
        buf_free(&b);
    }
}

/* ---- requirement_exceeds_plan -------------------------------------------- */

static const char *point_text(Arena *a, const Indicator *ind, const TrajPoint *p)
{
    return p->is_baseline
               ? arena_printf(a, "the baseline %s on %s", cf_val(a, p->value, ind),
                              cf_date(a, p->date))
               : arena_printf(a, "the target %s by %s", cf_val(a, p->value, ind),
                              cf_date(a, p->date));
}

typedef struct PlanNote {
    const Indicator *ind;
    const TrajPoint *p;     /* a point the planned value comes from */
} PlanNote;

/* Whether requiring `op value` asks for more (for `down`: less) than the
 * plan's value `plan`.  Only bounds in the indicator's direction count: a
 * cap on an indicator that should go up asks for nothing more. */
static bool exceeds(int dir, ExprOp op, double value, double plan)
{
    bool equal = cf_close(value, plan);
    if (dir > 0) {
        if (op == OP_GE || op == OP_EQ)
            return value > plan && !equal;
        if (op == OP_GT)
            return value > plan || equal;
    } else {
        if (op == OP_LE || op == OP_EQ)
            return value < plan && !equal;
        if (op == OP_LT)
            return value < plan || equal;
    }
    return false;
}

/* Per milestone with a due date, each top-level comparison of an
 * indicator (with a direction) with a constant is evaluated against the
 * indicator's plan at the due date; one finding per milestone names every
 * comparison the plan does not reach, with the planned value and the two
 * points it was interpolated from.  Trajectories are built once per
 * indicator: O(t log t + r log t). */
void check_requirement_exceeds_plan(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    HMap ix;
    HMAP_POSITIONS(&ix, x->scratch, m->indicators);
    Trajectory *cache = arena_alloc(x->scratch, (size_t)(m->indicators.n + 1) * sizeof *cache);
    bool *built = arena_alloc(x->scratch, (size_t)(m->indicators.n + 1) * sizeof *built);
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        if (!CF_USER(ms) || !ms->requires || ms->due == DATE_NONE)
            continue;
        CfReqList reqs = {0};
        cf_requirements(a, ms->requires, &reqs);
        Buf b;
        buf_init(&b);
        Diagnostic *g = NULL;
        int bad = 0;
        /* The points behind each clause, kept for the related notes. */
        VEC(PlanNote) notes = {0};
        Span first_span = SPAN_NONE;
        for (int k = 0; k < reqs.n; k++) {
            const CfReq *r = &reqs.v[k];
            const Indicator *ind = r->ind;
            if (ind->direction == 0)
                continue;
            Trajectory local, *t = &local;
            int ii = hmap_ptr_index(&ix, ind);
            if (ii >= 0) {
                t = &cache[ii];
                if (!built[ii]) {
                    traj_build(a, ind, t);
                    built[ii] = true;
                }
            } else {
                traj_build(a, ind, t);
            }
            double plan;
            int lo, hi;
            TrajWhere w = traj_at(t, ms->due, &plan, &lo, &hi);
            if (w == TRAJ_NONE || !exceeds(ind->direction, r->op, r->value, plan))
                continue;
            const TrajPoint *pl = &t->pts[lo], *ph = &t->pts[hi];
            const char *how = ind->direction > 0 ? "reaches only" : "comes down only to";
            const char *from;
            if (w == TRAJ_AT)
                from = arena_printf(a, "at %s", point_text(a, ind, pl));
            else if (w == TRAJ_HELD)
                from = arena_printf(a, "where %s holds after its date", point_text(a, ind, pl));
            else
                from = arena_printf(a, "on the line from %s to %s", point_text(a, ind, pl),
                                    point_text(a, ind, ph));
            if (bad++ == 0) {
                first_span = r->span;
                buf_printf(&b, "milestone '%s' requires %s %s %s on its due date %s", ms->d.id,
                           ind->d.id, exprtext_op(r->op), cf_val(a, r->value, ind),
                           cf_date(a, ms->due));
            } else {
                buf_printf(&b, "; it also requires %s %s %s", ind->d.id, exprtext_op(r->op),
                           cf_val(a, r->value, ind));
            }
            buf_printf(&b, ", but the planned trajectory of '%s' %s %s then, %s", ind->d.id, how,
                       cf_val(a, plan, ind), from);
            VEC_PUSH(a, notes, ((PlanNote){ind, pl}));
            if (ph != pl)
                VEC_PUSH(a, notes, ((PlanNote){ind, ph}));
        }
        if (bad) {
            g = check_report(x, CHECK_REQUIREMENT_EXCEEDS_PLAN, &ms->d, NULL, first_span, "%s",
                             buf_cstr(&b));
            for (int k = 0; k < notes.n; k++)
                diag_related(&x->c->diag, g, notes.v[k].p->span, "%s of '%s'",
                             notes.v[k].p->is_baseline ? "the baseline" : "a target",
                             notes.v[k].ind->d.id);
            diag_hint(&x->c->diag, g,
                      "ask no more than the plan reaches by the due date, add or raise an earlier "
                      "target, or move the due date; or `allow requirement_exceeds_plan "
                      "\"reason\"`");
        }
        buf_free(&b);
    }
}

/* ---- contradictory_requirements ------------------------------------------ */

typedef struct CRec {
    int ind;                /* the indicator's position */
    int64_t when;           /* the due date; a milestone without one is a time of its own */
    int ms;                 /* the milestone's position */
    int order;              /* the comparison's position in the requirement */
    CfReq req;
} CRec;

static int cmp_crec(const void *a, const void *b)
{
    const CRec *x = a, *y = b;
    if (x->ind != y->ind)
        return x->ind - y->ind;
    if (x->when != y->when)
        return x->when < y->when ? -1 : 1;
    if (x->ms != y->ms)
        return x->ms - y->ms;
    return x->order - y->order;
}

typedef struct Contra {
    int subject;            /* the first milestone involved in source order */
    const char *text;
    const CRec *recs[3];
    int n;
} Contra;

static int cmp_contra(const void *a, const void *b)
{
    const Contra *x = a, *y = b;
    if (x->subject != y->subject)
        return x->subject - y->subject;
    return x->recs[0]->ind - y->recs[0]->ind;
}

/* The tightest bounds of a group of requirements on one indicator at one
 * time; returns the records that cannot hold together (2 or 3), or 0. */
static int infeasible(const CRec *g, int n, const CRec **out)
{
    double lo = -INFINITY, hi = INFINITY;
    bool lo_strict = false, hi_strict = false;
    const CRec *lo_r = NULL, *hi_r = NULL;
    for (int k = 0; k < n; k++) {
        ExprOp op = g[k].req.op;
        double v = g[k].req.value;
        if (op == OP_GE || op == OP_GT || op == OP_EQ) {
            bool strict = op == OP_GT;
            if (v > lo || (v == lo && strict && !lo_strict)) {
                lo = v;
                lo_strict = strict;
                lo_r = &g[k];
            }
        }
        if (op == OP_LE || op == OP_LT || op == OP_EQ) {
            bool strict = op == OP_LT;
            if (v < hi || (v == hi && strict && !hi_strict)) {
                hi = v;
                hi_strict = strict;
                hi_r = &g[k];
            }
        }
    }
    if (!lo_r || !hi_r)
        return 0;
    if (lo > hi || (lo == hi && (lo_strict || hi_strict))) {
        if (lo_r == hi_r)
            return 0;       /* one comparison alone is always satisfiable */
        out[0] = lo_r->ms < hi_r->ms || (lo_r->ms == hi_r->ms && lo_r->order < hi_r->order)
                     ? lo_r : hi_r;
        out[1] = out[0] == lo_r ? hi_r : lo_r;
        return 2;
    }
    if (lo == hi) {         /* one value is left: a `!=` may exclude it */
        for (int k = 0; k < n; k++)
            if (g[k].req.op == OP_NE && g[k].req.value == lo) {
                int c = 0;
                out[c++] = lo_r;
                if (hi_r != lo_r)
                    out[c++] = hi_r;
                out[c++] = &g[k];
                return c;
            }
    }
    return 0;
}

/* Requirements grouped by (indicator, due date) by sorting: those of one
 * milestone, and those of milestones due on the same day, must hold at the
 * same time.  A group whose bounds leave no value is a finding; one
 * finding per subject (the first milestone involved).  O(r log r). */
void check_contradictory_requirements(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    HMap ix;
    HMAP_POSITIONS(&ix, x->scratch, m->indicators);
    VEC(CRec) recs = {0};
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        if (!CF_USER(ms) || !ms->requires)
            continue;
        CfReqList reqs = {0};
        cf_requirements(a, ms->requires, &reqs);
        for (int k = 0; k < reqs.n; k++) {
            int ii = hmap_ptr_index(&ix, reqs.v[k].ind);
            if (ii < 0)
                continue;
            int64_t when = ms->due != DATE_NONE ? (int64_t)ms->due : INT64_MIN + 1 + i;
            VEC_PUSH(x->scratch, recs, ((CRec){ii, when, i, k, reqs.v[k]}));
        }
    }
    if (recs.n > 1)
        qsort(recs.v, (size_t)recs.n, sizeof *recs.v, cmp_crec);
    VEC(Contra) found = {0};
    for (int i = 0; i < recs.n;) {
        int j = i;
        while (j < recs.n && recs.v[j].ind == recs.v[i].ind && recs.v[j].when == recs.v[i].when)
            j++;
        Contra c = {0};
        c.n = infeasible(&recs.v[i], j - i, c.recs);
        if (c.n) {
            const Indicator *ind = m->indicators.v[recs.v[i].ind];
            bool one = true;
            c.subject = c.recs[0]->ms;
            for (int k = 1; k < c.n; k++) {
                one &= c.recs[k]->ms == c.recs[0]->ms;
                if (c.recs[k]->ms < c.subject)
                    c.subject = c.recs[k]->ms;
            }
            Buf b;
            buf_init(&b);
            for (int k = 0; k < c.n; k++) {
                const CfReq *r = &c.recs[k]->req;
                buf_printf(&b, "%s%s %s %s", k == 0 ? "" : k == c.n - 1 ? " and " : ", ",
                           ind->d.id, exprtext_op(r->op), cf_val(a, r->value, ind));
                if (!one)
                    buf_printf(&b, " (milestone '%s')", m->milestones.v[c.recs[k]->ms]->d.id);
            }
            const Milestone *s = m->milestones.v[c.subject];
            if (one)
                c.text = arena_printf(a, "milestone '%s' requires %s: no value of '%s' meets "
                                         "them at once", s->d.id, buf_cstr(&b), ind->d.id);
            else
                c.text = arena_printf(a, "the requirements %s, %s due on %s, cannot hold "
                                         "together: no value of '%s' meets them at once",
                                      buf_cstr(&b), c.n == 2 ? "both" : "all",
                                      cf_date(a, s->due), ind->d.id);
            buf_free(&b);
            VEC_PUSH(a, found, c);
        }
        i = j;
    }
    if (found.n > 1)
        qsort(found.v, (size_t)found.n, sizeof *found.v, cmp_contra);
    for (int i = 0; i < found.n;) {
        int j = i;
        Buf b;
        buf_init(&b);
        while (j < found.n && found.v[j].subject == found.v[i].subject) {
            buf_printf(&b, "%s%s", j > i ? "; " : "", found.v[j].text);
            j++;
        }
        const Milestone *s = m->milestones.v[found.v[i].subject];
        /* Point at the subject's own comparison. */
        Span at = found.v[i].recs[0]->req.span;
        for (int k = 0; k < found.v[i].n; k++)
            if (found.v[i].recs[k]->ms == found.v[i].subject) {
                at = found.v[i].recs[k]->req.span;
                break;
            }
        Diagnostic *g = check_report(x, CHECK_CONTRADICTORY_REQUIREMENTS, &s->d, NULL, at, "%s",
                                     buf_cstr(&b));
        buf_free(&b);
        for (int f = i; f < j; f++)
            for (int k = 0; k < found.v[f].n; k++) {
                const CRec *r = found.v[f].recs[k];
                if (r->req.span.lo == at.lo && r->req.span.file == at.file)
                    continue;
                diag_related(&x->c->diag, g, r->req.span, "'%s' requires this",
                             m->milestones.v[r->ms]->d.id);
            }
        diag_hint(&x->c->diag, g,
                  "correct one of the bounds so that some value meets them all; or `allow "
                  "contradictory_requirements \"reason\"`");
        i = j;
    }
}

/* ---- percent_summed ------------------------------------------------------ */

/* One finding per percentage indicator with several reporters combined by
 * `sum`.  O(i + reporters). */
void check_percent_summed(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!CF_USER(ind) || !ind->unit || strcmp(ind->unit->d.id, "percent") != 0 ||
            ind->reporters.n < 2 || ind->combine != COMBINE_SUM)
            continue;
        Buf b;
        buf_init(&b);
        for (int k = 0; k < ind->reporters.n; k++)
            buf_printf(&b, "%s%s", k ? ", " : "", ind->reporters.v[k]->d.id);
        Diagnostic *g = check_report(
            x, CHECK_PERCENT_SUMMED, &ind->d, NULL, ind->d.id_span,
            "indicator '%s' is a percentage reported by %d partners (%s) whose values are "
            "combined by %s: percentages cannot be added up",
            ind->d.id, ind->reporters.n, buf_cstr(&b),
            ind->combine_set ? "`combine sum`" : "sum, the default");
        buf_free(&b);
        diag_hint(&x->c->diag, g,
                  "write `combine mean` (or min, max, latest), or report the counts behind the "
                  "percentage and derive it with a `formula`; or `allow percent_summed "
                  "\"reason\"`");
    }
}

/* ---- formula_frequency_mismatch ---------------------------------------- */

/* One finding per derived indicator whose inputs (with a known reporting
 * frequency) are not all reported at the same one.  O(i + inputs). */
void check_formula_frequency_mismatch(CheckCtx *x)
{
    Model *m = x->m;
    Arena *a = x->c->arena;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!CF_USER(ind) || !ind->formula)
            continue;
        Duration first = {0, DUR_DAY};
        bool differ = false;
        for (int k = 0; k < ind->inputs.n; k++) {
            Duration f = cf_frequency(ind->inputs.v[k]);
            if (f.n == 0)
                continue;
            if (first.n == 0)
                first = f;
            else if (!cf_same_frequency(first, f))
                differ = true;
        }
        if (!differ)
            continue;
        Buf b;
        buf_init(&b);
        int listed = 0;
        for (int k = 0; k < ind->inputs.n; k++) {
            Duration f = cf_frequency(ind->inputs.v[k]);
            if (f.n > 0)
                buf_printf(&b, "%s%s %s", listed++ ? ", " : "", ind->inputs.v[k]->d.id,
                           cf_freq(a, f));
        }
        Diagnostic *g = check_report(x, CHECK_FORMULA_FREQUENCY_MISMATCH, &ind->d, NULL,
                                     ind->formula->span,
                                     "indicator '%s' is computed from inputs reported at "
                                     "different frequencies: %s",
                                     ind->d.id, buf_cstr(&b));
        buf_free(&b);
        for (int k = 0; k < ind->inputs.n; k++) {
            const Indicator *in = ind->inputs.v[k];
            if (in->frequency.n > 0)
                diag_related(&x->c->diag, g, in->frequency_span, "'%s' is reported %s", in->d.id,
                             cf_freq(a, in->frequency));
        }
        diag_hint(&x->c->diag, g,
                  "report every input of the formula at one frequency; or `allow "
                  "formula_frequency_mismatch \"reason\"`");
    }
}

/* ---- season_frequency, totals_mismatch ------------------------------------- */

/* A duration in months, roughly for days and weeks (a month of 28 days, so
 * that `every 4 weeks` fits a one-month season). */
static double months_of(Duration d)
{
    switch (d.unit) {
    case DUR_DAY: return d.n / 28.0;
    case DUR_WEEK: return d.n * 7 / 28.0;
    case DUR_MONTH: return d.n;
    case DUR_QUARTER: return 3.0 * d.n;
    case DUR_YEAR: return 12.0 * d.n;
    }
    return 0;
}

/* One finding per indicator whose frequency is longer than its season
 * (in months, the season wrapping the year).  O(i). */
void check_season_frequency(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!CF_USER(ind) || !ind->season_from || ind->frequency.n == 0)
            continue;
        int months = (ind->season_to - ind->season_from + 12) % 12 + 1;
        if (months_of(ind->frequency) <= months)
            continue;
        Diagnostic *g = check_report(
            x, CHECK_SEASON_FREQUENCY, &ind->d, NULL, ind->season_span,
            "indicator '%s' is reported %s, but its season lasts %d month%s",
            ind->d.id, cf_freq(x->c->arena, ind->frequency), months, months == 1 ? "" : "s");
        diag_related(&x->c->diag, g, ind->frequency_span, "its frequency is set here");
        diag_hint(&x->c->diag, g, "report at least every %d month%s, or widen the season; or "
                                  "`allow season_frequency \"reason\"`",
                  months, months == 1 ? "" : "s");
    }
}

/* One finding per indicator with `totals` whose values do not add up over
 * the span: not per period, no frequency, or a period longer than the
 * span.  O(i). */
void check_totals_mismatch(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        if (!CF_USER(ind) || ind->totals == TOTALS_NONE || ind->formula)
            continue;
        const char *span = ind->totals == TOTALS_YEARLY ? "year" : "quarter";
        const char *why = NULL;
        if (ind->values != VALUES_PER_PERIOD)
            why = "its values are not `values per_period`";
        else if (ind->frequency.n == 0)
            why = "it has no `frequency`";
        else if (months_of(ind->frequency) > (ind->totals == TOTALS_YEARLY ? 12 : 3))
            why = arena_printf(x->c->arena, "it is reported %s, less often than once a %s",
                               cf_freq(x->c->arena, ind->frequency), span);
        if (!why)
            continue;
        Diagnostic *g = check_report(x, CHECK_TOTALS_MISMATCH, &ind->d, NULL, ind->totals_span,
                                     "indicator '%s' sets its targets as totals per %s, but %s",
                                     ind->d.id, span, why);
        diag_hint(&x->c->diag, g, "add `values per_period` and a frequency no longer than a %s, "
                                  "or remove `totals`; or `allow totals_mismatch \"reason\"`",
                  span);
    }
}

/* ---- nested_mismatch ----------------------------------------------------- */

/* One finding per indicator that `contributes_to` a parent indicator of
 * another unit (compared by id: each model has its own prelude) or of the
 * opposite direction.  O(i). */
void check_nested_mismatch(CheckCtx *x)
{
    Model *m = x->m;
    for (int i = 0; i < m->indicators.n; i++) {
        const Indicator *ind = m->indicators.v[i];
        const Indicator *p = ind->contributes_to;
        if (!CF_USER(ind) || !p)
            continue;
        bool unit = ind->unit && p->unit && strcmp(ind->unit->d.id, p->unit->d.id) != 0;
        bool dir = ind->direction && p->direction && ind->direction != p->direction;
        if (!unit && !dir)
            continue;
        const char *pname = cf_span_text(x, ind->contributes_span);
        if (!*pname)
            pname = p->d.id;
        Arena *a = x->c->arena;
        const char *mine, *theirs;
        if (unit && dir) {
            mine = arena_printf(a, "is in %s and should go %s", ind->unit->d.id,
                                dir_word(ind->direction));
            theirs = arena_printf(a, "is in %s and should go %s", p->unit->d.id,
                                  dir_word(p->direction));
        } else if (unit) {
            mine = arena_printf(a, "is in %s", ind->unit->d.id);
            theirs = arena_printf(a, "is in %s", p->unit->d.id);
        } else {
            mine = arena_printf(a, "should go %s", dir_word(ind->direction));
            theirs = arena_printf(a, "should go %s", dir_word(p->direction));
        }
        Diagnostic *g = check_report(x, CHECK_NESTED_MISMATCH, &ind->d, NULL, ind->contributes_span,
                                     "indicator '%s' %s, but the parent indicator '%s' it "
                                     "contributes to %s",
                                     ind->d.id, mine, pname, theirs);
        diag_related(&x->c->diag, g, p->d.id_span, "'%s' is declared here", pname);
        diag_hint(&x->c->diag, g,
                  "measure '%s' in the parent's unit and direction, or contribute to another "
                  "parent indicator; or `allow nested_mismatch \"reason\"`",
                  ind->d.id);
    }
}
