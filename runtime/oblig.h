/* oblig.h - who owes which report of an indicator, and by when (oblig_).
 *
 * A partner owes a report for a reporting period (period.h) when the
 * period starts within the agreement's term and within the partner's
 * membership (`joins` to `leaves`), and in a month of the indicator's
 * `season` if it has one.  The report is due by the period's last day
 * plus the grace period (`report_within`, default 30 days): on that day it
 * is still coming, the day after it is missing.  The scorecard counts the
 * missing ones, `due` lists the missing and the coming ones (never a
 * period as both) and the calendar has one event per deadline. */
#ifndef CHARTER_OBLIG_H
#define CHARTER_OBLIG_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

typedef struct Oblig {
    const Indicator *ind;
    int32_t anchor;         /* the first day of period 0 */
    Duration freq;
    Duration grace;
    int32_t term_start, term_end;   /* DATE_NONE: unbounded */
} Oblig;

/* The obligations of indicator ind of model m; false when it owes none (a
 * derived indicator, or no frequency or anchor). */
bool oblig_init(Oblig *o, const Model *m, const Indicator *ind, int32_t anchor, Duration freq);
/* The periods partner p owes, by their start: [*lo, *hi] (empty when
 * *hi < *lo), before the season is applied. */
void oblig_window(const Oblig *o, const Model *m, const Partner *p, int *lo, int *hi);
/* Whether period k starts in a month of the season. */
bool oblig_in_season(const Oblig *o, int k);
/* The last day the report of period k is on time. */
int32_t oblig_deadline(const Oblig *o, int k);
/* The last period whose deadline is before `as_of`; -1 when none. */
int oblig_last_missed(const Oblig *o, int32_t as_of);

#endif
