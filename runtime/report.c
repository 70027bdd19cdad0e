/* report.c - `report`: the HTML dashboard.
 *
 * One self-contained page: inline CSS, inline SVG, no script and no
 * external request, so it can be mailed or archived as it is.  Every text
 * from the agreement is escaped.  For each indicator a chart shows its
 * observations (a dot per report, coloured by reporter), the combined
 * value, the baseline, the benchmarks (targets), the planned trajectory,
 * the requirements of milestones on it and the as-of date; a timeline
 * shows the milestones coloured by state (both SVG, drawn by chart.c).
 * Breakdown tables give the latest cells; for indicators with personal
 * data a cell below --min-cell is suppressed (score_hidden(), the rule
 * every output keeps), and when a table would have exactly one suppressed
 * cell the next smallest is suppressed too, so that it cannot be worked
 * out from the total.
 *
 * The page's own words, dates and numbers are in the language chosen with
 * --lang (lang.h); each sentence around the agreement's text is one
 * msgid, the agreement's text escaped before it is put in. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "privacy.h"
#include "report.h"
#include "results.h"
#include "term.h"
#include "version.h"

static const char *const status_color[] = {"#757575", "#2e7d32", "#1565c0", "#c62828"};

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

/* s escaped, in the tracker's arena: user text to put into a sentence. */
static const char *xml(Trk *t, const char *s)
{
    Buf e;
    buf_init(&e);
    esc(&e, s);
    const char *r = arena_strdup(t->a, buf_cstr(&e));
    buf_free(&e);
    return r;
}

/* An amount of indicator ind (num, already written): a percentage's
 * with its sign. */
static const char *amount(Trk *t, const Indicator *ind, const char *num)
{
    /* TRANSLATORS: a percentage; %1$s is the number.  French writes a
     * (narrow no-break) space before the sign. */
    return score_percent(ind) ? arena_printf(t->a, L_("%1$s%%"), num) : arena_strdup(t->a, num);
}

/* A whole percentage, "24%" (the language's sign and spacing). */
static void put_pct(Buf *b, double v)
{
    char n[32];
    snprintf(n, sizeof n, "%.0f", v);
    /* TRANSLATORS: a percentage; %1$s is the number.  French writes a
     * (narrow no-break) space before the sign. */
    buf_printf(b, L_("%1$s%%"), n);
}

static void badge(Buf *b, const char *color, const char *text)
{
    buf_printf(b, "<span class=\"badge\" style=\"background:%s\">", color);
    esc(b, text);
    buf_puts(b, "</span>");
}

/* ---- breakdowns ----------------------------------------------------------------- */

static void breakdown(Score *s, int i, Buf *b)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ObsInd *oi = &s->obs.ind[i];
    if (oi->ndims == 0)
        return;
    PrivFig *cells;
    int32_t shown;
    int n = priv_breakdown(s, i, &cells, &shown);
    if (n == 0) {
        buf_printf(b, "<p class=\"meta\">%s</p>\n", L_("No breakdown reported yet."));
        return;
    }
    int nsupp = 0;
    for (int c = 0; c < n; c++)
        nsupp += cells[c].hidden;
    char d1[16], n1[NUM_TEXT_MAX];
    buf_puts(b, "<table><caption class=\"meta\" style=\"text-align:left\">");
    /* TRANSLATORS: the caption of an indicator's breakdown table; %1$s is
     * the date of the latest cells. */
    buf_printf(b, L_("Latest breakdown (%1$s)"), date_iso(shown, d1));
    buf_puts(b, "</caption><tr>");
    for (int k = 0; k < oi->ndims; k++) {
        buf_puts(b, "<th>");
        esc(b, ind->dims.v[k]->d.title ? ind->dims.v[k]->d.title : ind->dims.v[k]->d.id);
        buf_puts(b, "</th>");
    }
    /* TRANSLATORS: the last column of a breakdown table. */
    buf_printf(b, "<th class=\"n\">%s</th></tr>\n", L_("value"));
    for (int c = 0; c < n; c++) {
        buf_puts(b, "<tr>");
        for (int k = 0; k < oi->ndims; k++) {
            int v = obs_cell_value(oi, cells[c].code, k);
            buf_puts(b, "<td>");
            /* TRANSLATORS: a breakdown cell that adds up every value of a dimension. */
            esc(b, v < 0 ? L_("(all)") : ind->dims.v[k]->values.v[v]);
            buf_puts(b, "</td>");
        }
        if (cells[c].hidden)
            buf_printf(b, "<td class=\"n supp\">%s</td></tr>\n", L_("suppressed"));
        else if (!isfinite(cells[c].value))
            buf_printf(b, "<td class=\"n supp\">%s</td></tr>\n", L_("value overflows"));
        else
            buf_printf(b, "<td class=\"n\">%s</td></tr>\n",
                       amount(t, ind, num_text(cells[c].value, NUM_TRACKER, n1)));
    }
    buf_puts(b, "</table>\n");
    if (priv_denominator(s, i) >= 0) {
        buf_puts(b, "<p class=\"meta\">");
        /* TRANSLATORS: under a breakdown of a rate with personal data: its
         * denominator (%1$s, an indicator's id) and the smallest count shown (%2$d). */
        buf_printf(b, L_("Personal data: a rate is suppressed where its denominator, %1$s, has "
                         "fewer than %2$d, with more cells where a hidden one could be worked out."),
                   xml(t, ind->denominator->d.id), t->min_cell);
        buf_puts(b, "</p>\n");
    } else if (priv_protected(s, i)) {
        buf_puts(b, "<p class=\"meta\">");
        if (nsupp)
            buf_printf(b, L_("Personal data: cells below %1$d are suppressed, with more where a "
                             "hidden cell could be worked out."), t->min_cell);
        else
            buf_printf(b, L_("Personal data: cells below %1$d are suppressed."), t->min_cell);
        buf_puts(b, "</p>\n");
    }
}

/* ---- the page ------------------------------------------------------------------- */

/* The page's head and style sheet, and the header: the agreement's title
 * and version and the as-of date. */
static void report_header(Score *s, Buf *b)
{
    Trk *t = s->t;
    const Agreement *ag = t->ag;
    const char *title = xml(t, ag->d.title ? ag->d.title : ag->d.id);
    char d1[32], d2[16];
    buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>",
               lang_current()->code);
    /* TRANSLATORS: the dashboard's title in the browser: the agreement's
     * title (%1$s) and the date it looks from (%2$s). */
    buf_printf(b, L_("%1$s: progress as of %2$s"), title, date_iso(s->as_of, d2));
    buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>%s</h1>\n"
                  "<p class=\"meta\">", css, title);
    const char *id = arena_printf(t->a, "<code>%s</code>", xml(t, ag->d.id));
    /* TRANSLATORS: under the dashboard's title: the agreement's id (%1$s)
     * and its version (%2$s). */
    if (ag->version)
        buf_printf(b, L_("Agreement %1$s, version %2$s"), id, xml(t, ag->version));
    else
        buf_printf(b, L_("Agreement %1$s"), id);
    buf_puts(b, " &middot; ");
    buf_printf(b, L_("progress as of %1$s"),
               arena_printf(t->a, "<strong>%s</strong>", date_long(s->as_of, d1)));
    buf_puts(b, "</p>\n</header>\n");
}

/* The words of a summary card, under its count n (bold): n indicators
 * with status st, n milestones in state st.  A switch of whole phrases,
 * so that each is a plural entry of the catalogue. */
static const char *card_indicators(VerdictStatus st, int n)
{
    unsigned long k = (unsigned long)n;
    /* TRANSLATORS: a summary card of the dashboard, under a count in bold. */
    switch (st) {
    case VERDICT_NO_DATA: return LN_("indicator no data", "indicators no data", k);
    case VERDICT_ACHIEVED: return LN_("indicator achieved", "indicators achieved", k);
    case VERDICT_ON_TRACK: return LN_("indicator on track", "indicators on track", k);
    case VERDICT_BEHIND: break;
    }
    return LN_("indicator behind", "indicators behind", k);
}

static const char *card_milestones(VerdictState st, int n)
{
    unsigned long k = (unsigned long)n;
    /* TRANSLATORS: a summary card of the dashboard, under a count in bold. */
    switch (st) {
    case VERDICT_DONE: return LN_("milestone done", "milestones done", k);
    case VERDICT_CANCELLED: return LN_("milestone cancelled", "milestones cancelled", k);
    case VERDICT_MET: return LN_("milestone met", "milestones met", k);
    case VERDICT_OVERDUE: return LN_("milestone overdue", "milestones overdue", k);
    case VERDICT_DUE_SOON: return LN_("milestone due soon", "milestones due soon", k);
    case VERDICT_PENDING: break;
    }
    return LN_("milestone pending", "milestones pending", k);
}

/* Summary cards: how many indicators have each status (all four, even at
 * 0), how many milestones are in each state (only those that occur). */
static void report_cards(Score *s, Buf *b)
{
    Trk *t = s->t;
    int ist[4] = {0}, mst[6] = {0};
    for (int i = 0; i < t->nind; i++)
        ist[s->ind[i].status]++;
    for (int m = 0; m < t->nms; m++)
        mst[s->ms[m].state]++;
    buf_puts(b, "<section class=\"cards\">\n");
    for (int k = 0; k < 4; k++)
        buf_printf(b, "<div class=\"card\" style=\"border-left:4px solid %s\"><b>%d</b>%s</div>\n",
                   status_color[k], ist[k],
                   card_indicators((VerdictStatus)k, ist[k]));
    for (int k = 0; k < 6; k++)
        if (mst[k])
            buf_printf(b, "<div class=\"card\" style=\"border-left:4px solid %s\"><b>%d</b>%s</div>\n",
                       chart_state_color((VerdictState)k), mst[k],
                       card_milestones((VerdictState)k, mst[k]));
    buf_puts(b, "</section>\n");
}

/* A table's head row: the columns' names, `numeric` a string of 'n' (a
 * number, right-aligned) or '-' per column. */
static void head_row(Buf *b, const char *const *cols, int n, const char *numeric)
{
    buf_puts(b, "<tr>");
    for (int c = 0; c < n; c++)
        buf_printf(b, numeric[c] == 'n' ? "<th class=\"n\">%s</th>" : "<th>%s</th>", cols[c]);
    buf_puts(b, "</tr>\n");
}

/* The scorecard: one row per indicator, linked to its article. */
static void report_scorecard(Score *s, Buf *b)
{
    Trk *t = s->t;
    char d2[16], n1[NUM_TEXT_MAX], n2[NUM_TEXT_MAX];
    const char *head[] = {L_("Indicator"), L_("Value"), L_("Date"), L_("Planned then"),
                          L_("Planned today"), L_("Progress"), L_("Status")};
    buf_printf(b, "<h2>%s</h2>\n<table>\n", L_("Indicators"));
    head_row(b, head, 7, "-n-nnn-");
    for (int i = 0; i < t->nind; i++) {
        const ScoreInd *si = &s->ind[i];
        buf_printf(b, "<tr><td><a href=\"#ind-%s\">", t->ind[i]->d.id);
        esc(b, t->ind[i]->d.title ? t->ind[i]->d.title : t->ind[i]->d.id);
        char n3[NUM_TEXT_MAX];
        const char *value = "&ndash;";
        if (si->suppressed)
            value = arena_printf(t->a, "<span class=\"supp\">%s</span>", L_("suppressed"));
        else if (si->has_value)
            value = amount(t, t->ind[i], num_text(si->value, NUM_TRACKER, n1));
        else if (si->overflow)
            value = arena_printf(t->a, "<span class=\"supp\">%s</span>", L_("value overflows"));
        buf_printf(b, "</a></td><td class=\"n\">%s</td><td>%s</td><td class=\"n\">%s</td>"
                      "<td class=\"n\">%s</td><td class=\"n\">",
                   value, si->has_value ? date_iso(si->date, d2) : "&ndash;",
                   si->has_value && si->has_planned ? num_text(si->planned, NUM_TRACKER, n2)
                                                    : "&ndash;",
                   si->has_planned_now ? num_text(si->planned_now, NUM_TRACKER, n3) : "&ndash;");
        if (si->has_progress)
            put_pct(b, si->progress);
        else
            buf_puts(b, "&ndash;");
        buf_puts(b, "</td><td>");
        badge(b, status_color[si->status], verdict_status_text(si->status));
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</table>\n");
}

/* A change from the baseline: "+650,000 (+361%)"; a percentage's is in
 * points. */
static void put_change(Trk *t, const Indicator *ind, const Result *r, Buf *b)
{
    char n1[NUM_TEXT_MAX];
    const char *c = arena_printf(t->a, "%s%s", r->change > 0 ? "+" : r->change < 0 ? "&minus;" : "",
                                 num_text(fabs(r->change), NUM_TRACKER, n1));
    if (score_percent(ind))
        /* TRANSLATORS: a change of a percentage, in percentage points: "+2.5 points". */
        c = arena_printf(t->a, L_("%1$s points"), c);
    buf_puts(b, c);
    if (r->has_change_pct) {
        buf_puts(b, r->change_pct > 0 ? " (+" : r->change_pct < 0 ? " (&minus;" : " (");
        put_pct(b, fabs(round(r->change_pct)));
        buf_putc(b, ')');
    }
}

/* A row of the results table. */
static void results_row(Score *s, int i, Buf *b)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ScoreInd *si = &s->ind[i];
    const Result *r = &s->res[i];
    char n1[NUM_TEXT_MAX], d[16];
    buf_printf(b, "<tr><td><a href=\"#ind-%s\">", ind->d.id);
    esc(b, ind->d.title ? ind->d.title : ind->d.id);
    buf_puts(b, "</a></td><td class=\"n\">");
    buf_puts(b, si->has_base ? amount(t, ind, num_text(si->base, NUM_TRACKER, n1)) : "&ndash;");
    buf_puts(b, "</td><td class=\"n\">");
    if (si->suppressed)
        buf_printf(b, "<span class=\"supp\">%s</span>", L_("suppressed"));
    else
        buf_puts(b, si->has_value ? amount(t, ind, num_text(si->value, NUM_TRACKER, n1)) : "&ndash;");
    buf_puts(b, "</td><td class=\"n\">");
    if (r->has_change)
        put_change(t, ind, r, b);
    else
        buf_puts(b, "&ndash;");
    buf_puts(b, "</td><td>");
    int n = r->trend < 0 ? -r->trend : r->trend;
    if (!r->has_trend)
        buf_puts(b, "&ndash;");
    else if (n == 0)
        buf_puts(b, L_("flat"));
    else
        buf_printf(b, r->trend > 0 ? LN_("better %1$d period", "better %1$d periods", (unsigned long)n)
                                   : LN_("worse %1$d period", "worse %1$d periods", (unsigned long)n),
                   n);
    buf_puts(b, "</td><td>");
    if (r->has_forecast)
        buf_printf(b, r->forecast_meets ? L_("%1$s on %2$s, meets target")
                                        : L_("%1$s on %2$s, misses target"),
                   amount(t, ind, num_text(r->forecast, NUM_TRACKER, n1)),
                   date_iso(r->forecast_date, d));
    else
        buf_puts(b, "&ndash;");
    /* TRANSLATORS: the "Fresh" column of the results: the latest report is recent. */
    buf_printf(b, "</td><td>%s</td></tr>\n",
               r->stale ? L_("stale") : si->has_value ? L_("yes") : "&ndash;");
}

/* The results scorecard (results.h): baseline, latest, change, trend,
 * forecast and staleness; then the data development agenda. */
static void report_results(Score *s, Buf *b)
{
    Trk *t = s->t;
    if (t->nind == 0)
        return;
    /* TRANSLATORS: the columns of the dashboard's results table ("Fresh":
     * whether the latest report is recent, or stale). */
    const char *head[] = {L_("Indicator"), L_("Baseline"), L_("Latest"), L_("Change from baseline"),
                          L_("Trend"), L_("Forecast at the last target"), L_("Fresh")};
    buf_printf(b, "<h2>%s</h2>\n<table>\n", L_("Results"));
    head_row(b, head, 7, "-nnn---");
    for (int i = 0; i < t->nind; i++)
        results_row(s, i, b);
    buf_puts(b, "</table>\n");
    Buf ids;
    buf_init(&ids);
    for (int i = 0; i < t->nind; i++)
        if (s->res[i].agenda) {
            buf_puts(&ids, ids.len ? ", <code>" : "<code>");
            esc(&ids, t->ind[i]->d.id);
            buf_puts(&ids, "</code>");
        }
    if (ids.len) {
        buf_puts(b, "<p>");
        /* TRANSLATORS: the dashboard's data development agenda: %1$s is the
         * heading in bold, "Data development agenda", %2$s the indicators. */
        buf_printf(b, L_("%1$s (no data yet): %2$s"),
                   arena_printf(t->a, "<strong>%s</strong>", L_("Data development agenda")),
                   buf_cstr(&ids));
        buf_puts(b, "</p>\n");
    }
    buf_free(&ids);
}

/* The targets for breakdown cells (`target ... for DIMENSION VALUE`): each
 * cell's value, plan and status, as `status` shows them, a hidden cell
 * suppressed (privacy.h). */
static void report_cells(Score *s, Buf *b)
{
    Trk *t = s->t;
    char n1[NUM_TEXT_MAX], d[16];
    if (s->ncells == 0)
        return;
    const char *head[] = {L_("Indicator"), L_("Cell"), L_("Value"), L_("Date"), L_("Planned then"),
                          L_("Status")};
    buf_printf(b, "<h2>%s</h2>\n<table>\n", L_("Targets for breakdown cells"));
    head_row(b, head, 6, "--n-n-");
    for (int k = 0; k < s->ncells; k++) {
        const ScoreCell *c = &s->cells[k];
        const Indicator *ind = t->ind[c->ind];
        buf_printf(b, "<tr><td><a href=\"#ind-%s\">", ind->d.id);
        esc(b, ind->d.title ? ind->d.title : ind->d.id);
        buf_puts(b, "</a></td><td>");
        /* TRANSLATORS: a breakdown cell: the dimension (%1$s) and its value (%2$s). */
        buf_printf(b, L_("%1$s: %2$s"), xml(t, c->dim->d.title ? c->dim->d.title : c->dim->d.id),
                   xml(t, c->dim->values.v[c->cell]));
        buf_puts(b, "</td><td class=\"n\">");
        if (c->suppressed)
            buf_printf(b, "<span class=\"supp\">%s</span>", L_("suppressed"));
        else if (c->has_value)
            buf_puts(b, amount(t, ind, num_text(c->value, NUM_TRACKER, n1)));
        else
            buf_puts(b, "&ndash;");
        buf_printf(b, "</td><td>%s</td><td class=\"n\">", c->has_value ? date_iso(c->date, d)
                                                                     : "&ndash;");
        if (c->has_planned)
            buf_puts(b, amount(t, ind, num_text(c->planned, NUM_TRACKER, n1)));
        else
            buf_puts(b, "&ndash;");
        buf_puts(b, "</td><td>");
        badge(b, status_color[c->status], verdict_status_text(c->status));
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</table>\n");
}

/* An indicator's article: its title and status, what it measures and how
 * its value is made, its source, its chart and its breakdown tables. */
static void report_indicator(Score *s, int i, Buf *b)
{
    Trk *t = s->t;
    const Indicator *ind = t->ind[i];
    const ScoreInd *si = &s->ind[i];
    buf_printf(b, "<article id=\"ind-%s\">\n<h3>", ind->d.id);
    esc(b, ind->d.title ? ind->d.title : ind->d.id);
    buf_puts(b, " ");
    badge(b, status_color[si->status], verdict_status_text(si->status));
    buf_puts(b, "</h3>\n<p class=\"meta\"><code>");
    esc(b, ind->d.id);
    buf_puts(b, "</code>");
    if (ind->unit) {
        buf_puts(b, " &middot; ");
        esc(b, ind->unit->d.title ? ind->unit->d.title : ind->unit->d.id);
    }
    buf_printf(b, " &middot; %s", ind->direction < 0 ? L_("lower is better") : L_("higher is better"));
    if (ind->formula) {
        buf_puts(b, " &middot; ");
        /* TRANSLATORS: a derived indicator's formula (%1$s, as the agreement writes it). */
        buf_printf(b, L_("derived: %1$s"),
                   arena_printf(t->a, "<code>%s</code>", xml(t, score_expr_text(s, ind->formula))));
    } else {
        /* The value rules in words that fit the indicator: a rate is
         * the level at its date, not a running total; one reporter's
         * values are not combined. */
        const char *rule = score_percent(ind)      ? L_("each report is the rate at its date")
                         : ind->values == VALUES_PER_PERIOD ? L_("each report is the amount of its period")
                                                   : L_("each report is the running total to its date");
        /* TRANSLATORS: how the values of an indicator's reporters are
         * combined (the agreement's `combine`). */
        static const char *const combine[] = {N_("sum"), N_("mean"), N_("min"), N_("max"),
                                              N_("latest")};
        buf_puts(b, " &middot; ");
        if (ind->reporters.n > 1)
            /* TRANSLATORS: %1$s is one of the rules "each report is ...", %2$s
             * how reporters' values are combined (sum, mean, min, max, latest). */
            buf_printf(b, L_("%1$s, the reporters' values combined by %2$s"), rule,
                       L_(combine[ind->combine]));
        else
            buf_puts(b, rule);
        if (ind->reporters.n) {
            Buf ids;
            buf_init(&ids);
            for (int r = 0; r < ind->reporters.n; r++) {
                if (r)
                    buf_puts(&ids, ", ");
                esc(&ids, ind->reporters.v[r]->d.id);
            }
            buf_puts(b, " &middot; ");
            /* TRANSLATORS: the partners (%1$s) that report an indicator. */
            buf_printf(b, L_("reported by %1$s"), buf_cstr(&ids));
            buf_free(&ids);
        }
    }
    if (ind->personal_data)
        buf_printf(b, " &middot; %s", L_("personal data"));
    buf_puts(b, "</p>\n");
    if (si->overflow)
        buf_printf(b, "<p class=\"meta\">%s</p>\n",
                   L_("No value: the reports add up past the largest number the tracker holds "
                      "(value overflows)."));
    if (ind->source) {
        buf_puts(b, "<p class=\"meta\">");
        /* TRANSLATORS: where an indicator's data come from (the agreement's text). */
        buf_printf(b, L_("Source: %1$s"), xml(t, ind->source));
        buf_puts(b, "</p>\n");
    }
    chart_indicator(s, i, b);
    breakdown(s, i, b);
    buf_puts(b, "</article>\n");
}

/* The timeline and a table of the milestones: each one's state, and the
 * event that settled it or the requirement it waits for. */
static void report_milestones(Score *s, Buf *b)
{
    Trk *t = s->t;
    char d2[16];
    if (t->nms == 0)
        return;
    buf_printf(b, "<h2>%s</h2>\n", L_("Milestones"));
    chart_timeline(s, b);
    /* TRANSLATORS: the columns of the dashboard's milestones table. */
    const char *head[] = {L_("Milestone"), L_("Due"), L_("Owner"), L_("State"),
                          L_("Requirement or event")};
    buf_puts(b, "<table>\n");
    head_row(b, head, 5, "-----");
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
        bool despite = sm->state == VERDICT_DONE && sm->despite;
        badge(b, chart_state_color(sm->state),
              despite ? L_("done, requirement not met") : verdict_state_text(sm->state));
        buf_puts(b, "</td><td>");
        if (sm->ev != VERDICT_EVENT_NONE) {
            date_iso(sm->ev_date, d2);
            const char *by = xml(t, sm->ev_by);
            if (despite)
                /* TRANSLATORS: a milestone marked done on %1$s by partner %2$s
                 * although its requirement did not hold; %3$s is the reason given. */
                buf_printf(b, L_("done on %1$s by %2$s, requirement not met: %3$s"), d2, by,
                           xml(t, sm->despite));
            else
                buf_printf(b, sm->ev == VERDICT_EVENT_DONE ? L_("done on %1$s by %2$s")
                                                           : L_("cancelled on %1$s by %2$s"),
                           d2, by);
        } else if (ms->requires) {
            const char *req = arena_printf(t->a, "<code>%s</code>",
                                           xml(t, score_expr_text(s, ms->requires)));
            /* TRANSLATORS: a milestone's requirement (%1$s, as the agreement
             * writes it) and whether it holds today. */
            buf_printf(b, sm->req == EVAL_TRUE    ? L_("%1$s: holds")
                          : sm->req == EVAL_FALSE ? L_("%1$s: does not hold yet")
                                                  : L_("%1$s: no data yet"),
                       req);
        }
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</table>\n");
}

/* The breakdown cell of an audit entry, "DIM=VALUE, ..." ("" for a total). */
static void audit_cell(Score *s, const ScoreAudit *au, Buf *b)
{
    const Indicator *ind = s->t->ind[au->id];
    const ObsInd *oi = &s->obs.ind[au->id];
    if (au->cell < 0)
        return;
    bool first = true;
    for (int k = 0; k < ind->dims.n && k < oi->ndims; k++) {
        int vi = obs_cell_value(oi, au->cell, k);
        if (vi < 0)
            continue;
        buf_puts(b, first ? " (" : ", ");
        esc(b, ind->dims.v[k]->d.id);
        buf_putc(b, '=');
        esc(b, ind->dims.v[k]->values.v[vi]);
        first = false;
    }
    if (!first)
        buf_putc(b, ')');
}

/* The audit trail: every correction, retraction and reopening, and every
 * milestone marked done although its requirement did not hold, with who,
 * when and why.  A corrected value of an indicator with personal data is
 * not shown (a reporter's own value is never shown apart, see
 * score_hidden). */
static void report_audit(Score *s, Buf *b)
{
    Trk *t = s->t;
    char d[16];
    if (s->audit.n == 0)
        return;
    /* TRANSLATORS: the columns of the dashboard's audit trail: what was
     * done, to which observation or milestone, by whom, when it was
     * recorded and the reason given. */
    const char *head[] = {L_("What"), L_("Of"), L_("By"), L_("Recorded"), L_("Why")};
    buf_printf(b, "<h2>%s</h2>\n<table>\n", L_("Audit trail"));
    head_row(b, head, 5, "-----");
    for (int k = 0; k < s->audit.n; k++) {
        const ScoreAudit *au = &s->audit.v[k];
        /* TRANSLATORS: an entry of the audit trail. */
        static const char *const what[] = {N_("correction"), N_("retraction"), N_("reopened"),
                                           N_("done, requirement not met")};
        bool obs = au->kind == SCORE_AUDIT_CORRECT || au->kind == SCORE_AUDIT_RETRACT;
        buf_puts(b, "<tr><td>");
        if (au->kind == SCORE_AUDIT_CORRECT && t->ind[au->id]->personal_data)
            buf_puts(b, L_("correction (value withheld: personal data)"));
        else if (au->kind == SCORE_AUDIT_CORRECT)
            /* TRANSLATORS: an observation corrected to a new value (%1$s). */
            buf_printf(b, L_("correction to %1$s"), num_str(t->a, au->value, NUM_TRACKER));
        else
            buf_puts(b, L_(what[au->kind]));
        buf_puts(b, "</td><td>");
        const char *id = arena_printf(t->a, "<code>%s</code>",
                                      xml(t, obs ? t->ind[au->id]->d.id : t->ms[au->id]->d.id));
        if (obs) {
            /* TRANSLATORS: an observation in the audit trail: the indicator
             * (%1$s) and the date of the value (%2$s). */
            buf_printf(b, L_("%1$s on %2$s"), id, date_iso(au->date, d));
            audit_cell(s, au, b);
        } else {
            buf_puts(b, id);
        }
        buf_puts(b, "</td><td>");
        esc(b, au->by);
        buf_printf(b, "</td><td>%s</td><td>",
                   au->recorded != DATE_NONE ? date_iso(au->recorded, d) : "&ndash;");
        esc(b, au->reason);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</table>\n");
}

/* What each partner owes: missing reports and overdue milestones. */
static void report_partners(Score *s, Buf *b)
{
    Trk *t = s->t;
    if (t->npart == 0)
        return;
    const char *head[] = {L_("Partner"), L_("Missing reports"), L_("Overdue milestones")};
    buf_printf(b, "<h2>%s</h2>\n<table>\n", L_("Partners"));
    head_row(b, head, 3, "-nn");
    for (int p = 0; p < t->npart; p++) {
        buf_puts(b, "<tr><td>");
        esc(b, t->part[p]->d.title ? t->part[p]->d.title : t->part[p]->d.id);
        buf_printf(b, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
                   s->part[p].missing_reports, s->part[p].overdue_milestones);
    }
    buf_puts(b, "</table>\n");
}

void report_html(Score *s, Buf *b)
{
    Trk *t = s->t;
    report_header(s, b);
    report_cards(s, b);
    report_scorecard(s, b);
    report_results(s, b);
    report_cells(s, b);
    for (int i = 0; i < t->nind; i++)
        report_indicator(s, i, b);
    report_milestones(s, b);
    report_partners(s, b);
    report_audit(s, b);
    buf_puts(b, "<footer>");
    /* TRANSLATORS: the dashboard's footer: the agreement's id (%1$s), the
     * version of the tracker's program (%2$s) and of the compiler (%3$s). */
    buf_printf(b, L_("Made by the tracker of %1$s (charter-runtime %2$s, agreement compiled by "
                     "charterc %3$s). Planned values follow straight lines from the baseline "
                     "through each benchmark; an indicator judged by yearly or quarterly totals "
                     "plans each span's target spread over its reporting periods."),
               arena_printf(t->a, "<code>%s</code>", xml(t, t->ag->d.id)), CHARTER_VERSION,
               t->bundle.version);
    buf_puts(b, "</footer>\n</body>\n</html>\n");
}

static const char report_help[] =
    "usage: %s report [-o FILE] [--as-of DATE] [--min-cell N] [--lang CODE]\n\n"
    "A self-contained HTML dashboard (no script, no external request): the\n"
    "scorecard, a chart per indicator (observations, baseline, benchmarks, planned\n"
    "trajectory, milestone requirements), breakdown tables and the milestone\n"
    "timeline coloured by state.\n\n"
    "  -o FILE          where to write it (default: ./ID-report.html; - for standard output)\n"
    "  --as-of DATE     the date to look from (default: today)\n"
    "  --min-cell N     for indicators with personal data, suppress values and\n"
    "                   breakdown cells below N (default 5)\n"
    "  --lang CODE      the language of the page (words, dates, numbers): en (the\n"
    "                   default), es, fr or ht\n";

int report_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {
        {"output", 'o', true}, {"as-of", 0, true}, {"min-cell", 0, true}, {"lang", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "report"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, report_help, t->prog);
        return 0;
    }
    if (a.npositional > 0)
        return trk_fail(t, "report takes no argument '%s' (use -o FILE)", a.positional[0]);
    if (!trk_min_cell(t, &a))
        return 2;
    int32_t as_of;
    if (!trk_as_of(t, &a, &as_of) || !trk_lang(t, &a))
        return 2;
    Score s;
    int st = score_run(&s, t, as_of, true);
    if (st)
        return st;
    Buf b;
    buf_init(&b);
    report_html(&s, &b);
    score_free(&s);
    const char *out = opts_get(&a, "output");
    if (!out)
        out = arena_printf(t->a, "%s-report.html", t->ag->d.id);
    bool changed;
    int e = buf_write_file(&b, out, &changed);
    buf_free(&b);
    if (e)
        return trk_fail(t, "cannot write %s: %s", out, strerror(e));
    if (strcmp(out, "-") != 0)
        term_printf(stdout, "%s %s\n", changed ? "wrote" : "unchanged", out);
    return 0;
}
