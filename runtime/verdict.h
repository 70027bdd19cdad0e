/* verdict.h - the scorecard's rules, as pure functions (verdict_).
 *
 * docs/tracker.md ("The scorecard") states them; these functions are
 * their only implementation, and tests/unit/test_verdict.c checks each
 * rule (the planned value itself is the model's trajectory.h):
 * - an indicator's value combines its reporters' values with its
 *   `combine` rule;
 * - an indicator is no_data (no value), achieved (its last target is met),
 *   on_track (its latest value meets the planned value at the value's
 *   date, or nothing is planned yet at that date) or behind;
 * - a milestone is done or cancelled by its event; otherwise met when its
 *   requirement holds, overdue after its due date, due_soon within 30
 *   days of it, pending before;
 * - "meets" means >= for an indicator whose direction is up (or unset),
 *   <= for down. */
#ifndef CHARTER_VERDICT_H
#define CHARTER_VERDICT_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

#define VERDICT_DUE_SOON_DAYS 30

typedef enum VerdictStatus {
    VERDICT_NO_DATA, VERDICT_ACHIEVED, VERDICT_ON_TRACK, VERDICT_BEHIND
} VerdictStatus;

typedef enum VerdictState {
    VERDICT_DONE, VERDICT_CANCELLED, VERDICT_MET, VERDICT_OVERDUE, VERDICT_DUE_SOON,
    VERDICT_PENDING
} VerdictState;

/* A milestone's event in the ledger. */
typedef enum VerdictEvent {
    VERDICT_EVENT_NONE, VERDICT_EVENT_DONE, VERDICT_EVENT_CANCELLED
} VerdictEvent;

/* Combines the values of several reporters (in date order); NaN when
 * n == 0.  A sum of finite values may overflow to an infinity, which the
 * caller treats as no value (a mean does not overflow). */
double verdict_combine(Combine c, const double *v, int n);
/* Whether `value` meets `goal` in `direction` (+1 up or 0, -1 down). */
bool verdict_meets(double value, double goal, int direction);
VerdictStatus verdict_status(bool has_value, double value, bool has_planned, double planned,
                             bool has_target, double last_target, int direction);
/* `holds`: the requirement is true (not false, not unknown). */
VerdictState verdict_state(VerdictEvent ev, bool holds, int32_t due, int32_t as_of);

/* "no_data", "achieved", ...; "done", "met", ... as in the JSON. */
const char *verdict_status_name(VerdictStatus s);
const char *verdict_state_name(VerdictState s);
/* The same for a person, in the language chosen (lang.h): "no data",
 * "on track", ...; "done", "due soon", ...  One list for every output
 * that shows them (status, the dashboard, its pictures). */
const char *verdict_status_text(VerdictStatus s);
const char *verdict_state_text(VerdictState s);

#endif
