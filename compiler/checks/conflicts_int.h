/* conflicts_int.h - internals shared by the conflict checks: the helpers
 * of conflicts.c, used by schedule.c (milestones, periods, term, phases),
 * measure.c (indicators, targets, requirements), resources.c
 * (commitments, budgets, redundant activities) and partners.c (tensions,
 * backbone, hierarchy).  The checks themselves are declared by checks.h
 * from checks.def.
 *
 * Every check is linear or O(n log n) in the size of the model, except
 * where its output itself is larger (one finding per pair): no check
 * compares all pairs of activities or milestones.  Each check's comment
 * states its cost. */
#ifndef CHARTER_CONFLICTS_INT_H
#define CHARTER_CONFLICTS_INT_H

#include "buf.h"
#include "checks.h"
#include "hmap.h"
#include "numtext.h"

/* A value in a unit: "150_000 USD", "40%"; a plain number when u is NULL
 * (or `count`). */
const char *cf_qty(Arena *a, double v, const Unit *u);
/* A value of an indicator as written in a requirement: "75%" for a
 * percentage, else the plain number. */
const char *cf_val(Arena *a, double v, const Indicator *ind);
/* 2025-06-30 */
const char *cf_date(Arena *a, int32_t d);
/* "monthly", "quarterly", "yearly", "every 6 weeks" */
const char *cf_freq(Arena *a, Duration d);
/* The source text of a span, e.g. `state.families_enrolled`. */
const char *cf_span_text(const CheckCtx *x, Span s);
/* Whether a declaration is the user's (not the standard library's). */
#define CF_USER(decl) (!(decl)->d.is_std)
/* Two values equal up to rounding of interpolation. */
bool cf_close(double a, double b);

/* The comparisons `INDICATOR OP CONSTANT` (either way round) that a
 * `requires` expression joins with `and` at its top: the requirements
 * that must all hold at the milestone's due date.  Comparisons under `or`
 * or `not`, and comparisons of two indicators, are left out. */
typedef struct CfReq {
    Indicator *ind;
    ExprOp op;              /* normalized: the indicator on the left */
    double value;
    Span span;              /* the comparison */
} CfReq;

typedef VEC(CfReq) CfReqList;

void cf_requirements(Arena *a, const Expr *e, CfReqList *out);
typedef VEC(Indicator *) CfIndList;
/* Adds every indicator an expression reads to `out`, each once. */
void cf_expr_indicators(Arena *a, const Expr *e, CfIndList *out);

/* An indicator's reporting interval: its own `frequency`, or for a
 * derived indicator the longest of its inputs'; n == 0 when unknown. */
Duration cf_frequency(const Indicator *ind);
/* Frequencies compared as calendar intervals: `every 3 months` is
 * quarterly, `every 7 days` weekly. */
bool cf_same_frequency(Duration a, Duration b);

#endif
