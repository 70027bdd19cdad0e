/* chart.c - the dashboard's SVG pictures (chart_).  See chart.h.
 *
 * Their words, numbers and long dates are in the language chosen with
 * --lang (lang.h), as the page's; the axes' years and quarters are ISO
 * (2024, 2024-04), the same in every language. */
#define _POSIX_C_SOURCE 200809L
#include "chart.h"
#include "period.h"
#include "privacy.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define W 760
#define H 280
#define ML 72
#define MR 24
#define MT 24
#define MB 44
#define MAX_POINTS 120

static const char *const state_color[] = {"#2e7d32", "#757575", "#00897b",
                                          "#c62828", "#ef6c00", "#1565c0"};
static const char *const reporter_color[] = {"#6a1b9a", "#00838f", "#ad1457", "#558b2f",
                                             "#4527a0", "#ef6c00", "#37474f", "#0277bd"};

static void esc(Buf *b, const char *s)
{
    buf_xml(b, s ? s : "");
}

const char *chart_state_color(VerdictState st)
{
    return state_color[st];
}

/* 1.5M, 300k, 12.5: an axis label or a benchmark's value.  The number is
 * printf's, with the language's decimal sign (the one numtext.h writes)
 * in place of the point; the letters for thousands, millions and
 * billions are the catalogue's. */
static const char *compact(double v, char *buf)
{
    double a = fabs(v);
    char n[32];
    snprintf(n, sizeof n, "%.*g", a >= 1e4 ? 3 : 4, a >= 1e9 ? v / 1e9 : a >= 1e6 ? v / 1e6
                                                     : a >= 1e4 ? v / 1e3 : v);
    char *dot = strchr(n, '.');
    if (dot && !lang_is_english()) {
        char half[NUM_TEXT_MAX];
        num_text(0.5, NUM_TRACKER, half);      /* "0.5", "0,5": the sign is after the 0 */
        size_t len = strlen(half + 1) - 1;
        char rest[32];
        snprintf(rest, sizeof rest, "%s", dot + 1);
        snprintf(dot, sizeof n - (size_t)(dot - n), "%.*s%s", (int)len, half + 1, rest);
    }
    /* TRANSLATORS: a compact number on a chart's axis: %1$s billions,
     * millions or thousands ("1.5B", "1.5M", "300k"). */
    snprintf(buf, 32, a >= 1e9 ? L_("%1$sB") : a >= 1e6 ? L_("%1$sM") : a >= 1e4 ? L_("%1$sk") : "%s",
             n);
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
    VerdictState state;
    ExprOp op;
    double value;
} Mark;

typedef struct MarkEnv {
    Trk *t;
    const Indicator *want;
    const Milestone *ms;
    VerdictState state;
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

/* ---- the chart of an indicator ---------------------------------------------------- */

/* An indicator's chart: what it shows, gathered first because everything
 * shown widens the scale, then the scale that every part is drawn on. */
typedef struct IndChart {
    Score *s;
    Buf *b;
    int i;               /* the indicator's index */
    const Indicator *ind;
    const ScoreInd *si;  /* its plan, baseline and status */
    const ObsInd *oi;    /* its reports, reporter by reporter */
    charter_series cs;   /* its combined value, date by date */
    bool personal;       /* personal data: values score_hidden() hides are not
                            drawn, nor placed on the scale, and no reporter's
                            own reports are drawn */
    MarkEnv me;          /* the requirements of milestones on it (me.marks) */
    Scale sc;
} IndChart;

/* Whether the k-th value of the combined series may be drawn: not a
 * count below the threshold, nor a rate whose denominator is (or has no
 * value) at that date (privacy.h). */
static bool shown_value(const IndChart *c, size_t k)
{
    int den = priv_denominator(c->s, c->i);
    if (den >= 0) {
        int32_t vd;
        double d = score_value(c->s, den, c->cs.dates[k], &vd);
        return d >= c->s->t->min_cell;
    }
    /* The latest value is the total, which complementary suppression may
     * hide although it is not small. */
    if (c->si->suppressed && c->cs.dates[k] == c->si->date)
        return false;
    return !c->personal || !score_hidden(c->s, c->i, c->cs.values[k]);
}

/* The requirements that milestones with a due date put on the indicator. */
static void indicator_marks(IndChart *c)
{
    Trk *t = c->s->t;
    for (int m = 0; m < t->nms; m++) {
        c->me.ms = t->ms[m];
        c->me.state = c->s->ms[m].state;
        if (t->ms[m]->due != DATE_NONE)
            eval_marks(t->ms[m]->requires, on_mark, &c->me);
    }
}

/* The scale: dates over the term, the as-of date and everything drawn;
 * values from 0 (or below, with a margin) to the highest drawn, plus a
 * margin.  False when there is nothing to draw (sc.y1 NaN) or the values
 * are too far apart to draw. */
static bool indicator_scale(IndChart *c)
{
    const Agreement *ag = c->s->t->ag;
    const ScoreInd *si = c->si;
    const ObsInd *oi = c->oi;
    const MarkEnv *me = &c->me;
    double x0 = NAN, x1 = NAN, y0 = 0, y1 = NAN;
    extend(&x0, &x1, ag->term_start == DATE_NONE ? NAN : ag->term_start);
    extend(&x0, &x1, ag->term_end == DATE_NONE ? NAN : ag->term_end);
    extend(&x0, &x1, c->s->as_of);
    for (int k = 0; k < si->plan.n; k++) {
        extend(&x0, &x1, si->plan.pts[k].date);
        extend(&y0, &y1, si->plan.pts[k].value);
    }
    for (size_t k = 0; k < c->cs.count; k++) {
        extend(&x0, &x1, c->cs.dates[k]);
        if (!shown_value(c, k))
            continue;
        extend(&y0, &y1, c->cs.values[k]);
    }
    for (int r = 0; r < oi->nrep && !c->personal; r++)
        for (int k = 0; k < oi->s[r].nrows; k++)
            if (oi->s[r].rows[k].cell < 0) {
                extend(&x0, &x1, oi->s[r].rows[k].date);
                extend(&y0, &y1, oi->s[r].rows[k].value);
            }
    for (int k = 0; k < me->marks.n; k++) {
        extend(&x0, &x1, me->marks.v[k].ms->due);
        extend(&y0, &y1, me->marks.v[k].value);
    }
    if (isnan(x0) || isnan(y1)) {
        c->sc.y1 = NAN;         /* nothing to draw */
        return false;
    }
    if (x1 <= x0)
        x1 = x0 + 1;
    if (y1 <= y0)
        y1 = y0 + 1;
    double pad = (y1 - y0) * 0.06;
    c->sc = (Scale){x0, x1, y0 < 0 ? y0 - pad : y0, y1 + pad};
    /* Values near the largest double (each finite) can span more than it:
     * no scale could place them, so no chart rather than NaN coordinates. */
    return isfinite(c->sc.y1 - c->sc.y0);
}

/* The plan of an indicator judged by totals over a year or quarter: the
 * span's target spread over its reporting periods in season, as the
 * status reads it (score_totals_plan), a step at each period's start and
 * back to 0 at each span's. */
static void plot_totals_plan(const IndChart *c)
{
    const ObsInd *oi = c->oi;
    Score *s = c->s;
    Buf pts;
    buf_init(&pts);
    int n = 0;
    double v, tg;
    int32_t x0 = (int32_t)c->sc.x0, x1 = (int32_t)c->sc.x1;
    if (score_totals_plan(s, c->i, x0, &v, &tg))
        buf_printf(&pts, "%.1f,%.1f ", sx(&c->sc, x0), sy(&c->sc, v)), n++;
    int k = x0 <= oi->anchor ? 0 : period_of(oi->anchor, oi->freq, x0);
    for (int end = k + 5000; k < end; k++) {
        int32_t ps = period_start(oi->anchor, oi->freq, k);
        if (ps > x1)
            break;
        if (ps <= x0)
            continue;
        double before, after;
        bool hb = score_totals_plan(s, c->i, ps - 1, &before, &tg);
        bool ha = score_totals_plan(s, c->i, ps, &after, &tg);
        if (hb && ha && before == after)
            continue;   /* no step: the line runs on */
        if (hb)
            buf_printf(&pts, "%.1f,%.1f ", sx(&c->sc, ps), sy(&c->sc, before)), n++;
        if (ha)
            buf_printf(&pts, "%.1f,%.1f ", sx(&c->sc, ps), sy(&c->sc, after)), n++;
    }
    if (score_totals_plan(s, c->i, x1, &v, &tg))
        buf_printf(&pts, "%.1f,%.1f ", sx(&c->sc, x1), sy(&c->sc, v)), n++;
    if (n >= 2)
        /* TRANSLATORS: the tooltip of the plan of an indicator judged by
         * yearly or quarterly totals. */
        buf_printf(c->b, "<polyline fill=\"none\" stroke=\"#90a4ae\" stroke-width=\"2\" "
                         "stroke-dasharray=\"6 4\" points=\"%s\"><title>%s</title></polyline>",
                   buf_cstr(&pts), L_("planned total so far in the span"));
    buf_free(&pts);
}

/* A totals indicator's value at each date: the total so far in its span
 * (the sum of each period's latest value), as the status reads it
 * (score_totals_value), in one pass over the series. */
static void totals_series(IndChart *c)
{
    const ObsInd *oi = c->oi;
    size_t n = c->cs.count;
    double *v = arena_alloc(c->s->t->a, sizeof *v * (n ? n : 1));
    double done = 0, cur = 0;
    int32_t span = DATE_NONE;
    int per = -1;
    for (size_t k = 0; k < n; k++) {
        int32_t lo, hi;
        score_totals_span(c->ind->totals, c->cs.dates[k], &lo, &hi);
        if (lo != span) {
            span = lo;
            done = 0;
            per = -1;
        }
        int p = period_of(oi->anchor, oi->freq, c->cs.dates[k]);
        if (p != per) {
            if (per >= 0)
                done += cur;
            per = p;
        }
        cur = c->cs.values[k];
        v[k] = done + cur;
    }
    c->cs.values = v;
}

/* The planned trajectory, held after the last target. */
static void plot_plan(const IndChart *c)
{
    const ScoreInd *si = c->si;
    Buf *b = c->b;
    if (score_totals_of(c->s, c->i)) {
        plot_totals_plan(c);
        return;
    }
    if (si->plan.n == 0)
        return;
    buf_puts(b, "<polyline fill=\"none\" stroke=\"#90a4ae\" stroke-width=\"2\" "
                "stroke-dasharray=\"6 4\" points=\"");
    for (int k = 0; k < si->plan.n; k++)
        buf_printf(b, "%.1f,%.1f ", sx(&c->sc, si->plan.pts[k].date),
                   sy(&c->sc, si->plan.pts[k].value));
    buf_printf(b, "%.1f,%.1f\"><title>%s</title></polyline>", sx(&c->sc, c->sc.x1),
               sy(&c->sc, si->plan.pts[si->plan.n - 1].value), L_("planned trajectory"));
}

/* The baseline (a dotted line and a ring), and the benchmarks (a diamond
 * with its value over it). */
static void plot_references(const IndChart *c)
{
    const ScoreInd *si = c->si;
    Buf *b = c->b;
    char n1[NUM_TEXT_MAX], n2[NUM_TEXT_MAX], d1[16];
    if (si->has_base) {
        double y = sy(&c->sc, si->base);
        buf_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#b0bec5\" "
                      "stroke-dasharray=\"2 3\"/>", ML, y, W - MR, y);
        buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#fff\" stroke=\"#546e7a\" "
                      "stroke-width=\"2\"><title>", sx(&c->sc, si->base_date), y);
        /* TRANSLATORS: the tooltip of the baseline: its value (%1$s) and date (%2$s). */
        buf_printf(b, L_("baseline %1$s on %2$s"), num_text(si->base, NUM_TRACKER, n1),
                   date_iso(si->base_date, d1));
        buf_puts(b, "</title></circle>");
    }
    for (int k = 0; k < c->ind->targets.n; k++) {
        const Target *tg = &c->ind->targets.v[k];
        double x = sx(&c->sc, tg->date), y = sy(&c->sc, tg->value);
        buf_printf(b, "<path d=\"M%.1f %.1fl7 7l-7 7l-7-7z\" fill=\"#455a64\"><title>", x, y - 7);
        /* TRANSLATORS: the tooltip of a benchmark (a target): its value (%1$s)
         * and the date it is due by (%2$s). */
        buf_printf(b, L_("benchmark %1$s by %2$s"), num_text(tg->value, NUM_TRACKER, n1),
                   date_iso(tg->date, d1));
        buf_puts(b, "</title></path>");
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x, y - 11,
                   compact(tg->value, n2));
    }
}

/* Each requirement of a milestone: a dashed line at its due date and a
 * marker at the value required, in the colour of the milestone's state. */
static void plot_requirements(const IndChart *c)
{
    Buf *b = c->b;
    char n1[NUM_TEXT_MAX];
    for (int k = 0; k < c->me.marks.n; k++) {
        const Mark *mk = &c->me.marks.v[k];
        double x = sx(&c->sc, mk->ms->due), y = sy(&c->sc, mk->value);
        const char *col = state_color[mk->state];
        buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                      "stroke-dasharray=\"3 3\"/>", x, MT, x, H - MB, col);
        buf_printf(b, "<path d=\"M%.1f %.1fl-7 -11h14z\" fill=\"%s\"><title>", x, y, col);
        Buf id, op;
        buf_init(&id);
        buf_init(&op);
        esc(&id, mk->ms->d.id);
        esc(&op, eval_op_text(mk->op));
        /* TRANSLATORS: the tooltip of a milestone's requirement on a chart:
         * the milestone (%1$s), the comparison (%2$s, such as >=), the value
         * (%3$s) and the milestone's state (%4$s). */
        buf_printf(b, L_("%1$s requires %2$s %3$s (%4$s)"), buf_cstr(&id), buf_cstr(&op),
                   num_text(mk->value, NUM_TRACKER, n1), verdict_state_text(mk->state));
        buf_puts(b, "</title></path>");
        buf_free(&id);
        buf_free(&op);
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\" fill=\"%s\">", x + 6,
                   y - 12, col);
        esc(b, mk->ms->d.id);
        buf_puts(b, "</text>");
    }
}

/* The combined value as a line.  A long ledger is thinned to at most
 * MAX_POINTS points per line and per reporter (evenly, keeping the last),
 * so that the page stays light on a long ledger. */
static void plot_value_line(const IndChart *c)
{
    const charter_series *cs = &c->cs;
    Buf *b = c->b;
    size_t step = cs->count > MAX_POINTS ? (cs->count + MAX_POINTS - 1) / MAX_POINTS : 1;
    if (cs->count == 0)
        return;
    buf_puts(b, "<polyline fill=\"none\" stroke=\"#1b5e20\" stroke-width=\"2.5\" points=\"");
    for (size_t k = 0; k < cs->count; k++)
        if ((k % step == 0 || k + 1 == cs->count) && shown_value(c, k))
            buf_printf(b, "%.1f,%.1f ", sx(&c->sc, cs->dates[k]), sy(&c->sc, cs->values[k]));
    /* TRANSLATORS: the tooltip of the line of an indicator's value. */
    buf_printf(b, "\"><title>%s</title></polyline>", L_("value"));
}

/* Reporter r's reports (whole values, not breakdown cells): a dot per
 * report, or a thin line when there are more than MAX_POINTS. */
static void plot_reporter(const IndChart *c, int r)
{
    const ObsInd *oi = c->oi;
    Buf *b = c->b;
    const char *col = reporter_color[r % 8];
    char n1[NUM_TEXT_MAX], d1[16];
    int ntot = 0, seen = 0;
    for (int k = 0; k < oi->s[r].nrows; k++)
        ntot += oi->s[r].rows[k].cell < 0;
    if (ntot > MAX_POINTS) {
        /* Many reports: a thin line through every rstep-th. */
        int rstep = (ntot + MAX_POINTS - 1) / MAX_POINTS;
        buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1\" points=\"", col);
        for (int k = 0; k < oi->s[r].nrows; k++) {
            const ObsRow *row = &oi->s[r].rows[k];
            if (row->cell >= 0 || (seen++ % rstep != 0 && seen != ntot))
                continue;
            buf_printf(b, "%.1f,%.1f ", sx(&c->sc, row->date), sy(&c->sc, row->value));
        }
        buf_puts(b, "\"><title>");
        Buf id;
        buf_init(&id);
        esc(&id, c->ind->reporters.v[r]->d.id);
        /* TRANSLATORS: the tooltip of a partner's reports drawn as a line:
         * the partner (%1$s) and how many reports (%2$d). */
        buf_printf(b, LN_("%1$s: %2$d report", "%1$s: %2$d reports", (unsigned long)ntot),
                   buf_cstr(&id), ntot);
        buf_free(&id);
        buf_puts(b, "</title></polyline>");
        return;
    }
    for (int k = 0; k < oi->s[r].nrows; k++) {
        const ObsRow *row = &oi->s[r].rows[k];
        if (row->cell >= 0)
            continue;
        buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>",
                   sx(&c->sc, row->date), sy(&c->sc, row->value), col);
        Buf id;
        buf_init(&id);
        esc(&id, c->ind->reporters.v[r]->d.id);
        /* TRANSLATORS: the tooltip of a report: the partner (%1$s), the value
         * (%2$s) and its date (%3$s). */
        buf_printf(b, L_("%1$s: %2$s on %3$s"), buf_cstr(&id), num_text(row->value, NUM_TRACKER, n1),
                   date_iso(row->date, d1));
        buf_free(&id);
        buf_puts(b, "</title></circle>");
    }
}

/* The combined value at each date, over the reports (it is there also
 * where reporters sent only breakdown cells, and for derived indicators);
 * a long series has its line only. */
static void plot_value_dots(const IndChart *c)
{
    const charter_series *cs = &c->cs;
    char n1[NUM_TEXT_MAX], d1[16];
    for (size_t k = 0; cs->count <= MAX_POINTS && k < cs->count; k++)
        if (shown_value(c, k)) {
            buf_printf(c->b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1b5e20\"><title>",
                       sx(&c->sc, cs->dates[k]), sy(&c->sc, cs->values[k]));
            /* TRANSLATORS: the tooltip of the indicator's value (%1$s) at a date (%2$s). */
            buf_printf(c->b, L_("value %1$s on %2$s"), num_text(cs->values[k], NUM_TRACKER, n1),
                       date_iso(cs->dates[k], d1));
            buf_puts(c->b, "</title></circle>");
        }
}

/* The legend under the chart: only what it shows. */
static void plot_legend(const IndChart *c)
{
    const ObsInd *oi = c->oi;
    Buf *b = c->b;
    buf_puts(b, "<p class=\"legend\">");
    for (int r = 0; r < oi->nrep && !c->personal; r++) {
        bool any = false;
        for (int k = 0; k < oi->s[r].nrows && !any; k++)
            any = oi->s[r].rows[k].cell < 0;
        if (!any)
            continue;
        buf_printf(b, "<span><i class=\"sw\" style=\"background:%s\"></i>", reporter_color[r % 8]);
        esc(b, c->ind->reporters.v[r]->d.id);
        buf_puts(b, "</span>");
    }
    /* TRANSLATORS: the legend under an indicator's chart. */
    if (c->cs.count)
        buf_printf(b, "<span><i class=\"sw\" style=\"background:#1b5e20\"></i>%s</span>", L_("value"));
    if (c->si->plan.n)
        buf_printf(b, "<span><i class=\"sw\" style=\"background:#90a4ae\"></i>%s</span>", L_("plan"));
    if (c->si->has_base)
        buf_printf(b, "<span>&#9711; %s</span>", L_("baseline"));
    if (c->ind->targets.n)
        buf_printf(b, "<span>&#9670; %s</span>", L_("benchmark"));
    if (c->me.marks.n)
        buf_printf(b, "<span>&#9660; %s</span>", L_("milestone requirement"));
    if (priv_denominator(c->s, c->i) >= 0) {
        buf_puts(b, "<span>");
        buf_printf(b, L_("personal data: values whose denominator is below %1$d and each "
                         "partner's own reports are not shown"), c->s->t->min_cell);
        buf_puts(b, "</span>");
    } else if (c->personal) {
        buf_puts(b, "<span>");
        buf_printf(b, L_("personal data: values below %1$d and each partner's own reports are "
                         "not shown"), c->s->t->min_cell);
        buf_puts(b, "</span>");
    }
    /* TRANSLATORS: the legend of the vertical line at the date the chart looks from. */
    buf_printf(b, "<span>| %s</span></p>\n", L_("as of"));
}

/* The parts are drawn back to front: references under the reports, the
 * combined value's dots over them, the as-of line last. */
void chart_indicator(Score *s, int i, Buf *b)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    IndChart c = {.s = s, .b = b, .i = i, .ind = ind, .si = &s->ind[i], .oi = &s->obs.ind[i],
                  .personal = ind->personal_data || priv_protected(s, i),
                  .me = {t, ind, NULL, VERDICT_PENDING, {0}}};
    score_series(s, i, s->as_of, &c.cs);
    if (score_totals_of(s, i))
        totals_series(&c);
    indicator_marks(&c);
    if (!indicator_scale(&c)) {
        buf_printf(b, "<p class=\"meta\">%s</p>\n",
                   isnan(c.sc.y1) ? L_("Nothing to chart yet: no plan and no observation.")
                                  : L_("No chart: the values are too far apart to draw."));
        return;
    }
    char d1[16];
    buf_printf(b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                  "aria-labelledby=\"chart-%s\"><title id=\"chart-%s\">",
               W, H, W, H, ind->d.id, ind->d.id);
    Buf title;
    buf_init(&title);
    esc(&title, ind->d.title ? ind->d.title : ind->d.id);
    /* TRANSLATORS: the title of an indicator's chart; %1$s is the indicator's title. */
    buf_printf(b, L_("%1$s: observations against the plan"), buf_cstr(&title));
    buf_free(&title);
    buf_puts(b, "</title>");
    axes(b, &c.sc);
    plot_plan(&c);
    plot_references(&c);
    plot_requirements(&c);
    plot_value_line(&c);
    for (int r = 0; r < c.oi->nrep && !c.personal; r++)
        plot_reporter(&c, r);
    plot_value_dots(&c);
    double xa = sx(&c.sc, s->as_of);
    buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" "
                  "stroke-width=\"1\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
               xa, MT, xa, H - MB, xa, MT - 8);
    /* TRANSLATORS: the label of the line at the date the chart looks from. */
    buf_printf(b, L_("as of %1$s"), date_iso(s->as_of, d1));
    buf_puts(b, "</text>");
    buf_puts(b, "</svg>\n");
    plot_legend(&c);
}

/* ---- the milestone timeline ----------------------------------------------------- */

void chart_timeline(Score *s, Buf *b)
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
                  "aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">%s</title>",
               W, h, W, h, L_("Milestone timeline, coloured by state"));
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
        Buf id;
        buf_init(&id);
        esc(&id, ms->d.id);
        /* TRANSLATORS: the tooltip of a milestone on the timeline: its id
         * (%1$s), its state (%2$s) and due date (%3$s). */
        buf_printf(b, L_("%1$s: %2$s, due %3$s"), buf_cstr(&id), verdict_state_text(sm->state),
                   date_iso(ms->due, d1));
        buf_free(&id);
        buf_puts(b, "</title></circle>");
        if (sm->ev != VERDICT_EVENT_NONE) {
            double xe = sx(&sc, sm->ev_date);
            buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\" fill=\"%s\">"
                          "<title>",
                       xe, y, x, y, col, xe - 3, y - 3, col);
            /* TRANSLATORS: the tooltip of the event that settled a milestone, with its date. */
            buf_printf(b, sm->ev == VERDICT_EVENT_DONE ? L_("done on %1$s") : L_("cancelled on %1$s"),
                       date_iso(sm->ev_date, d1));
            buf_puts(b, "</title></rect>");
        }
        /* The label on the side with room. */
        bool right = x < (ML + W - MR) / 2.0;
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", right ? x + 12 : x - 12,
                   y + 4, right ? "start" : "end");
        esc(b, ms->d.id);
        buf_printf(b, " (%s)</text>", verdict_state_text(sm->state));
    }
    double xa = sx(&sc, s->as_of);
    buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>", xa, MT - 4,
               xa, h - 20);
    buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", xa, MT - 8);
    buf_printf(b, L_("as of %1$s"), date_iso(s->as_of, d1));
    buf_puts(b, "</text></svg>\n");
    buf_puts(b, "<p class=\"legend\">");
    for (int st = 0; st < 6; st++)
        buf_printf(b, "<span><i class=\"sw\" style=\"background:%s\"></i>%s</span>",
                   state_color[st], verdict_state_text((VerdictState)st));
    buf_puts(b, "</p>\n");
}
