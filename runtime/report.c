/* report.c - `report`: the HTML dashboard.
 *
 * One self-contained page: inline CSS, inline SVG, no script and no
 * external request, so it can be mailed or archived as it is.  Every text
 * from the agreement is escaped.  For each indicator a chart shows its
 * observations (a dot per report, coloured by reporter), the combined
 * value, the baseline, the benchmarks (targets), the planned trajectory,
 * the requirements of milestones on it and the as-of date; a timeline
 * shows the milestones coloured by state.  Breakdown tables give the
 * latest cells; for indicators with personal data a cell below --min-cell
 * is suppressed, and when a table would have exactly one suppressed cell
 * the next smallest is suppressed too, so that it cannot be worked out
 * from the total. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "version.h"

#define W 760
#define H 280
#define ML 72
#define MR 24
#define MT 24
#define MB 44
#define MAX_POINTS 120

static const char *const state_color[] = {"#2e7d32", "#757575", "#00897b",
                                          "#c62828", "#ef6c00", "#1565c0"};
static const char *const status_color[] = {"#757575", "#2e7d32", "#1565c0", "#c62828"};
static const char *const reporter_color[] = {"#6a1b9a", "#00838f", "#ad1457", "#558b2f",
                                             "#4527a0", "#ef6c00", "#37474f", "#0277bd"};

static const char css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;"
    "max-width:62rem;margin:0 auto;padding:1.5rem;background:#fff}"
    "h1{font-size:1.7rem;margin:.2rem 0}h2{margin-top:2.2rem;border-bottom:2px solid #e0e0e0;"
    "padding-bottom:.2rem}h3{margin:1.6rem 0 .3rem;font-size:1.15rem}"
    ".meta{color:#555;margin:.2rem 0}code{font-size:.92em;background:#f3f3f3;padding:0 .25em;"
    "border-radius:3px}table{border-collapse:collapse;margin:.6rem 0;width:100%}"
    "th,td{text-align:left;padding:.3rem .55rem;border-bottom:1px solid #e6e6e6;"
    "vertical-align:top}th{background:#fafafa;font-weight:600}td.n,th.n{text-align:right;"
    "font-variant-numeric:tabular-nums}.badge{display:inline-block;padding:.05rem .5rem;"
    "border-radius:1rem;color:#fff;font-size:.82rem;font-weight:600;white-space:nowrap}"
    ".cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}.card{border:1px solid #e0e0e0;"
    "border-radius:.5rem;padding:.5rem .8rem;min-width:7rem}.card b{display:block;"
    "font-size:1.4rem}article{border-top:1px solid #eee;padding-top:.4rem}"
    "svg{max-width:100%;height:auto;display:block;margin:.4rem 0}svg text{font:12px "
    "system-ui,sans-serif;fill:#333}.legend{font-size:.85rem;color:#444}"
    ".legend span{margin-right:1rem;white-space:nowrap}.sw{display:inline-block;width:.8rem;"
    "height:.8rem;border-radius:.2rem;margin-right:.3rem;vertical-align:-.1rem}"
    ".supp{color:#777;font-style:italic}footer{margin-top:2.5rem;color:#666;font-size:.85rem}"
    "@media print{body{max-width:none}article{break-inside:avoid}}";

static void esc(Buf *b, const char *s)
{
    buf_xml(b, s ? s : "");
}

static const char *status_text(PlanStatus s)
{
    static const char *const w[] = {"no data", "achieved", "on track", "behind"};
    return w[s];
}

static const char *state_text(PlanState s)
{
    static const char *const w[] = {"done", "cancelled", "met", "overdue", "due soon", "pending"};
    return w[s];
}

static void badge(Buf *b, const char *color, const char *text)
{
    buf_printf(b, "<span class=\"badge\" style=\"background:%s\">", color);
    esc(b, text);
    buf_puts(b, "</span>");
}

/* 1.5M, 300k, 12.5 */
static const char *compact(double v, char *buf)
{
    double a = fabs(v);
    if (a >= 1e9)
        snprintf(buf, 32, "%.3gB", v / 1e9);
    else if (a >= 1e6)
        snprintf(buf, 32, "%.3gM", v / 1e6);
    else if (a >= 1e4)
        snprintf(buf, 32, "%.3gk", v / 1e3);
    else
        snprintf(buf, 32, "%.4g", v);
    return buf;
}

/* ---- scales ----------------------------------------------------------------- */

typedef struct Scale {
    double x0, x1, y0, y1;
} Scale;

static double sx(const Scale *s, double d)
{
    return ML + (d - s->x0) / (s->x1 - s->x0) * (W - ML - MR);
}

static double sy(const Scale *s, double v)
{
    return H - MB - (v - s->y0) / (s->y1 - s->y0) * (H - MT - MB);
}

static double nice_step(double span)
{
    double raw = span / 5, p = pow(10, floor(log10(raw))), f = raw / p;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
}

static void axes(Buf *b, const Scale *s)
{
    double step = nice_step(s->y1 - s->y0);
    char n[32], d[16];
    for (double v = ceil(s->y0 / step) * step; v <= s->y1 + step * 1e-9; v += step) {
        double y = sy(s, v);
        buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", ML, y,
                   W - MR, y);
        buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", ML - 6, y + 4,
                   compact(fabs(v) < step * 1e-9 ? 0 : v, n));
    }
    /* Years, or quarters on a short span. */
    int y0, m0, dd, y1, m1;
    date_to_civil((int32_t)s->x0, &y0, &m0, &dd);
    date_to_civil((int32_t)s->x1, &y1, &m1, &dd);
    bool quarters = s->x1 - s->x0 < 800;
    for (int y = y0; y <= y1; y++)
        for (int m = 1; m <= 12; m += quarters ? 3 : 12) {
            int32_t day = date_from_civil(y, m, 1);
            if (day < s->x0 || day > s->x1)
                continue;
            double x = sx(s, day);
            buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", x,
                       MT, x, H - MB);
            date_iso(day, d);
            d[quarters ? 7 : 4] = '\0';
            buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
                       H - MB + 16, d);
        }
    buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", ML, H - MB,
               W - MR, H - MB);
}

static void extend(double *lo, double *hi, double v)
{
    if (isnan(v))
        return;
    if (isnan(*lo) || v < *lo)
        *lo = v;
    if (isnan(*hi) || v > *hi)
        *hi = v;
}

/* ---- requirement markers ------------------------------------------------------ */

typedef struct Mark {
    const Milestone *ms;
    PlanState state;
    ExprOp op;
    double value;
} Mark;

typedef struct MarkEnv {
    Trk *t;
    const Indicator *want;
    const Milestone *ms;
    PlanState state;
    VEC(Mark) marks;
} MarkEnv;

static void on_mark(void *env, const Indicator *ind, ExprOp op, double value)
{
    MarkEnv *e = env;
    if (ind != e->want)
        return;
    Mark m = {e->ms, e->state, op, value};
    VEC_PUSH(e->t->a, e->marks, m);
}

/* ---- one chart ------------------------------------------------------------------ */

static void chart(Score *s, int i, Buf *b)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ScoreInd *si = &s->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    charter_series cs;
    score_series(s, i, s->as_of, &cs);
    MarkEnv me = {t, ind, NULL, PLAN_PENDING, {0}};
    for (int m = 0; m < t->nms; m++) {
        me.ms = t->ms[m];
        me.state = s->ms[m].state;
        if (t->ms[m]->due != DATE_NONE)
            eval_marks(t->ms[m]->requires, on_mark, &me);
    }
    /* Domains. */
    double x0 = NAN, x1 = NAN, y0 = 0, y1 = NAN;
    extend(&x0, &x1, t->ag->term_start == DATE_NONE ? NAN : t->ag->term_start);
    extend(&x0, &x1, t->ag->term_end == DATE_NONE ? NAN : t->ag->term_end);
    extend(&x0, &x1, s->as_of);
    for (int k = 0; k < si->nplan; k++) {
        extend(&x0, &x1, si->plan[k].date);
        extend(&y0, &y1, si->plan[k].value);
    }
    for (size_t k = 0; k < cs.count; k++) {
        extend(&x0, &x1, cs.dates[k]);
        extend(&y0, &y1, cs.values[k]);
    }
    for (int r = 0; r < oi->nrep; r++)
        for (int k = 0; k < oi->s[r].nrows; k++)
            if (oi->s[r].rows[k].cell < 0) {
                extend(&x0, &x1, oi->s[r].rows[k].date);
                extend(&y0, &y1, oi->s[r].rows[k].value);
            }
    for (int k = 0; k < me.marks.n; k++) {
        extend(&x0, &x1, me.marks.v[k].ms->due);
        extend(&y0, &y1, me.marks.v[k].value);
    }
    if (isnan(x0) || isnan(y1)) {
        buf_puts(b, "<p class=\"meta\">Nothing to chart yet: no plan and no observation.</p>\n");
        return;
    }
    if (x1 <= x0)
        x1 = x0 + 1;
    if (y1 <= y0)
        y1 = y0 + 1;
    double pad = (y1 - y0) * 0.06;
    Scale sc = {x0, x1, y0 < 0 ? y0 - pad : y0, y1 + pad};
    char n1[32], n2[32], d1[16];
    buf_printf(b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                  "aria-labelledby=\"chart-%s\"><title id=\"chart-%s\">",
               W, H, W, H, ind->d.id, ind->d.id);
    esc(b, ind->d.title ? ind->d.title : ind->d.id);
    buf_puts(b, ": observations against the plan</title>");
    axes(b, &sc);
    /* The planned trajectory, held after the last target. */
    if (si->nplan > 0) {
        buf_puts(b, "<polyline fill=\"none\" stroke=\"#90a4ae\" stroke-width=\"2\" "
                    "stroke-dasharray=\"6 4\" points=\"");
        for (int k = 0; k < si->nplan; k++)
            buf_printf(b, "%.1f,%.1f ", sx(&sc, si->plan[k].date), sy(&sc, si->plan[k].value));
        buf_printf(b, "%.1f,%.1f\"><title>planned trajectory</title></polyline>", sx(&sc, x1),
                   sy(&sc, si->plan[si->nplan - 1].value));
    }
    /* Baseline and benchmarks. */
    if (si->has_base) {
        double y = sy(&sc, si->base);
        buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#b0bec5\" "
                      "stroke-dasharray=\"2 3\"/>", ML, y, W - MR, y);
        buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#fff\" stroke=\"#546e7a\" "
                      "stroke-width=\"2\"><title>baseline %s on %s</title></circle>",
                   sx(&sc, si->base_date), y, trk_num_text(si->base, n1),
                   date_iso(si->base_date, d1));
    }
    for (int k = 0; k < ind->targets.n; k++) {
        const Target *tg = &ind->targets.v[k];
        double x = sx(&sc, tg->date), y = sy(&sc, tg->value);
        buf_printf(b, "<path d=\"M%.1f %.1fl7 7l-7 7l-7-7z\" fill=\"#455a64\"><title>benchmark "
                      "%s by %s</title></path>",
                   x, y - 7, trk_num_text(tg->value, n1), date_iso(tg->date, d1));
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x, y - 11,
                   compact(tg->value, n2));
    }
    /* Requirements of milestones. */
    for (int k = 0; k < me.marks.n; k++) {
        const Mark *mk = &me.marks.v[k];
        double x = sx(&sc, mk->ms->due), y = sy(&sc, mk->value);
        const char *col = state_color[mk->state];
        buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                      "stroke-dasharray=\"3 3\"/>", x, MT, x, H - MB, col);
        buf_printf(b, "<path d=\"M%.1f %.1fl-7 -11h14z\" fill=\"%s\"><title>", x, y, col);
        esc(b, mk->ms->d.id);
        buf_puts(b, " requires ");
        esc(b, eval_op_text(mk->op));
        buf_printf(b, " %s (%s)</title></path>", trk_num_text(mk->value, n1),
                   state_text(mk->state));
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\" fill=\"%s\">", x + 6,
                   y - 12, col);
        esc(b, mk->ms->d.id);
        buf_puts(b, "</text>");
    }
    /* The combined value and each report.  A long ledger is thinned to at
     * most MAX_POINTS points per line and per reporter (evenly, keeping
     * the last), so that the page stays light on a long ledger. */
    size_t step = cs.count > MAX_POINTS ? (cs.count + MAX_POINTS - 1) / MAX_POINTS : 1;
    if (cs.count > 0) {
        buf_puts(b, "<polyline fill=\"none\" stroke=\"#1b5e20\" stroke-width=\"2.5\" points=\"");
        for (size_t k = 0; k < cs.count; k++)
            if (k % step == 0 || k + 1 == cs.count)
                buf_printf(b, "%.1f,%.1f ", sx(&sc, cs.dates[k]), sy(&sc, cs.values[k]));
        buf_puts(b, "\"><title>value</title></polyline>");
    }
    for (int r = 0; r < oi->nrep; r++) {
        const char *col = reporter_color[r % 8];
        int ntot = 0, seen = 0;
        for (int k = 0; k < oi->s[r].nrows; k++)
            ntot += oi->s[r].rows[k].cell < 0;
        if (ntot > MAX_POINTS) {
            /* Many reports: a thin line through every rstep-th. */
            int rstep = (ntot + MAX_POINTS - 1) / MAX_POINTS;
            buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1\" points=\"",
                       col);
            for (int k = 0; k < oi->s[r].nrows; k++) {
                const ObsRow *row = &oi->s[r].rows[k];
                if (row->cell >= 0 || (seen++ % rstep != 0 && seen != ntot))
                    continue;
                buf_printf(b, "%.1f,%.1f ", sx(&sc, row->date), sy(&sc, row->value));
            }
            buf_puts(b, "\"><title>");
            esc(b, ind->reporters.v[r]->d.id);
            buf_printf(b, ": %d reports</title></polyline>", ntot);
            continue;
        }
        for (int k = 0; k < oi->s[r].nrows; k++) {
            const ObsRow *row = &oi->s[r].rows[k];
            if (row->cell >= 0)
                continue;
            buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>",
                       sx(&sc, row->date), sy(&sc, row->value), col);
            esc(b, ind->reporters.v[r]->d.id);
            buf_printf(b, ": %s on %s</title></circle>", trk_num_text(row->value, n1),
                       date_iso(row->date, d1));
        }
    }
    /* The combined value at each date (also where reporters sent only
     * breakdown cells, and for derived indicators). */
    for (size_t k = 0; cs.count <= MAX_POINTS && k < cs.count; k++)
        buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1b5e20\"><title>value "
                      "%s on %s</title></circle>",
                   sx(&sc, cs.dates[k]), sy(&sc, cs.values[k]), trk_num_text(cs.values[k], n1),
                   date_iso(cs.dates[k], d1));
    /* As of. */
    double xa = sx(&sc, s->as_of);
    buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" "
                  "stroke-width=\"1\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">as of "
                  "%s</text>",
               xa, MT, xa, H - MB, xa, MT - 8, date_iso(s->as_of, d1));
    buf_puts(b, "</svg>\n<p class=\"legend\">");
    for (int r = 0; r < oi->nrep; r++) {
        bool any = false;
        for (int k = 0; k < oi->s[r].nrows && !any; k++)
            any = oi->s[r].rows[k].cell < 0;
        if (!any)
            continue;
        buf_printf(b, "<span><i class=\"sw\" style=\"background:%s\"></i>", reporter_color[r % 8]);
        esc(b, ind->reporters.v[r]->d.id);
        buf_puts(b, "</span>");
    }
    if (cs.count)
        buf_puts(b, "<span><i class=\"sw\" style=\"background:#1b5e20\"></i>value</span>");
    if (si->nplan)
        buf_puts(b, "<span><i class=\"sw\" style=\"background:#90a4ae\"></i>plan</span>");
    if (si->has_base)
        buf_puts(b, "<span>&#9711; baseline</span>");
    if (ind->targets.n)
        buf_puts(b, "<span>&#9670; benchmark</span>");
    if (me.marks.n)
        buf_puts(b, "<span>&#9660; milestone requirement</span>");
    buf_puts(b, "<span>| as of</span></p>\n");
}

/* ---- breakdowns ----------------------------------------------------------------- */

typedef struct Cell {
    int32_t code;
    double value;
    bool suppressed;
} Cell;

static int cell_cmp(const void *a, const void *b)
{
    const Cell *x = a, *y = b;
    return (x->code > y->code) - (x->code < y->code);
}

static void breakdown(Score *s, int i, int min_cell, Buf *b)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    if (oi->ndims == 0)
        return;
    /* Each reporter's latest cells, added up across reporters. */
    VEC(Cell) cells = {0};
    int32_t shown = DATE_NONE;
    for (int r = 0; r < oi->nrep; r++) {
        const ObsSeries *se = &oi->s[r];
        int32_t latest = DATE_NONE;
        for (int k = 0; k < se->nrows; k++)
            if (se->rows[k].cell >= 0 && (latest == DATE_NONE || se->rows[k].date > latest))
                latest = se->rows[k].date;
        if (latest == DATE_NONE)
            continue;
        if (shown == DATE_NONE || latest > shown)
            shown = latest;
        for (int k = 0; k < se->nrows; k++) {
            const ObsRow *row = &se->rows[k];
            if (row->cell < 0 || row->date != latest)
                continue;
            int c = 0;
            while (c < cells.n && cells.v[c].code != row->cell)
                c++;
            if (c == cells.n) {
                Cell nc = {row->cell, 0, false};
                VEC_PUSH(t->a, cells, nc);
            }
            cells.v[c].value += row->value;
        }
    }
    if (cells.n == 0) {
        buf_puts(b, "<p class=\"meta\">No breakdown reported yet.</p>\n");
        return;
    }
    qsort(cells.v, (size_t)cells.n, sizeof *cells.v, cell_cmp);
    int nsupp = 0;
    if (ind->personal_data) {
        for (int c = 0; c < cells.n; c++)
            if (cells.v[c].value < min_cell) {
                cells.v[c].suppressed = true;
                nsupp++;
            }
        if (nsupp == 1 && cells.n > 1) {
            /* One hidden cell could be worked out from the others and the total. */
            int best = -1;
            for (int c = 0; c < cells.n; c++)
                if (!cells.v[c].suppressed && (best < 0 || cells.v[c].value < cells.v[best].value))
                    best = c;
            cells.v[best].suppressed = true;
            nsupp++;
        }
    }
    char d1[16], n1[32];
    buf_printf(b, "<table><caption class=\"meta\" style=\"text-align:left\">Latest breakdown "
                  "(%s)</caption><tr>", date_iso(shown, d1));
    for (int k = 0; k < oi->ndims; k++) {
        buf_puts(b, "<th>");
        esc(b, ind->dims.v[k]->d.title ? ind->dims.v[k]->d.title : ind->dims.v[k]->d.id);
        buf_puts(b, "</th>");
    }
    buf_puts(b, "<th class=\"n\">value</th></tr>\n");
    for (int c = 0; c < cells.n; c++) {
        buf_puts(b, "<tr>");
        for (int k = 0; k < oi->ndims; k++) {
            int v = obs_cell_value(oi, cells.v[c].code, k);
            buf_puts(b, "<td>");
            esc(b, v < 0 ? "(all)" : ind->dims.v[k]->values.v[v]);
            buf_puts(b, "</td>");
        }
        if (cells.v[c].suppressed)
            buf_printf(b, "<td class=\"n supp\">suppressed</td></tr>\n");
        else
            buf_printf(b, "<td class=\"n\">%s</td></tr>\n", trk_num_text(cells.v[c].value, n1));
    }
    buf_puts(b, "</table>\n");
    if (ind->personal_data)
        buf_printf(b, "<p class=\"meta\">Personal data: cells below %d are suppressed%s.</p>\n",
                   min_cell, nsupp ? ", with one more where a single hidden cell could be "
                                     "worked out" : "");
}

/* ---- the milestone timeline ----------------------------------------------------- */

static void timeline(Score *s, Buf *b)
{
    Trk *t = s->t;
    double x0 = NAN, x1 = NAN;
    extend(&x0, &x1, t->ag->term_start == DATE_NONE ? NAN : t->ag->term_start);
    extend(&x0, &x1, t->ag->term_end == DATE_NONE ? NAN : t->ag->term_end);
    extend(&x0, &x1, s->as_of);
    int n = 0;
    for (int m = 0; m < t->nms; m++)
        if (t->ms[m]->due != DATE_NONE) {
            extend(&x0, &x1, t->ms[m]->due);
            n++;
        }
    if (n == 0 || isnan(x0))
        return;
    if (x1 <= x0)
        x1 = x0 + 1;
    int row = 26, h = MT + 30 + row * n;
    Scale sc = {x0, x1, 0, 1};
    char d1[16];
    buf_printf(b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                  "aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">Milestone "
                  "timeline, coloured by state</title>", W, h, W, h);
    /* Year lines. */
    int y0, y1, mm, dd;
    date_to_civil((int32_t)x0, &y0, &mm, &dd);
    date_to_civil((int32_t)x1, &y1, &mm, &dd);
    for (int y = y0; y <= y1 + 1; y++) {
        int32_t day = date_from_civil(y, 1, 1);
        if (day < x0 || day > x1)
            continue;
        double x = sx(&sc, day);
        buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                      "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
                   x, MT, x, h - 20, x, h - 6, y);
    }
    int k = 0;
    for (int m = 0; m < t->nms; m++) {
        const Milestone *ms = t->ms[m];
        if (ms->due == DATE_NONE)
            continue;
        const ScoreMs *sm = &s->ms[m];
        double y = MT + 10 + row * k++, x = sx(&sc, ms->due);
        const char *col = state_color[sm->state];
        buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#f2f2f2\"/>", ML,
                   y, W - MR, y);
        buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\"><title>", x, y, col);
        esc(b, ms->d.id);
        buf_printf(b, ": %s, due %s</title></circle>", state_text(sm->state),
                   date_iso(ms->due, d1));
        if (sm->ev != PLAN_EVENT_NONE) {
            double xe = sx(&sc, sm->ev_date);
            buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\" fill=\"%s\">"
                          "<title>%s on %s</title></rect>",
                       xe, y, x, y, col, xe - 3, y - 3, col,
                       sm->ev == PLAN_EVENT_DONE ? "done" : "cancelled",
                       date_iso(sm->ev_date, d1));
        }
        /* The label on the side with room. */
        bool right = x < (ML + W - MR) / 2.0;
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", right ? x + 12 : x - 12,
                   y + 4, right ? "start" : "end");
        esc(b, ms->d.id);
        buf_printf(b, " (%s)</text>", state_text(sm->state));
    }
    double xa = sx(&sc, s->as_of);
    buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>", xa, MT - 4,
               xa, h - 20);
    buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">as of %s</text></svg>\n", xa,
               MT - 8, date_iso(s->as_of, d1));
    buf_puts(b, "<p class=\"legend\">");
    for (int st = 0; st < 6; st++)
        buf_printf(b, "<span><i class=\"sw\" style=\"background:%s\"></i>%s</span>",
                   state_color[st], state_text((PlanState)st));
    buf_puts(b, "</p>\n");
}

/* ---- the page ------------------------------------------------------------------- */

void report_html(Score *s, int min_cell, Buf *b)
{
    Trk *t = s->t;
    const Agreement *ag = t->ag;
    const char *title = ag->d.title ? ag->d.title : ag->d.id;
    char d1[32], d2[16], n1[32], n2[32];
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>");
    esc(b, title);
    buf_printf(b, ": progress as of %s</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>",
               date_iso(s->as_of, d2), css);
    esc(b, title);
    buf_puts(b, "</h1>\n<p class=\"meta\">Agreement <code>");
    esc(b, ag->d.id);
    buf_puts(b, "</code>");
    if (ag->version) {
        buf_puts(b, ", version ");
        esc(b, ag->version);
    }
    buf_printf(b, " &middot; progress as of <strong>%s</strong></p>\n</header>\n",
               date_long(s->as_of, d1));

    /* Summary cards. */
    int ist[4] = {0}, mst[6] = {0};
    for (int i = 0; i < t->nind; i++)
        ist[s->ind[i].status]++;
    for (int m = 0; m < t->nms; m++)
        mst[s->ms[m].state]++;
    buf_puts(b, "<section class=\"cards\">\n");
    for (int k = 0; k < 4; k++)
        buf_printf(b, "<div class=\"card\" style=\"border-left:4px solid %s\"><b>%d</b>"
                      "indicator%s %s</div>\n",
                   status_color[k], ist[k], ist[k] == 1 ? "" : "s", status_text((PlanStatus)k));
    for (int k = 0; k < 6; k++)
        if (mst[k])
            buf_printf(b, "<div class=\"card\" style=\"border-left:4px solid %s\"><b>%d</b>"
                          "milestone%s %s</div>\n",
                       state_color[k], mst[k], mst[k] == 1 ? "" : "s", state_text((PlanState)k));
    buf_puts(b, "</section>\n");

    /* Indicators table. */
    buf_puts(b, "<h2>Indicators</h2>\n<table>\n<tr><th>Indicator</th><th class=\"n\">Value</th>"
                "<th>Date</th><th class=\"n\">Planned then</th><th class=\"n\">Planned today</th>"
                "<th class=\"n\">Progress</th><th>Status</th></tr>\n");
    for (int i = 0; i < t->nind; i++) {
        const ScoreInd *si = &s->ind[i];
        buf_printf(b, "<tr><td><a href=\"#ind-%s\">", t->ind[i]->d.id);
        esc(b, t->ind[i]->d.title ? t->ind[i]->d.title : t->ind[i]->d.id);
        char n3[48];
        buf_printf(b, "</a></td><td class=\"n\">%s</td><td>%s</td><td class=\"n\">%s</td>"
                      "<td class=\"n\">%s</td><td class=\"n\">",
                   si->has_value ? trk_num_text(si->value, n1) : "&ndash;",
                   si->has_value ? date_iso(si->date, d2) : "&ndash;",
                   si->has_value && si->has_planned ? trk_num_text(si->planned, n2) : "&ndash;",
                   si->has_planned_now ? trk_num_text(si->planned_now, n3) : "&ndash;");
        if (si->has_progress)
            buf_printf(b, "%.0f%%", si->progress);
        else
            buf_puts(b, "&ndash;");
        buf_puts(b, "</td><td>");
        badge(b, status_color[si->status], status_text(si->status));
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</table>\n");

    /* One article per indicator. */
    for (int i = 0; i < t->nind; i++) {
        const Indicator *ind = t->ind[i];
        const ScoreInd *si = &s->ind[i];
        buf_printf(b, "<article id=\"ind-%s\">\n<h3>", ind->d.id);
        esc(b, ind->d.title ? ind->d.title : ind->d.id);
        buf_puts(b, " ");
        badge(b, status_color[si->status], status_text(si->status));
        buf_puts(b, "</h3>\n<p class=\"meta\"><code>");
        esc(b, ind->d.id);
        buf_puts(b, "</code>");
        if (ind->unit) {
            buf_puts(b, " &middot; ");
            esc(b, ind->unit->d.title ? ind->unit->d.title : ind->unit->d.id);
        }
        buf_printf(b, " &middot; %s", ind->direction < 0 ? "lower is better" : "higher is better");
        if (ind->formula) {
            buf_puts(b, " &middot; derived: <code>");
            esc(b, score_expr_text(s, ind->formula));
            buf_puts(b, "</code>");
        } else {
            buf_printf(b, " &middot; %s, combined by %s",
                       ind->values == VALUES_PER_PERIOD ? "values per period" : "running totals",
                       (const char *[]){"sum", "mean", "min", "max", "latest"}[ind->combine]);
            if (ind->reporters.n) {
                buf_puts(b, " &middot; reported by ");
                for (int r = 0; r < ind->reporters.n; r++) {
                    if (r)
                        buf_puts(b, ", ");
                    esc(b, ind->reporters.v[r]->d.id);
                }
            }
        }
        if (ind->personal_data)
            buf_puts(b, " &middot; personal data");
        buf_puts(b, "</p>\n");
        if (ind->source) {
            buf_puts(b, "<p class=\"meta\">Source: ");
            esc(b, ind->source);
            buf_puts(b, "</p>\n");
        }
        chart(s, i, b);
        breakdown(s, i, min_cell, b);
        buf_puts(b, "</article>\n");
    }

    /* Milestones. */
    if (t->nms > 0) {
        buf_puts(b, "<h2>Milestones</h2>\n");
        timeline(s, b);
        buf_puts(b, "<table>\n<tr><th>Milestone</th><th>Due</th><th>Owner</th><th>State</th>"
                    "<th>Requirement or event</th></tr>\n");
        for (int m = 0; m < t->nms; m++) {
            const Milestone *ms = t->ms[m];
            const ScoreMs *sm = &s->ms[m];
            buf_puts(b, "<tr><td>");
            esc(b, ms->d.title ? ms->d.title : ms->d.id);
            buf_puts(b, " <code>");
            esc(b, ms->d.id);
            buf_printf(b, "</code></td><td>%s</td><td>",
                       ms->due != DATE_NONE ? date_iso(ms->due, d2) : "&ndash;");
            esc(b, ms->owner ? ms->owner->d.id : "");
            buf_puts(b, "</td><td>");
            badge(b, state_color[sm->state], state_text(sm->state));
            buf_puts(b, "</td><td>");
            if (sm->ev != PLAN_EVENT_NONE) {
                buf_printf(b, "%s on %s by ", sm->ev == PLAN_EVENT_DONE ? "done" : "cancelled",
                           date_iso(sm->ev_date, d2));
                esc(b, sm->ev_by);
            } else if (ms->requires) {
                buf_puts(b, "<code>");
                esc(b, score_expr_text(s, ms->requires));
                buf_printf(b, "</code>: %s", sm->req == PLAN_TRUE    ? "holds"
                                             : sm->req == PLAN_FALSE ? "does not hold yet"
                                                                     : "no data yet");
            }
            buf_puts(b, "</td></tr>\n");
        }
        buf_puts(b, "</table>\n");
    }

    /* Partners. */
    if (t->npart > 0) {
        buf_puts(b, "<h2>Partners</h2>\n<table>\n<tr><th>Partner</th><th class=\"n\">Missing "
                    "reports</th><th class=\"n\">Overdue milestones</th></tr>\n");
        for (int p = 0; p < t->npart; p++) {
            buf_puts(b, "<tr><td>");
            esc(b, t->part[p]->d.title ? t->part[p]->d.title : t->part[p]->d.id);
            buf_printf(b, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
                       s->part[p].missing_reports, s->part[p].overdue_milestones);
        }
        buf_puts(b, "</table>\n");
    }
    buf_printf(b, "<footer>Made by the tracker of <code>");
    esc(b, ag->d.id);
    buf_printf(b, "</code> (charter-runtime %s, agreement compiled by charterc %s). Planned values "
                  "follow straight lines from the baseline through each benchmark.</footer>\n"
                  "</body>\n</html>\n",
               CHARTER_VERSION, t->bundle.version);
}

static const char report_help[] =
    "usage: %s report [-o FILE] [--as-of DATE] [--min-cell N]\n\n"
    "A self-contained HTML dashboard (no script, no external request): the\n"
    "scorecard, a chart per indicator (observations, baseline, benchmarks, planned\n"
    "trajectory, milestone requirements), breakdown tables and the milestone\n"
    "timeline coloured by state.\n\n"
    "  -o FILE          where to write it (default: ./ID-report.html; - for standard output)\n"
    "  --as-of DATE     the date to look from (default: today)\n"
    "  --min-cell N     for indicators with personal data, suppress breakdown cells\n"
    "                   below N (default 5)\n";

int report_cmd(Trk *t, int argc, char **argv)
{
    static const TrkOpt opts[] = {{"output", 'o', true}, {"as-of", 0, true}, {"min-cell", 0, true}};
    TrkArgs a;
    if (!trk_args(t, &a, opts, 3, argc, argv, "report"))
        return 2;
    if (trk_arg(&a, "help")) {
        printf(report_help, t->prog);
        return 0;
    }
    if (a.npos > 0)
        return trk_fail(t, "report takes no argument '%s' (use -o FILE)", a.pos[0]);
    int min_cell = 5;
    const char *mc = trk_arg(&a, "min-cell");
    if (mc) {
        char *end;
        long v = strtol(mc, &end, 10);
        if (*mc == '\0' || *end != '\0' || v < 0 || v > 1000000000)
            return trk_fail(t, "--min-cell wants a whole number, not '%s'", mc);
        min_cell = (int)v;
    }
    int32_t as_of;
    if (!trk_as_of(t, &a, &as_of))
        return 2;
    Score s;
    int st = score_run(&s, t, as_of, true);
    if (st)
        return st;
    Buf b;
    buf_init(&b);
    report_html(&s, min_cell, &b);
    score_free(&s);
    const char *out = trk_arg(&a, "output");
    if (!out)
        out = arena_printf(t->a, "%s-report.html", t->ag->d.id);
    bool changed;
    int e = buf_write_file(&b, out, &changed);
    buf_free(&b);
    if (e)
        return trk_fail(t, "cannot write %s: %s", out, strerror(e));
    if (strcmp(out, "-") != 0)
        printf("%s %s\n", changed ? "wrote" : "unchanged", out);
    return 0;
}
