/*
 * charter.h: what a library of extern functions for Charter includes.
 *
 * An agreement declares `extern function NAME(TYPE, ...) -> TYPE from
 * "LIB"`; the tracker calls NAME through libffi with these C types:
 *
 *   number   double     (a NaN or infinite result means "no value")
 *   integer  int64_t
 *   date     int32_t    days since 1970-01-01
 *   series   const charter_series *
 *
 * A user library exports NAME itself (default visibility) and is loaded
 * only with --allow-extern.  The standard library ("charterstd") is linked
 * into the tracker and exports charter_NAME.
 */
#ifndef CHARTER_H
#define CHARTER_H

#include <stddef.h>
#include <stdint.h>

#define CHARTER_EXPORT __attribute__((visibility("default")))

/*
 * An indicator's observations, in date order (oldest first).  values and
 * dates have count elements each and belong to the caller, valid only
 * during the call; dates may be NULL when a function needs none.
 */
typedef struct charter_series {
    const double *values;
    const int32_t *dates;
    size_t count;
} charter_series;

/* The standard functions.  Each returns NaN ("no value") for an empty
 * series or an undefined result. */
CHARTER_EXPORT double charter_ratio(double a, double b);              /* a / b; NaN when b == 0 */
CHARTER_EXPORT double charter_sum(const charter_series *s);
CHARTER_EXPORT double charter_mean(const charter_series *s);
CHARTER_EXPORT double charter_min(const charter_series *s);
CHARTER_EXPORT double charter_max(const charter_series *s);
CHARTER_EXPORT double charter_latest(const charter_series *s);        /* the last value */
CHARTER_EXPORT double charter_change(const charter_series *s);        /* last - first */
CHARTER_EXPORT double charter_growth(const charter_series *s);        /* last / first - 1; NaN when first == 0 */

#endif
