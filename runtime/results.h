/* results.h - the results-based scorecard (results_): beside each
 * indicator's status, what practitioners' scorecards (Results-Based
 * Accountability, DevResults, Akvo RSR) show of it: the change from its
 * baseline, its trend over the latest reporting periods, a forecast of
 * its value at its last target's date and whether that meets the target,
 * and whether its latest value is stale; and the data development
 * agenda, the indicators with no data yet.  status and report print it.
 *
 * The trend and the forecast read the indicator's value in each of its
 * latest reporting periods (up to OBS_RING, score_period_values): the
 * trend counts the consecutive periods, back from the latest, in which
 * the value moved the same way, the right way (toward the target's
 * direction) or the wrong way; the forecast is the least-squares line
 * through those values (at least RESULTS_MIN_POINTS of them, none
 * otherwise) read at the last target's date.  A derived indicator, or one
 * without a frequency, has neither.  Nothing here shows a value that
 * score_hidden() hides: an indicator whose value is suppressed, or one of
 * whose period values would be, has no change, trend or forecast. */
#ifndef CHARTER_RESULTS_H
#define CHARTER_RESULTS_H

#include "score.h"

#define RESULTS_MIN_POINTS 3
/* The grace period after a report's period ends before it is late. */
#define RESULTS_GRACE_DAYS 30

typedef struct Result {
    bool has_change;
    double change;              /* the value less the baseline */
    bool has_change_pct;
    double change_pct;          /* of the baseline's magnitude; none for a zero baseline */
    int trend;                  /* periods the right way (> 0) or wrong way (< 0); 0: flat or none */
    bool has_trend;             /* at least two period values */
    bool has_forecast;
    double forecast;            /* at forecast_date, the last target's date */
    int32_t forecast_date;
    bool forecast_meets;        /* the forecast meets the last target */
    bool stale;                 /* the latest value is older than two periods and the grace */
    bool agenda;                /* no data yet: on the data development agenda */
} Result;

/* Computes s->res, one Result per indicator (after score_compute). */
void results_compute(Score *s);

#endif
