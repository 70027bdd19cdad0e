/* status.c - `status`: the scorecard in text, JSON and Markdown. */
#define _POSIX_C_SOURCE 200809L
#include "status.h"

#include <math.h>
#include <string.h>

#include "lang.h"
#include "results.h"
#include "term.h"

/* Every word a person reads is in the language chosen with --lang
 * (lang.h): whole sentences with numbered placeholders, so that a
 * translation may put them in its own order.  JSON is for programs and
 * stays as it is. */

/* ---- shared words ---------------------------------------------------------- */

/* A goal's status from its indicators': behind if one is behind, achieved
 * if all are, no data if none has data, otherwise on track.  -1: no
 * tracked indicator. */
static int goal_status(const Score *s, const Goal *g)
{
    int n = 0, behind = 0, achieved = 0, nodata = 0;
    for (int k = 0; k < g->measured_by.n; k++) {
        int i = trk_indicator_of(s->t, g->measured_by.v[k]);
        if (i < 0)
            continue;
        n++;
        VerdictStatus st = s->ind[i].status;
        behind += st == VERDICT_BEHIND;
        achieved += st == VERDICT_ACHIEVED;
        nodata += st == VERDICT_NO_DATA;
    }
    if (n == 0)
        return -1;
    if (behind)
        return VERDICT_BEHIND;
    if (achieved == n)
        return VERDICT_ACHIEVED;
    if (nodata == n)
        return VERDICT_NO_DATA;
    return VERDICT_ON_TRACK;
}

/* ---- text ------------------------------------------------------------------ */

typedef struct Table {
    int ncols;
    VEC(const char *) cells;    /* row-major */
    int width[8];
} Table;

static void tcell(Trk *t, Table *tb, const char *text)
{
    VEC_PUSH(t->a, tb->cells, text ? text : "");
}

/* Columns padded to their widest cell (term_width). */
static void tprint(Table *tb, Buf *b)
{
    for (int c = 0; c < tb->ncols; c++)
        tb->width[c] = 0;
    for (int k = 0; k < tb->cells.n; k++) {
        int w = term_width(tb->cells.v[k]);
        if (w > tb->width[k % tb->ncols])
            tb->width[k % tb->ncols] = w;
    }
    for (int k = 0; k < tb->cells.n; k++) {
        int c = k % tb->ncols;
        if (c == 0)
            buf_puts(b, "  ");
        buf_puts(b, tb->cells.v[k]);
        if (c == tb->ncols - 1) {
            while (b->len > 0 && b->data[b->len - 1] == ' ')
                b->len--;
            buf_putc(b, '\n');
        } else {
            for (int p = term_width(tb->cells.v[k]); p < tb->width[c] + 2; p++)
                buf_putc(b, ' ');
        }
    }
}

static const char *num_or_dash(Trk *t, bool has, double v)
{
    return has ? num_str(t->a, v, NUM_TRACKER) : "-";
}

/* A percentage: "24%" (the number already written). */
static const char *pct(Trk *t, const char *num)
{
    /* TRANSLATORS: a percentage; %1$s is the number.  French writes a
     * (narrow no-break) space before the sign. */
    return arena_printf(t->a, L_("%1$s%%"), num);
}

static const char *date_or_dash(Trk *t, int32_t d)
{
    char buf[16];
    return d == DATE_NONE ? "-" : arena_strdup(t->a, date_iso(d, buf));
}

/* An amount of an indicator: a number, with a % sign for a percentage,
 * or "-" for none. */
static const char *amount(Trk *t, const Indicator *ind, bool has, double v)
{
    const char *n = num_or_dash(t, has, v);
    return has && score_percent(ind) ? pct(t, n) : n;
}

/* An indicator's value: an amount, or "suppressed" (privacy). */
static const char *value_text(Trk *t, int i, const ScoreInd *si)
{
    return si->suppressed ? L_("suppressed") : amount(t, t->ind[i], si->has_value, si->value);
}

/* ---- the results scorecard (results.h) ---------------------------------------- */

static const char *signed_num(Trk *t, double v)
{
    return arena_printf(t->a, "%s%s", v > 0 ? "+" : v < 0 ? "-" : "",
                        num_str(t->a, fabs(v), NUM_TRACKER));
}

/* The change from the baseline, "+650,000 (+361%)"; a percentage's is in
 * points. */
static const char *change_text(const Score *s, int i)
{
    Trk *t = s->t;
    const Result *r = &s->res[i];
    if (!r->has_change)
        return "-";
    const char *c = signed_num(t, r->change);
    if (score_percent(t->ind[i]))
        /* TRANSLATORS: a change of a percentage, in percentage points: "+2.5 points". */
        c = arena_printf(t->a, L_("%1$s points"), c);
    if (!r->has_change_pct)
        return c;
    return arena_printf(t->a, "%s (%s)", c, pct(t, signed_num(t, round(r->change_pct))));
}

static const char *trend_text(const Score *s, int i)
{
    const Result *r = &s->res[i];
    int n = r->trend < 0 ? -r->trend : r->trend;
    if (!r->has_trend)
        return "-";
    if (n == 0)
        /* TRANSLATORS: the trend of an indicator: no change over the last periods. */
        return L_("flat");
    /* TRANSLATORS: the trend of an indicator: how many reporting periods in
     * a row its value moved the right way (better) or the wrong way. */
    return arena_printf(s->t->a, r->trend > 0 ? LN_("better %1$d period", "better %1$d periods", n)
                                              : LN_("worse %1$d period", "worse %1$d periods", n),
                        n);
}

static const char *forecast_text(const Score *s, int i)
{
    Trk *t = s->t;
    const Result *r = &s->res[i];
    char d[16];
    if (!r->has_forecast)
        return "-";
    /* TRANSLATORS: the forecast of an indicator: the value expected (%1$s)
     * at the date of its last target (%2$s). */
    return arena_printf(t->a, r->forecast_meets ? L_("%1$s on %2$s, meets target")
                                                : L_("%1$s on %2$s, misses target"),
                        amount(t, t->ind[i], true, r->forecast), date_iso(r->forecast_date, d));
}

/* The indicators with no data yet, "a, b", or NULL. */
static const char *agenda_text(const Score *s)
{
    Trk *t = s->t;
    Buf b;
    buf_init(&b);
    for (int i = 0; i < t->nind; i++)
        if (s->res[i].agenda)
            buf_printf(&b, "%s%s", b.len ? ", " : "", t->ind[i]->d.id);
    const char *text = b.len ? arena_strdup(t->a, buf_cstr(&b)) : NULL;
    buf_free(&b);
    return text;
}

static void text_results(Score *s, Buf *b)
{
    Trk *t = s->t;
    if (t->nind == 0)
        return;
    buf_printf(b, "\n%s\n", L_("Results"));
    Table tb = {.ncols = 7};
    /* TRANSLATORS: the columns of the results table in `status`. */
    const char *head[] = {L_("indicator"), L_("baseline"), L_("latest"), L_("change from baseline"),
                          L_("trend"), L_("forecast at the last target"), L_("stale")};
    for (int c = 0; c < 7; c++)
        tcell(t, &tb, head[c]);
    for (int i = 0; i < t->nind; i++) {
        const ScoreInd *si = &s->ind[i];
        tcell(t, &tb, t->ind[i]->d.id);
        tcell(t, &tb, amount(t, t->ind[i], si->has_base, si->base));
        tcell(t, &tb, value_text(t, i, si));
        tcell(t, &tb, change_text(s, i));
        tcell(t, &tb, trend_text(s, i));
        tcell(t, &tb, forecast_text(s, i));
        tcell(t, &tb, s->res[i].stale ? L_("stale") : "");
    }
    tprint(&tb, b);
    const char *agenda = agenda_text(s);
    if (agenda) {
        buf_printf(b, L_("Data development agenda (no data yet): %1$s"), agenda);
        buf_putc(b, '\n');
    }
}

/* A cell with a target: "area north". */
static const char *cell_name(Trk *t, const ScoreCell *c)
{
    return arena_printf(t->a, "%s %s", c->dim->d.id, c->dim->values.v[c->cell]);
}

static const char *cell_value_text(Trk *t, const ScoreCell *c)
{
    return c->suppressed ? L_("suppressed") : num_or_dash(t, c->has_value, c->value);
}

static const char *progress_text(Trk *t, const ScoreInd *si)
{
    return si->has_progress ? pct(t, arena_printf(t->a, "%.0f", si->progress)) : "-";
}

/* The words every format gives an indicator whose value overflowed. */
static const char *overflow_note(void)
{
    return L_("value overflows: its reports add up past the largest number the tracker holds, "
              "so it has no value");
}

static const char *req_cell(Score *s, int m)
{
    Trk *t = s->t;
    const Milestone *ms = t->ms[m];
    const ScoreMs *sm = &s->ms[m];
    char d[16];
    /* TRANSLATORS: the event that settled a milestone: its date (%1$s), the
     * partner (%2$s) and, for one done although its requirement did not
     * hold, the reason given (%3$s). */
    if (sm->ev != VERDICT_EVENT_NONE && sm->despite)
        return arena_printf(t->a, L_("done on %1$s by %2$s despite: %3$s"), date_iso(sm->ev_date, d),
                            sm->ev_by, sm->despite);
    if (sm->ev != VERDICT_EVENT_NONE)
        return arena_printf(t->a, sm->ev == VERDICT_EVENT_DONE ? L_("done on %1$s by %2$s")
                                                               : L_("cancelled on %1$s by %2$s"),
                            date_iso(sm->ev_date, d), sm->ev_by);
    if (!ms->requires)
        return "-";
    /* TRANSLATORS: a milestone's requirement (%1$s, as the agreement writes
     * it) and whether it holds on the values of a date (%2$s). */
    return arena_printf(t->a, sm->req == EVAL_TRUE    ? L_("%1$s: holds (on %2$s)")
                              : sm->req == EVAL_FALSE ? L_("%1$s: does not hold (on %2$s)")
                                                      : L_("%1$s: unknown (no data) (on %2$s)"),
                        score_expr_text(s, ms->requires), date_iso(sm->eval_date, d));
}

/* A milestone's state; one marked done although its requirement did not
 * hold says so. */
static const char *ms_state_words(const ScoreMs *sm)
{
    if (sm->state == VERDICT_DONE && sm->despite)
        return L_("done, requirement not met");
    return verdict_state_text(sm->state);
}

static void print_text(Score *s, Buf *b)
{
    Trk *t = s->t;
    const Agreement *ag = t->ag;
    const char *title = ag->d.title ? ag->d.title : ag->d.id;
    if (ag->version)
        /* TRANSLATORS: the first line of `status`: the agreement's title, id and version. */
        buf_printf(b, L_("%1$s (%2$s, version %3$s)"), title, ag->d.id, ag->version);
    else
        buf_printf(b, "%s (%s)", title, ag->d.id);
    buf_putc(b, '\n');
    char d[32];
    buf_printf(b, L_("Scorecard as of %1$s"), date_long(s->as_of, d));
    buf_putc(b, '\n');

    if (t->m->goals.n > 0) {
        buf_printf(b, "\n%s\n", L_("Goals"));
        Table tb = {.ncols = 3};
        for (int g = 0; g < t->m->goals.n; g++) {
            const Goal *goal = t->m->goals.v[g];
            int st = goal_status(s, goal);
            tcell(t, &tb, goal->d.id);
            tcell(t, &tb, goal->d.title ? goal->d.title : "");
            tcell(t, &tb, st < 0 ? L_("not measured") : verdict_status_text((VerdictStatus)st));
        }
        tprint(&tb, b);
    }
    if (t->nind > 0) {
        buf_printf(b, "\n%s\n", L_("Indicators"));
        Table tb = {.ncols = 7};
        /* TRANSLATORS: the columns of the indicators' table in `status`;
         * "planned" is the value the plan expects at the date of the value. */
        const char *head[] = {L_("indicator"), L_("value"), L_("date"), L_("planned"),
                              L_("planned today"), L_("progress"), L_("status")};
        for (int c = 0; c < 7; c++)
            tcell(t, &tb, head[c]);
        for (int i = 0; i < t->nind; i++) {
            const ScoreInd *si = &s->ind[i];
            tcell(t, &tb, t->ind[i]->d.id);
            tcell(t, &tb, value_text(t, i, si));
            tcell(t, &tb, date_or_dash(t, si->date));
            tcell(t, &tb, amount(t, t->ind[i], si->has_value && si->has_planned, si->planned));
            tcell(t, &tb, amount(t, t->ind[i], si->has_planned_now, si->planned_now));
            tcell(t, &tb, progress_text(t, si));
            tcell(t, &tb, verdict_status_text(si->status));
        }
        tprint(&tb, b);
        for (int i = 0; i < t->nind; i++)
            if (s->ind[i].overflow)
                buf_printf(b, "  %s: %s\n", t->ind[i]->d.id, overflow_note());
        /* TRANSLATORS: under the indicators' table of `status`, each line
         * indented by two spaces: keep the lines under 78 characters. */
        const char *note = L_("(planned: what the plan expects at the date of the value, which the status\n"
                              "compares with; progress: the share of the way from the baseline to the last\n"
                              "target)");
        for (const char *p = note; *p; p += *p == '\n') {
            size_t n = strcspn(p, "\n");
            buf_printf(b, "  %.*s\n", (int)n, p);
            p += n;
        }
    }
    text_results(s, b);
    if (s->ncells > 0) {
        buf_printf(b, "\n%s\n", L_("Targets for breakdown cells"));
        Table tb = {.ncols = 6};
        /* TRANSLATORS: the columns of the table of targets for breakdown cells
         * ("cell": one value of a breakdown, such as "area north"). */
        const char *head[] = {L_("indicator"), L_("cell"), L_("value"), L_("date"), L_("planned"),
                              L_("status")};
        for (int c = 0; c < 6; c++)
            tcell(t, &tb, head[c]);
        for (int k = 0; k < s->ncells; k++) {
            const ScoreCell *c = &s->cells[k];
            tcell(t, &tb, t->ind[c->ind]->d.id);
            tcell(t, &tb, cell_name(t, c));
            tcell(t, &tb, cell_value_text(t, c));
            tcell(t, &tb, date_or_dash(t, c->date));
            tcell(t, &tb, num_or_dash(t, c->has_planned, c->planned));
            tcell(t, &tb, verdict_status_text(c->status));
        }
        tprint(&tb, b);
    }
    if (t->nms > 0) {
        buf_printf(b, "\n%s\n", L_("Milestones"));
        Table tb = {.ncols = 4};
        /* TRANSLATORS: the columns of the milestones' table in `status`
         * ("due": the due date). */
        const char *head[] = {L_("milestone"), L_("due"), L_("status"), L_("requirement or event")};
        for (int c = 0; c < 4; c++)
            tcell(t, &tb, head[c]);
        for (int m = 0; m < t->nms; m++) {
            tcell(t, &tb, t->ms[m]->d.id);
            tcell(t, &tb, date_or_dash(t, t->ms[m]->due));
            tcell(t, &tb, ms_state_words(&s->ms[m]));
            tcell(t, &tb, req_cell(s, m));
        }
        tprint(&tb, b);
    }
    if (t->npart > 0) {
        buf_printf(b, "\n%s\n", L_("Partners"));
        Table tb = {.ncols = 3};
        /* TRANSLATORS: the columns of the partners' table in `status`. */
        const char *head[] = {L_("partner"), L_("missing reports"), L_("overdue milestones")};
        for (int c = 0; c < 3; c++)
            tcell(t, &tb, head[c]);
        for (int p = 0; p < t->npart; p++) {
            tcell(t, &tb, t->part[p]->d.id);
            tcell(t, &tb, arena_printf(t->a, "%d", s->part[p].missing_reports));
            tcell(t, &tb, arena_printf(t->a, "%d", s->part[p].overdue_milestones));
        }
        tprint(&tb, b);
    }
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_num(Buf *b, bool has, double v)
{
    if (has && isfinite(v))
        num_put(b, v, NUM_EXACT);
    else
        buf_puts(b, "null");
}

static void json_date(Buf *b, int32_t d)
{
    char s[16];
    if (d == DATE_NONE)
        buf_puts(b, "null");
    else {
        buf_putc(b, '"');
        buf_puts(b, date_iso(d, s));
        buf_putc(b, '"');
    }
}

/* The "status" key with a status name (a word of the tracker's own). */
static void json_status(Buf *b, const char *name)
{
    buf_puts(b, ", \"status\": \"");
    buf_puts(b, name);
    buf_putc(b, '"');
}

/* The results of indicator i as JSON keys (results.h). */
static void json_result(const Score *s, int i, Buf *b)
{
    const ScoreInd *si = &s->ind[i];
    const Result *r = &s->res[i];
    buf_puts(b, ", \"baseline\": ");
    json_num(b, si->has_base, si->base);
    buf_puts(b, ", \"change\": ");
    json_num(b, r->has_change, r->change);
    buf_puts(b, ", \"change_pct\": ");
    json_num(b, r->has_change_pct, r->change_pct);
    buf_puts(b, ", \"trend\": ");
    json_num(b, r->has_trend, r->trend);
    buf_puts(b, ", \"forecast\": ");
    json_num(b, r->has_forecast, r->forecast);
    buf_puts(b, ", \"forecast_date\": ");
    json_date(b, r->has_forecast ? r->forecast_date : DATE_NONE);
    buf_puts(b, ", \"forecast_meets_target\": ");
    buf_puts(b, !r->has_forecast ? "null" : r->forecast_meets ? "true" : "false");
    buf_puts(b, r->stale ? ", \"stale\": true" : ", \"stale\": false");
}

static void print_json(Score *s, Buf *b)
{
    Trk *t = s->t;
    buf_puts(b, "{\n  \"agreement\": ");
    buf_json_str(b, t->ag->d.id);
    buf_puts(b, ",\n  \"as_of\": ");
    json_date(b, s->as_of);
    buf_puts(b, ",\n  \"indicators\": [");
    for (int i = 0; i < t->nind; i++) {
        const ScoreInd *si = &s->ind[i];
        buf_puts(b, i ? ",\n    " : "\n    ");
        buf_puts(b, "{ \"id\": ");
        buf_json_str(b, t->ind[i]->d.id);
        buf_puts(b, ", \"value\": ");
        json_num(b, si->has_value && !si->suppressed, si->value);
        buf_puts(b, ", \"date\": ");
        json_date(b, si->date);
        buf_puts(b, ", \"planned\": ");
        json_num(b, si->has_planned, si->planned);
        json_status(b, verdict_status_name(si->status));
        buf_puts(b, si->overflow     ? ", \"note\": \"value overflows\""
                    : si->suppressed ? ", \"note\": \"suppressed\""
                                     : "");
        json_result(s, i, b);
        buf_puts(b, " }");
    }
    buf_puts(b, t->nind ? "\n  ],\n  \"cells\": [" : "],\n  \"cells\": [");
    for (int k = 0; k < s->ncells; k++) {
        const ScoreCell *c = &s->cells[k];
        buf_puts(b, k ? ",\n    " : "\n    ");
        buf_puts(b, "{ \"indicator\": ");
        buf_json_str(b, t->ind[c->ind]->d.id);
        buf_puts(b, ", \"dimension\": ");
        buf_json_str(b, c->dim->d.id);
        buf_puts(b, ", \"cell\": ");
        buf_json_str(b, c->dim->values.v[c->cell]);
        buf_puts(b, ", \"value\": ");
        json_num(b, c->has_value && !c->suppressed, c->value);
        buf_puts(b, ", \"date\": ");
        json_date(b, c->date);
        buf_puts(b, ", \"planned\": ");
        json_num(b, c->has_planned, c->planned);
        json_status(b, verdict_status_name(c->status));
        buf_puts(b, c->suppressed ? ", \"note\": \"suppressed\" }" : " }");
    }
    buf_puts(b, s->ncells ? "\n  ],\n  \"milestones\": [" : "],\n  \"milestones\": [");
    for (int m = 0; m < t->nms; m++) {
        const ScoreMs *sm = &s->ms[m];
        buf_puts(b, m ? ",\n    " : "\n    ");
        buf_puts(b, "{ \"id\": ");
        buf_json_str(b, t->ms[m]->d.id);
        buf_puts(b, ", \"due\": ");
        json_date(b, t->ms[m]->due);
        json_status(b, verdict_state_name(sm->state));
        buf_puts(b, ", \"requirement\": ");
        buf_puts(b, !t->ms[m]->requires || sm->req == EVAL_UNKNOWN ? "null"
                    : sm->req == EVAL_TRUE                        ? "true"
                                                                  : "false");
        if (sm->state == VERDICT_DONE && sm->despite) {
            buf_puts(b, ", \"despite\": ");
            buf_json_str(b, sm->despite);
        }
        buf_puts(b, " }");
    }
    buf_puts(b, t->nms ? "\n  ],\n  \"partners\": [" : "],\n  \"partners\": [");
    for (int p = 0; p < t->npart; p++) {
        buf_puts(b, p ? ",\n    " : "\n    ");
        buf_puts(b, "{ \"id\": ");
        buf_json_str(b, t->part[p]->d.id);
        buf_puts(b, ", \"missing_reports\": ");
        buf_int(b, s->part[p].missing_reports);
        buf_puts(b, ", \"overdue_milestones\": ");
        buf_int(b, s->part[p].overdue_milestones);
        buf_puts(b, " }");
    }
    buf_puts(b, t->npart ? "\n  ],\n  \"data_development_agenda\": [" :
                           "],\n  \"data_development_agenda\": [");
    int na = 0;
    for (int i = 0; i < t->nind; i++)
        if (s->res[i].agenda) {
            buf_puts(b, na++ ? ", " : "");
            buf_json_str(b, t->ind[i]->d.id);
        }
    buf_puts(b, "]\n}\n");
}

/* ---- Markdown -------------------------------------------------------------- */

/* A cell of user text (escaped), or of the tracker's own words, numbers
 * and dates (as they are). */
/* User text in a table cell: the characters Markdown (and a table) give a
 * meaning to anywhere in a line are escaped; a line break is a space. */
static void md_text(Buf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|#~&", *s))
            buf_putc(b, '\\');
        buf_putc(b, *s == '\n' ? ' ' : *s);
    }
}

static void md_cell(Buf *b, const char *s)
{
    buf_puts(b, " ");
    md_text(b, s);
    buf_puts(b, " |");
}

static void md_raw(Buf *b, const char *s)
{
    buf_printf(b, " %s |", s);
}

/* A section's heading and its table's head: the columns' names (the
 * tracker's own words), then `align`, the line under them. */
static void md_head(Buf *b, const char *heading, const char *const *cols, int n, const char *align)
{
    buf_printf(b, "\n## %s\n\n|", heading);
    for (int c = 0; c < n; c++)
        buf_printf(b, *cols[c] ? " %s |" : " |", cols[c]);
    buf_printf(b, "\n%s\n", align);
}

/* A sentence of the tracker (fmt, one %1$s) around user text, which is
 * escaped. */
static void md_sentence(Buf *b, const char *fmt, const char *text)
{
    Buf e;
    buf_init(&e);
    md_text(&e, text);
    buf_printf(b, fmt, buf_cstr(&e));
    buf_free(&e);
}

/* The results scorecard and the data development agenda (results.h). */
static void md_results(Score *s, Buf *b)
{
    Trk *t = s->t;
    if (t->nind == 0)
        return;
    /* TRANSLATORS: the columns of the results table (Markdown and the dashboard). */
    const char *head[] = {L_("Indicator"), L_("Baseline"), L_("Latest"), L_("Change from baseline"),
                          L_("Trend"), L_("Forecast at the last target"), L_("Stale")};
    md_head(b, L_("Results"), head, 7, "|---|--:|--:|--:|---|---|---|");
    for (int i = 0; i < t->nind; i++) {
        const ScoreInd *si = &s->ind[i];
        buf_puts(b, "|");
        md_cell(b, t->ind[i]->d.id);
        md_raw(b, amount(t, t->ind[i], si->has_base, si->base));
        md_raw(b, value_text(t, i, si));
        md_raw(b, change_text(s, i));
        md_raw(b, trend_text(s, i));
        md_raw(b, forecast_text(s, i));
        md_raw(b, s->res[i].stale ? L_("stale") : "");
        buf_putc(b, '\n');
    }
    const char *agenda = agenda_text(s);
    if (agenda) {
        buf_putc(b, '\n');
        md_sentence(b, L_("Data development agenda (no data yet): %1$s"), agenda);
        buf_putc(b, '\n');
    }
}

static void print_md(Score *s, Buf *b)
{
    Trk *t = s->t;
    const Agreement *ag = t->ag;
    buf_puts(b, "# ");
    /* TRANSLATORS: the title of the Markdown scorecard; %1$s is the agreement's title. */
    md_sentence(b, L_("Scorecard: %1$s"), ag->d.title ? ag->d.title : ag->d.id);
    buf_puts(b, "\n\n");
    const char *id = arena_printf(t->a, "`%s`", ag->d.id);
    char as_of[32];
    date_long(s->as_of, as_of);
    if (ag->version) {
        Buf v;
        buf_init(&v);
        md_text(&v, ag->version);
        /* TRANSLATORS: under the Markdown scorecard's title: the agreement's
         * id, its version and the date the scorecard looks from. */
        buf_printf(b, L_("Agreement %1$s, version %2$s, as of %3$s."), id, buf_cstr(&v), as_of);
        buf_free(&v);
    } else {
        buf_printf(b, L_("Agreement %1$s, as of %2$s."), id, as_of);
    }
    buf_putc(b, '\n');
    if (t->m->goals.n > 0) {
        const char *head[] = {L_("Goal"), "", L_("Status")};
        md_head(b, L_("Goals"), head, 3, "|---|---|---|");
        for (int g = 0; g < t->m->goals.n; g++) {
            const Goal *goal = t->m->goals.v[g];
            int st = goal_status(s, goal);
            buf_puts(b, "|");
            md_cell(b, goal->d.id);
            md_cell(b, goal->d.title ? goal->d.title : "");
            md_raw(b, st < 0 ? L_("not measured") : verdict_status_text((VerdictStatus)st));
            buf_putc(b, '\n');
        }
    }
    if (t->nind > 0) {
        /* TRANSLATORS: the columns of the indicators' table (Markdown and the
         * dashboard): "Planned then" is the plan at the date of the value. */
        const char *head[] = {L_("Indicator"), L_("Value"), L_("Date"), L_("Planned then"),
                              L_("Planned today"), L_("Progress"), L_("Status")};
        md_head(b, L_("Indicators"), head, 7, "|---|--:|---|--:|--:|--:|---|");
        for (int i = 0; i < t->nind; i++) {
            const ScoreInd *si = &s->ind[i];
            buf_puts(b, "|");
            md_cell(b, t->ind[i]->d.id);
            md_raw(b, value_text(t, i, si));
            md_raw(b, date_or_dash(t, si->date));
            md_raw(b, amount(t, t->ind[i], si->has_value && si->has_planned, si->planned));
            md_raw(b, amount(t, t->ind[i], si->has_planned_now, si->planned_now));
            md_raw(b, progress_text(t, si));
            md_raw(b, verdict_status_text(si->status));
            buf_putc(b, '\n');
        }
        for (int i = 0; i < t->nind; i++)
            if (s->ind[i].overflow) {
                buf_puts(b, "\n");
                md_text(b, t->ind[i]->d.id);
                buf_printf(b, ": %s.\n", overflow_note());
            }
    }
    md_results(s, b);
    if (s->ncells > 0) {
        const char *head[] = {L_("Indicator"), L_("Cell"), L_("Value"), L_("Date"), L_("Planned"),
                              L_("Status")};
        md_head(b, L_("Targets for breakdown cells"), head, 6, "|---|---|--:|---|--:|---|");
        for (int k = 0; k < s->ncells; k++) {
            const ScoreCell *c = &s->cells[k];
            buf_puts(b, "|");
            md_cell(b, t->ind[c->ind]->d.id);
            md_cell(b, cell_name(t, c));
            md_raw(b, cell_value_text(t, c));
            md_raw(b, date_or_dash(t, c->date));
            md_raw(b, num_or_dash(t, c->has_planned, c->planned));
            md_raw(b, verdict_status_text(c->status));
            buf_putc(b, '\n');
        }
    }
    if (t->nms > 0) {
        const char *head[] = {L_("Milestone"), L_("Due"), L_("Status"), L_("Requirement or event")};
        md_head(b, L_("Milestones"), head, 4, "|---|---|---|---|");
        for (int m = 0; m < t->nms; m++) {
            buf_puts(b, "|");
            md_cell(b, t->ms[m]->d.id);
            md_raw(b, date_or_dash(t, t->ms[m]->due));
            md_raw(b, ms_state_words(&s->ms[m]));
            md_cell(b, req_cell(s, m));
            buf_putc(b, '\n');
        }
    }
    if (t->npart > 0) {
        const char *head[] = {L_("Partner"), L_("Missing reports"), L_("Overdue milestones")};
        md_head(b, L_("Partners"), head, 3, "|---|--:|--:|");
        for (int p = 0; p < t->npart; p++) {
            buf_puts(b, "|");
            md_cell(b, t->part[p]->d.id);
            buf_printf(b, " %d | %d |\n", s->part[p].missing_reports,
                       s->part[p].overdue_milestones);
        }
    }
}

void status_print(Score *s, StatusFormat fmt, Buf *out)
{
    switch (fmt) {
    case STATUS_TEXT: print_text(s, out); break;
    case STATUS_JSON: print_json(s, out); break;
    case STATUS_MD: print_md(s, out); break;
    }
}

/* ---- the command ----------------------------------------------------------- */

static const char status_help[] =
    "usage: %s status [--as-of DATE] [--format text|json|md] [--min-cell N] [--lang CODE]\n"
    "       [--data DIR] [--allow-extern]\n\n"
    "The scorecard: each goal and indicator (latest value, planned value, progress,\n"
    "status: no data, achieved, on track, behind), each milestone (done, cancelled,\n"
    "met, overdue, due soon, pending, its requirement evaluated) and each partner\n"
    "(missing reports, overdue milestones).\n\n"
    "  --as-of DATE         the date to look from (default: today)\n"
    "  --format FORMAT      text (default), json or md\n"
    "  --min-cell N         for indicators with personal data, suppress values below N\n"
    "                       (default 5)\n"
    "  --lang CODE          the language of text and Markdown (words, dates, numbers):\n"
    "                       en (the default), es, fr or ht; JSON is the same in all\n"
    "  --data DIR           the ledger folder (default: ./%s-data)\n"
    "  --allow-extern       load the user libraries the formulas call\n";

int status_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {
        {"as-of", 0, true}, {"format", 'f', true}, {"min-cell", 0, true}, {"lang", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 4, argc, argv, "status") || !trk_min_cell(t, &a))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, status_help, t->prog, t->ix.agreement);
        return 0;
    }
    if (a.npositional > 0)
        return trk_fail(t, "status takes no argument '%s' (see '%s status --help')", a.positional[0],
                        t->prog);
    StatusFormat fmt = STATUS_TEXT;
    const char *f = opts_get(&a, "format");
    if (f) {
        if (strcmp(f, "text") == 0)
            fmt = STATUS_TEXT;
        else if (strcmp(f, "json") == 0)
            fmt = STATUS_JSON;
        else if (strcmp(f, "md") == 0 || strcmp(f, "markdown") == 0)
            fmt = STATUS_MD;
        else
            return trk_fail(t, "unknown format '%s' (text, json or md)", f);
    }
    int32_t as_of;
    if (!trk_as_of(t, &a, &as_of) || !trk_lang(t, &a))
        return 2;
    Score s;
    int st = score_run(&s, t, as_of, false);
    if (st)
        return st;
    Buf b;
    buf_init(&b);
    status_print(&s, fmt, &b);
    term_write(stdout, b.data, b.len);
    buf_free(&b);
    score_free(&s);
    trk_timing("printed");
    return fflush(stdout) == 0 ? 0 : 2;
}
