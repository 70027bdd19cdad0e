/*
 * libtestext: a small user library of extern functions for the tracker's
 * tests (tests/tracker/test_tracker.sh).  The Makefile builds it into
 * build/tests/libtestext.so; an agreement names it with
 *   extern function score(number, number) -> number from "libtestext.so"
 * and the tracker loads it only with --allow-extern.
 */
#include "charter.h"

#include <math.h>

/* A weighted score of two indicators. */
CHARTER_EXPORT double score(double a, double b);
/* Always infinite: the tracker must show no value, not a number. */
CHARTER_EXPORT double blowup(double a);
/* How many observations a series holds. */
CHARTER_EXPORT int64_t reports(const charter_series *s);
/* The day after a date. */
CHARTER_EXPORT int32_t next_day(int32_t d);

double score(double a, double b)
{
    return 2 * a + b;
}

double blowup(double a)
{
    return a / 0.0 + INFINITY;
}

int64_t reports(const charter_series *s)
{
    return s ? (int64_t)s->count : 0;
}

int32_t next_day(int32_t d)
{
    return d + 1;
}
