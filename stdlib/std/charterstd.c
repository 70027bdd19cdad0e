/*
 * charterstd: the standard extern functions of the prelude (`from
 * "charterstd"`).  They are linked into the tracker, which is linked with
 * -rdynamic, so the runtime finds them with dlsym(RTLD_DEFAULT,
 * "charter_NAME") and calls them through libffi like any user function.
 *
 * NaN is the "no value" of the tracker: an empty series, a null pointer
 * or an undefined quotient give NaN, never a trap.
 */
#include "charter.h"

#include <math.h>
#include <stdbool.h>

static bool empty(const charter_series *s)
{
    return !s || s->count == 0 || !s->values;
}

double charter_ratio(double a, double b)
{
    if (b == 0)
        return NAN;
    return a / b;
}

double charter_sum(const charter_series *s)
{
    double sum = 0;

    if (empty(s))
        return NAN;
    for (size_t i = 0; i < s->count; i++)
        sum += s->values[i];
    return sum;
}

double charter_mean(const charter_series *s)
{
    if (empty(s))
        return NAN;
    return charter_sum(s) / (double)s->count;
}

double charter_min(const charter_series *s)
{
    double min;

    if (empty(s))
        return NAN;
    min = s->values[0];
    for (size_t i = 1; i < s->count; i++)
        if (s->values[i] < min)
            min = s->values[i];
    return min;
}

double charter_max(const charter_series *s)
{
    double max;

    if (empty(s))
        return NAN;
    max = s->values[0];
    for (size_t i = 1; i < s->count; i++)
        if (s->values[i] > max)
            max = s->values[i];
    return max;
}

double charter_latest(const charter_series *s)
{
    if (empty(s))
        return NAN;
    return s->values[s->count - 1];
}

double charter_change(const charter_series *s)
{
    if (empty(s))
        return NAN;
    return s->values[s->count - 1] - s->values[0];
}

double charter_growth(const charter_series *s)
{
    if (empty(s) || s->values[0] == 0)
        return NAN;
    return s->values[s->count - 1] / s->values[0] - 1;
}
