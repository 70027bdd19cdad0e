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
 * out from the total. */
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

static const char *status_text(VerdictStatus s)
{
    static const char *const w[] = {"no data", "achieved", "on track", "behind"};
    return w[s];
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
        buf_puts(b, "<p class=\"meta\">No breakdown reported yet.</p>\n");
        return;
    }
    int nsupp = 0;
    for (int c = 0; c < n; c++)
        nsupp += cells[c].hidden;
    char d1[16], n1[NUM_TEXT_MAX];
    buf_printf(b, "<table><caption class=\"meta\" style=\"text-align:left\">Latest breakdown "
                  "(%s)</caption><tr>", date_iso(shown, d1));
    for (int k = 0; k < oi->ndims; k++) {
        buf_puts(b, "<th>");
        esc(b, ind->dims.v[k]->d.title ? ind->dims.v[k]->d.title : ind->dims.v[k]->d.id);
        buf_puts(b, "</th>");
    }
    buf_puts(b, "<th class=\"n\">value</th></tr>\n");
    const char *pct = score_percent(ind) ? "%" : "";
    for (int c = 0; c < n; c++) {
        buf_puts(b, "<tr>");
        for (int k = 0; k < oi->ndims; k++) {
            int v = obs_cell_value(oi, cells[c].code, k);
            buf_puts(b, "<td>");
            esc(b, v < 0 ? "(all)" : ind->dims.v[k]->values.v[v]);
            buf_puts(b, "</td>");
        }
        if (cells[c].hidden)
            buf_printf(b, "<td class=\"n supp\">suppressed</td></tr>\n");
        else if (!isfinite(cells[c].value))
            buf_printf(b, "<td class=\"n supp\">value overflows</td></tr>\n");
        else
            buf_printf(b, "<td class=\"n\">%s%s</td></tr>\n",
                       num_text(cells[c].value, NUM_TRACKER, n1), pct);
    }
    buf_puts(b, "</table>\n");
    if (priv_denominator(s, i) >= 0)
        buf_printf(b, "<p class=\"meta\">Personal data: a rate is suppressed where its "
                      "denominator, %s, has fewer than %d, with more cells where a hidden one "
                      "could be worked out.</p>\n", ind->denominator->d.id, t->min_cell);
    else if (priv_protected(s, i))
        buf_printf(b, "<p class=\"meta\">Personal data: cells below %d are suppressed%s.</p>\n",
                   t->min_cell, nsupp ? ", with more where a hidden cell could be worked out"
                                     : "");
}

/* ---- the page ------------------------------------------------------------------- */

/* The page's head and style sheet, and the header: the agreement's title
 * and version and the as-of date. */
static void report_header(Score *s, Buf *b)
{
    const Agreement *ag = s->t->ag;
    const char *title = ag->d.title ? ag->d.title : ag->d.id;
    char d1[32], d2[16];
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
        buf_printf(b, "<div class=\"card\" style=\"border-left:4px solid %s\"><b>%d</b>"
                      "indicator%s %s</div>\n",
                   status_color[k], ist[k], ist[k] == 1 ? "" : "s", status_text((VerdictStatus)k));
    for (int k = 0; k < 6; k++)
        if (mst[k])
            buf_printf(b, "<div class=\"card\" style=\"border-left:4px solid %s\"><b>%d</b>"
                          "milestone%s %s</div>\n",
                       chart_state_color((VerdictState)k), mst[k], mst[k] == 1 ? "" : "s",
                       chart_state_text((VerdictState)k));
    buf_puts(b, "</section>\n");
}

/* The scorecard: one row per indicator, linked to its article. */
static void report_scorecard(Score *s, Buf *b)
{
    Trk *t = s->t;
    char d2[16], n1[NUM_TEXT_MAX], n2[NUM_TEXT_MAX];
    buf_puts(b, "<h2>Indicators</h2>\n<table>\n<tr><th>Indicator</th><th class=\"n\">Value</th>"
                "<th>Date</th><th class=\"n\">Planned then</th><th class=\"n\">Planned today</th>"
                "<th class=\"n\">Progress</th><th>Status</th></tr>\n");
    for (int i = 0; i < t->nind; i++) {
        const ScoreInd *si = &s->ind[i];
        buf_printf(b, "<tr><td><a href=\"#ind-%s\">", t->ind[i]->d.id);
        esc(b, t->ind[i]->d.title ? t->ind[i]->d.title : t->ind[i]->d.id);
        char n3[NUM_TEXT_MAX];
        const char *pct = score_percent(t->ind[i]) ? "%" : "";
        buf_printf(b, "</a></td><td class=\"n\">%s%s</td><td>%s</td><td class=\"n\">%s</td>"
                      "<td class=\"n\">%s</td><td class=\"n\">",
                   si->suppressed  ? "<span class=\"supp\">suppressed</span>"
                   : si->has_value ? num_text(si->value, NUM_TRACKER, n1)
                   : si->overflow  ? "<span class=\"supp\">value overflows</span>"
                                   : "&ndash;",
                   si->has_value && !si->suppressed ? pct : "",
                   si->has_value ? date_iso(si->date, d2) : "&ndash;",
                   si->has_value && si->has_planned ? num_text(si->planned, NUM_TRACKER, n2)
                                                    : "&ndash;",
                   si->has_planned_now ? num_text(si->planned_now, NUM_TRACKER, n3) : "&ndash;");
        if (si->has_progress)
            buf_printf(b, "%.0f%%", si->progress);
        else
            buf_puts(b, "&ndash;");
        buf_puts(b, "</td><td>");
        badge(b, status_color[si->status], status_text(si->status));
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</table>\n");
}

/* The results scorecard (results.h): baseline, latest, change, trend,
 * forecast and staleness; then the data development agenda. */
static void report_results(Score *s, Buf *b)
{
    Trk *t = s->t;
    char n1[NUM_TEXT_MAX], d[16];
    if (t->nind == 0)
        return;
    buf_puts(b, "<h2>Results</h2>\n<table>\n<tr><th>Indicator</th><th class=\"n\">Baseline</th>"
                "<th class=\"n\">Latest</th><th class=\"n\">Change from baseline</th>"
                "<th>Trend</th><th>Forecast at the last target</th><th>Fresh</th></tr>\n");
    for (int i = 0; i < t->nind; i++) {
        const Indicator *ind = t->ind[i];
        const ScoreInd *si = &s->ind[i];
        const Result *r = &s->res[i];
        const char *pct = score_percent(ind) ? "%" : "";
        buf_printf(b, "<tr><td><a href=\"#ind-%s\">", ind->d.id);
        esc(b, ind->d.title ? ind->d.title : ind->d.id);
        buf_puts(b, "</a></td><td class=\"n\">");
        if (si->has_base)
            buf_printf(b, "%s%s", num_text(si->base, NUM_TRACKER, n1), pct);
        else
            buf_puts(b, "&ndash;");
        buf_puts(b, "</td><td class=\"n\">");
        if (si->suppressed)
            buf_puts(b, "<span class=\"supp\">suppressed</span>");
        else if (si->has_value)
            buf_printf(b, "%s%s", num_text(si->value, NUM_TRACKER, n1), pct);
        else
            buf_puts(b, "&ndash;");
        buf_puts(b, "</td><td class=\"n\">");
        if (r->has_change) {
            buf_printf(b, "%s%s%s", r->change > 0 ? "+" : r->change < 0 ? "&minus;" : "",
                       num_text(fabs(r->change), NUM_TRACKER, n1), *pct ? " points" : "");
            if (r->has_change_pct)
                buf_printf(b, " (%s%.0f%%)", r->change_pct > 0 ? "+" : r->change_pct < 0 ? "&minus;" : "",
                           fabs(round(r->change_pct)));
        } else {
            buf_puts(b, "&ndash;");
        }
        buf_puts(b, "</td><td>");
        int n = r->trend < 0 ? -r->trend : r->trend;
        if (!r->has_trend)
            buf_puts(b, "&ndash;");
        else if (n == 0)
            buf_puts(b, "flat");
        else
            buf_printf(b, "%s %d period%s", r->trend > 0 ? "better" : "worse", n, n == 1 ? "" : "s");
        buf_puts(b, "</td><td>");
        if (r->has_forecast)
            buf_printf(b, "%s%s on %s, %s", num_text(r->forecast, NUM_TRACKER, n1), pct,
                       date_iso(r->forecast_date, d),
                       r->forecast_meets ? "meets target" : "misses target");
        else
            buf_puts(b, "&ndash;");
        buf_printf(b, "</td><td>%s</td></tr>\n", r->stale ? "stale" : si->has_value ? "yes" : "&ndash;");
    }
    buf_puts(b, "</table>\n");
    int na = 0;
    for (int i = 0; i < t->nind; i++)
        if (s->res[i].agenda) {
            buf_puts(b, na++ ? ", " : "<p><strong>Data development agenda</strong> (no data yet): ");
            buf_puts(b, "<code>");
            esc(b, t->ind[i]->d.id);
            buf_puts(b, "</code>");
        }
    if (na)
        buf_puts(b, "</p>\n");
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
    buf_puts(b, "<h2>Targets for breakdown cells</h2>\n<table>\n<tr><th>Indicator</th>"
                "<th>Cell</th><th class=\"n\">Value</th><th>Date</th><th class=\"n\">Planned "
                "then</th><th>Status</th></tr>\n");
    for (int k = 0; k < s->ncells; k++) {
        const ScoreCell *c = &s->cells[k];
        const Indicator *ind = t->ind[c->ind];
        const char *pct = score_percent(ind) ? "%" : "";
        buf_printf(b, "<tr><td><a href=\"#ind-%s\">", ind->d.id);
        esc(b, ind->d.title ? ind->d.title : ind->d.id);
        buf_puts(b, "</a></td><td>");
        esc(b, c->dim->d.title ? c->dim->d.title : c->dim->d.id);
        buf_puts(b, ": ");
        esc(b, c->dim->values.v[c->cell]);
        buf_puts(b, "</td><td class=\"n\">");
        if (c->suppressed)
            buf_puts(b, "<span class=\"supp\">suppressed</span>");
        else if (c->has_value)
            buf_printf(b, "%s%s", num_text(c->value, NUM_TRACKER, n1), pct);
        else
            buf_puts(b, "&ndash;");
        buf_printf(b, "</td><td>%s</td><td class=\"n\">", c->has_value ? date_iso(c->date, d)
                                                                     : "&ndash;");
        if (c->has_planned)
            buf_printf(b, "%s%s", num_text(c->planned, NUM_TRACKER, n1), pct);
        else
            buf_puts(b, "&ndash;");
        buf_puts(b, "</td><td>");
        badge(b, status_color[c->status], status_text(c->status));
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</table>\n");
}

/* An indicator's article: its title and status, what it measures and how
 * its value is made, its source, its chart and its breakdown tables. */
static void report_indicator(Score *s, int i, Buf *b)
{
    const Indicator *ind = s->t->ind[i];
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
        /* The value rules in words that fit the indicator: a rate is
         * the level at its date, not a running total; one reporter's
         * values are not combined. */
        buf_printf(b, " &middot; %s",
                   score_percent(ind)                 ? "each report is the rate at its date"
                   : ind->values == VALUES_PER_PERIOD ? "each report is the amount of its period"
                                                      : "each report is the running total to its date");
        if (ind->reporters.n > 1)
            buf_printf(b, ", the reporters' values combined by %s",
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
    if (si->overflow)
        buf_puts(b, "<p class=\"meta\">No value: the reports add up past the largest number the "
                    "tracker holds (value overflows).</p>\n");
    if (ind->source) {
        buf_puts(b, "<p class=\"meta\">Source: ");
        esc(b, ind->source);
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
    buf_puts(b, "<h2>Milestones</h2>\n");
    chart_timeline(s, b);
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
        bool despite = sm->state == VERDICT_DONE && sm->despite;
        badge(b, chart_state_color(sm->state),
              despite ? "done, requirement not met" : chart_state_text(sm->state));
        buf_puts(b, "</td><td>");
        if (sm->ev != VERDICT_EVENT_NONE) {
            buf_printf(b, "%s on %s by ", sm->ev == VERDICT_EVENT_DONE ? "done" : "cancelled",
                       date_iso(sm->ev_date, d2));
            esc(b, sm->ev_by);
            if (despite) {
                buf_puts(b, ", requirement not met: ");
                esc(b, sm->despite);
            }
        } else if (ms->requires) {
            buf_puts(b, "<code>");
            esc(b, score_expr_text(s, ms->requires));
            buf_printf(b, "</code>: %s", sm->req == EVAL_TRUE    ? "holds"
                                         : sm->req == EVAL_FALSE ? "does not hold yet"
                                                                 : "no data yet");
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
    buf_puts(b, "<h2>Audit trail</h2>\n<table>\n<tr><th>What</th><th>Of</th><th>By</th>"
                "<th>Recorded</th><th>Why</th></tr>\n");
    for (int k = 0; k < s->audit.n; k++) {
        const ScoreAudit *au = &s->audit.v[k];
        static const char *const what[] = {"correction", "retraction", "reopened",
                                           "done, requirement not met"};
        bool obs = au->kind == SCORE_AUDIT_CORRECT || au->kind == SCORE_AUDIT_RETRACT;
        buf_printf(b, "<tr><td>%s", what[au->kind]);
        if (au->kind == SCORE_AUDIT_CORRECT) {
            if (t->ind[au->id]->personal_data)
                buf_puts(b, " (value withheld: personal data)");
            else
                buf_printf(b, " to %s", num_str(t->a, au->value, NUM_TRACKER));
        }
        buf_puts(b, "</td><td><code>");
        esc(b, obs ? t->ind[au->id]->d.id : t->ms[au->id]->d.id);
        buf_puts(b, "</code>");
        if (obs) {
            buf_printf(b, " on %s", date_iso(au->date, d));
            audit_cell(s, au, b);
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
    buf_printf(b, "<footer>Made by the tracker of <code>");
    esc(b, t->ag->d.id);
    buf_printf(b, "</code> (charter-runtime %s, agreement compiled by charterc %s). Planned values "
                  "follow straight lines from the baseline through each benchmark; an indicator "
                  "judged by yearly or quarterly totals plans each span's target spread over its "
                  "reporting periods.</footer>\n"
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
    "  --min-cell N     for indicators with personal data, suppress values and\n"
    "                   breakdown cells below N (default 5)\n";

int report_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {{"output", 'o', true}, {"as-of", 0, true}, {"min-cell", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 3, argc, argv, "report"))
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
    if (!trk_as_of(t, &a, &as_of))
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
