/* trajectory.h - an indicator's planned trajectory (traj_).
 *
 * The plan (docs/tracker.md, "Planned value") is made of straight lines
 * from the baseline through each target, none before the baseline, the
 * last target held after it.  The conflict check requirement_exceeds_plan
 * reads it at a milestone's due date; the tracker's scorecard reads it at
 * any date.
 *
 * Precisions:
 * - targets are taken in date order; a target dated before the baseline is
 *   not part of the plan;
 * - of two points on the same date the later one in source order holds
 *   (a target on the baseline's date replaces the baseline);
 * - without a baseline (a derived indicator may leave it to the tracker)
 *   the plan starts at the first target. */
#ifndef CHARTER_TRAJECTORY_H
#define CHARTER_TRAJECTORY_H

#include <stdbool.h>

#include "model.h"

typedef struct TrajPoint {
    int32_t date;
    double value;
    bool is_baseline;
    Span span;              /* the baseline or target statement */
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

/* Builds the trajectory of `ind` (points allocated in `a`). */
void traj_build(Arena *a, const Indicator *ind, Trajectory *t);
/* The planned value at `date` in *value, and the points it comes from in
 * *lo and *hi (either may be NULL). */
TrajWhere traj_at(const Trajectory *t, int32_t date, double *value, int *lo, int *hi);

#endif
