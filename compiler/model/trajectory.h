/* trajectory.h - an indicator's planned trajectory (traj_).
 *
 * The plan (docs/tracker.md, "Planned value") is made of straight lines
 * from the baseline through each target, none before the baseline, the
 * last target held after it.  This is its one implementation: the
 * conflict check requirement_exceeds_plan reads it at a milestone's due
 * date, the tracker's scorecard and charts at any date.
 *
 * Precisions:
 * - targets are taken in date order; a target dated before the baseline is
 *   not part of the plan;
 * - of two points on the same date the later one in source order holds
 *   (a target on the baseline's date replaces the baseline);
 * - without a baseline the plan starts at the first target.  The tracker
 *   gives a derived indicator without a baseline of its own the one its
 *   formula computes from its inputs' baselines (traj_build_from). */
#ifndef CHARTER_TRAJECTORY_H
#define CHARTER_TRAJECTORY_H

#include <stdbool.h>

#include "model.h"

typedef struct TrajPoint {
    int32_t date;
    double value;
    bool is_baseline;
    Span span;              /* the baseline or target statement; SPAN_NONE for
                             * a baseline the tracker computed */
} TrajPoint;

typedef struct Trajectory {
    TrajPoint *pts;         /* date order, distinct dates */
    int n;
} Trajectory;

typedef enum TrajWhere {
    TRAJ_NONE,      /* no plan at that date: before the first point, or no point */
    TRAJ_AT,        /* exactly on point lo (== hi) */
    TRAJ_BETWEEN,   /* interpolated between points lo and hi = lo + 1 */
    TRAJ_HELD       /* after the last point lo (== hi), whose value holds */
} TrajWhere;

/* Builds the trajectory of `ind` from its targets and the baseline it
 * declares (points allocated in `a`). */
void traj_build(Arena *a, const Indicator *ind, Trajectory *t);
/* The same with `base` as the baseline (NULL: none) instead of the one
 * `ind` declares. */
void traj_build_from(Arena *a, const Indicator *ind, const TrajPoint *base, Trajectory *t);
/* The planned value at `date` in *value, and the points it comes from in
 * *lo and *hi (either may be NULL). */
TrajWhere traj_at(const Trajectory *t, int32_t date, double *value, int *lo, int *hi);
/* Whether the plan ends on a target (not on the baseline alone). */
bool traj_has_target(const Trajectory *t);

#endif
