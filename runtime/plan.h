/* plan.h - the meaning of the scorecard, as pure functions (plan_).
 *
 * docs/tracker.md states it; these functions are its only implementation, and
 * tests/unit/test_plan.c checks each rule:
 * - the planned value follows straight lines from the baseline through
 *   each target, none before the baseline (or before the first target when
 *   there is no baseline), the last target held after it;
 * - an indicator is no_data (no value), achieved (its last target is met),
 *   on_track (its latest value meets the planned value at the value's
 *   date, or nothing is planned yet at that date) or behind;
 * - a milestone is done or cancelled by its event; otherwise met when its
 *   requirement holds, overdue after its due date, due_soon within 30
 *   days of it, pending before;
 * - "meets" means >= for an indicator whose direction is up (or unset),
 *   <= for down. */
#ifndef CHARTER_PLAN_H
#define CHARTER_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "model.h"

#define PLAN_DUE_SOON_DAYS 30

typedef struct PlanPt {
    int32_t date;
    double value;
} PlanPt;

typedef enum PlanStatus { PLAN_NO_DATA, PLAN_ACHIEVED, PLAN_ON_TRACK, PLAN_BEHIND } PlanStatus;

typedef enum PlanState {
    PLAN_DONE, PLAN_CANCELLED, PLAN_MET, PLAN_OVERDUE, PLAN_DUE_SOON, PLAN_PENDING
} PlanState;

/* A milestone's event in the ledger. */
typedef enum PlanEvent { PLAN_EVENT_NONE, PLAN_EVENT_DONE, PLAN_EVENT_CANCELLED } PlanEvent;

/* Three-valued truth of a requirement. */
typedef enum PlanTruth { PLAN_FALSE, PLAN_TRUE, PLAN_UNKNOWN } PlanTruth;

/* Builds the plan in pts[]: targets[0..ntargets) in source order, and the
 * baseline when has_base.  Points are sorted by date; a target dated
 * before the baseline is dropped; of two points on one date the later in
 * source order holds (a target on the baseline's date replaces it).
 * pts has room for ntargets + 1 points; returns how many it holds. */
int plan_build(PlanPt *pts, const PlanPt *targets, int ntargets, bool has_base, PlanPt base);
/* The planned value at `date`; false when nothing is planned then. */
bool plan_at(const PlanPt *pts, int n, int32_t date, double *value);
/* Whether `value` meets `goal` in `direction` (+1 up or 0, -1 down). */
bool plan_meets(double value, double goal, int direction);
PlanStatus plan_status(bool has_value, double value, bool has_planned, double planned,
                       bool has_target, double last_target, int direction);
PlanState plan_state(PlanEvent ev, PlanTruth requirement, int32_t due, int32_t as_of);
/* Combines the values of several reporters; NaN when n == 0. */
double plan_combine(Combine c, const double *v, int n);

/* Reporting periods of frequency `f` anchored at `anchor`: period k is
 * [start(k), start(k + 1)).  Month-based frequencies count calendar
 * months from the anchor (clamped to the month's last day). */
int32_t plan_period_start(int32_t anchor, Duration f, int k);
/* The period holding `date`, -1 before the anchor. */
int plan_period_of(int32_t anchor, Duration f, int32_t date);
/* How many periods have ended by `as_of` (their last day is on or before
 * it) and started on or before `until` (the end of the term; DATE_NONE for
 * none). */
int plan_periods_due(int32_t anchor, Duration f, int32_t as_of, int32_t until);

/* "no_data", "achieved", ...; "done", "met", ... as in the JSON. */
const char *plan_status_name(PlanStatus s);
const char *plan_state_name(PlanState s);

#endif
