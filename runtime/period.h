/* period.h - an indicator's reporting periods (period_).
 *
 * An indicator reported with a frequency is reported once per period,
 * counted from an anchor (its baseline's date, else the term's start):
 * period k is [start(k), start(k + 1)).  Month-based frequencies count
 * calendar months from the anchor, clamped to the month's last day
 * (from 31 January: 28 or 29 February, 31 March).  The scan counts the
 * periods a partner reported in, the scorecard the periods due
 * (docs/tracker.md, "Missing reports"), `due` the next ones. */
#ifndef CHARTER_PERIOD_H
#define CHARTER_PERIOD_H

#include <stdint.h>

#include "date.h"

/* The first day of period k of frequency f. */
int32_t period_start(int32_t anchor, Duration f, int k);
/* The period holding `date`, -1 before the anchor. */
int period_of(int32_t anchor, Duration f, int32_t date);
/* How many periods have ended by `as_of` (their last day is on or before
 * it) and started on or before `until` (the end of the term; DATE_NONE for
 * none). */
int period_count_due(int32_t anchor, Duration f, int32_t as_of, int32_t until);

#endif
