/* chart.h - the dashboard's SVG pictures (chart_): the chart of an
 * indicator and the milestone timeline, inline in the page that report.c
 * writes.  Every text from the agreement is escaped.
 *
 * An indicator's chart shows its reports (a dot per report, coloured by
 * reporter), its combined value, baseline, benchmarks (targets), planned
 * trajectory, the requirements milestones put on it (a marker at the due
 * date, coloured by the milestone's state) and the as-of date.  A long
 * ledger is thinned to at most 120 points per line, so that the page
 * stays light. */
#ifndef CHARTER_CHART_H
#define CHARTER_CHART_H

#include "score.h"

/* The chart of indicator i, with its legend; a sentence when there is
 * nothing to draw. */
void chart_indicator(Score *s, int i, Buf *b);
/* The milestones with a due date on the agreement's term, coloured by
 * state, with a legend; nothing when no milestone has a due date. */
void chart_timeline(Score *s, Buf *b);

/* The colour of a milestone's state, in the pictures and the page alike
 * (its words are verdict_state_text()'s). */
const char *chart_state_color(VerdictState st);

#endif
