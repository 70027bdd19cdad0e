/* score.h - the scorecard at a date (score_): every indicator's value,
 * plan and status, every milestone's state, every partner's missing
 * reports and overdue milestones.  `status`, `due` and `report` read it.
 *
 * Values (docs/tracker.md): an indicator's value at a date combines, with its
 * `combine` rule, each reporter's latest observation on or before that
 * date.  A reporter's observation is its total row, or, when its latest
 * rows of a date are breakdown cells only, the sum of the cells that give
 * a value for every dimension (not for percentages, which do not add up).
 * For `values per_period` only the reporters whose latest value falls in
 * the same reporting period as the most recent one are combined: a value
 * of an older period is not part of the latest period's total.  A derived
 * indicator applies its formula to its inputs' values at the date; its
 * date is the latest of theirs; without a baseline of its own, its
 * baseline is the formula applied to its inputs' baselines.
 *
 * Missing reports: for each indicator a partner reports with a
 * frequency, the periods it owes (oblig.h: within the term, its
 * membership and the season) whose deadline (last day plus grace) is
 * before the as-of date and in which it has not reported (a late report
 * counts for the period it is dated in).
 *
 * Totals (`totals yearly|quarterly`, per-period values): the value is the
 * total so far in the calendar year (quarter) of the latest value, the
 * plan the span's target spread over its periods in season, the target
 * the span's (totals_value, totals_plan in score.c).
 *
 * Every value here is finite or absent: a combination that overflows (two
 * reports of 1e308) is no value, flagged `overflow` for the printers'
 * note, and never has a status, a progress or a point on a chart. */
#ifndef CHARTER_SCORE_H
#define CHARTER_SCORE_H

#include "eval.h"
#include "obs.h"
#include "trajectory.h"
#include "trk.h"
#include "verdict.h"

typedef struct ScoreInd {
    bool has_value;
    double value;
    bool overflow;              /* no value: the reports add up past the largest
                                   number (printed as no value with a note) */
    bool suppressed;            /* has a value that score_hidden() hides */
    int32_t date;               /* of the value */
    bool has_planned;
    double planned;             /* at the value's date, else at as_of */
    bool has_planned_now;
    double planned_now;         /* at as_of */
    VerdictStatus status;
    Trajectory plan;            /* from the baseline below, derived or declared */
    bool has_base;              /* the baseline (the derived one too) */
    double base;
    int32_t base_date;
    bool has_target;
    double last_target;         /* the last target in date order */
    bool has_progress;
    double progress;            /* percent of the way from baseline to last target */
} ScoreInd;

typedef struct ScoreMs {
    VerdictEvent ev;
    int32_t ev_date;
    const char *ev_by;
    const char *despite;        /* done although its requirement did not hold: why */
    EvalTruth req;              /* EVAL_UNKNOWN also when there is no requirement */
    int32_t eval_date;          /* min(due, as_of) */
    VerdictState state;
} ScoreMs;

/* One entry of the audit trail: a correction or retraction of an
 * observation, a reopened milestone, a milestone done despite its
 * requirement; in ledger order, observations first. */
typedef enum ScoreAuditKind {
    SCORE_AUDIT_CORRECT, SCORE_AUDIT_RETRACT, SCORE_AUDIT_REOPENED, SCORE_AUDIT_DESPITE
} ScoreAuditKind;

typedef struct ScoreAudit {
    ScoreAuditKind kind;
    int id;                     /* the indicator or milestone (t->ind, t->ms) */
    int32_t cell;               /* observations: the breakdown cell, -1 a total */
    int32_t date;               /* of the observation or the event */
    int32_t recorded;           /* when it was recorded (DATE_NONE: not said) */
    const char *by;
    const char *reason;
    double value;               /* a correction's value */
} ScoreAudit;

typedef struct ScorePart {
    int missing_reports;
    int overdue_milestones;
} ScorePart;

/* A target for a breakdown cell (`target ... for DIMENSION VALUE`): one per
 * indicator, dimension and value that has one, in source order.  The
 * cell's value at a date combines each reporter's latest full cells with
 * that value (their sum: every cell of an indicator broken down by one
 * dimension; the full cross-tabulation's cells with that value, for
 * several), as the indicator's value combines totals; its plan runs
 * through the cell's targets, from the indicator's baseline when that is
 * zero (zero in every cell; otherwise nothing is planned before the first
 * target); its status is judged as an indicator's. */
typedef struct ScoreCell {
    int ind;
    const Dimension *dim;
    int cell;                   /* index into dim->values */
    bool has_value;
    double value;
    bool suppressed;            /* score_hidden() */
    int32_t date;
    bool has_planned;
    double planned;             /* at the value's date, else at as_of */
    VerdictStatus status;
} ScoreCell;

typedef struct Score {
    Trk *t;
    int32_t as_of;
    bool all_rows;
    Obs obs;
    Eval *eval;
    ScoreInd *ind;
    ScoreMs *ms;
    ScorePart *part;
    int **missing;              /* [ind][rep] missing reports */
    ScoreCell *cells;
    int ncells;
    long events_skipped;
    VEC(ScoreAudit) audit;      /* the audit trail */
    struct Result *res;         /* the results scorecard (results.h), per indicator */
    struct PrivInd *priv;       /* what small-cell suppression decided (privacy.h) */
    /* memo of values: per indicator, per evaluation date */
    struct ScoreMemo *memo;
} Score;

/* Starts reading the ledger in t->data_dir (before the agreement is
 * compiled: see obs.h).  all_rows keeps every observation (for charts).
 * 0, or 2 after a message. */
int score_start(Score *s, Trk *t, int32_t as_of, bool all_rows);
/* Compiles the agreement if needed, waits for the ledger and computes
 * everything.  0, or 2 after a message. */
int score_compute(Score *s);
/* score_start, then score_compute: what status, due and report need.  On
 * failure s is freed: 0, or 2 after a message. */
int score_run(Score *s, Trk *t, int32_t as_of, bool all_rows);
void score_free(Score *s);
/* Privacy, primary suppression: whether value v of indicator i, a count
 * with personal data, is below t->min_cell (--min-cell, else the
 * governance `min_cell`, else TRK_MIN_CELL) and so hidden in every output
 * (table, chart, tooltip, status, JSON).  A rate (a percentage, or an
 * indicator with a `denominator`) is not a count of people and is never
 * hidden for its own value (a 4.2% rate names nobody); a rate with a
 * denominator follows its denominator's figures instead.  Complementary
 * suppression, and the rates, are privacy.h's.  Its reporters' own values
 * are never shown apart (the total less one reporter's value would give
 * the other's). */
bool score_hidden(const Score *s, int i, double v);
/* Whether an indicator's values are rates, not counts: a percentage, or
 * one that names its denominator. */
bool score_rate(const Indicator *ind);
/* The value of indicator i at date d (NaN: none), and its date. */
double score_value(Score *s, int i, int32_t d, int32_t *vdate);
/* The value of indicator i in each of its latest reporting periods (at
 * most OBS_RING, oldest first), combined as its value is from each
 * reporter's latest value in or before the period (for `values
 * per_period`, in it); the date is the latest of those combined.  Only
 * the periods every reporter's ring still covers are given; 0 for a
 * derived indicator or one without a frequency. */
int score_period_values(Score *s, int i, int32_t *dates, double *vals);
/* Whether an indicator's values are percentages (shown with a % sign,
 * never summed from cells). */
bool score_percent(const Indicator *ind);
/* Whether indicator i is judged by totals over a span (`totals`). */
bool score_totals_of(const Score *s, int i);
/* The plan of a totals indicator at d, and the target of d's span. */
bool score_totals_plan(const Score *s, int i, int32_t d, double *out, double *target);
/* The calendar year or quarter (tt) holding d: [*lo, *hi]. */
void score_totals_span(Totals tt, int32_t d, int32_t *lo, int32_t *hi);
/* The combined series of indicator i up to date d (arrays owned by s). */
void score_series(Score *s, int i, int32_t d, charter_series *out);
/* A requirement or formula in Charter's syntax, its numbers as the
 * agreement spells them (exprtext.h), on one line. */
const char *score_expr_text(const Score *s, const Expr *x);

#endif
