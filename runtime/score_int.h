/* score_int.h - what score.c and score_plan.c share (score_), private to
 * the scorecard module. */
#ifndef CHARTER_SCORE_INT_H
#define CHARTER_SCORE_INT_H

#include "score.h"

/* One reporter's value at a date. */
typedef struct RepVal {
    int32_t date;
    double value;
    int order;
} RepVal;

/* Combines the reporters' values by the indicator's rule (for per-period
 * values, only those of the latest period); NaN for none. */
double score_combine(const Score *s, int i, RepVal *rv, int n, int32_t *vdate);
/* The total so far in the span of the latest value on or before d. */
double score_totals_value(Score *s, int i, int32_t d, int32_t *vdate);
/* The targets for breakdown cells of indicator i, into s->cells. */
void score_cells_of(Score *s, int i);
/* The missing reports of each reporter of indicator i. */
void score_missing_of(Score *s, int i);

#endif
