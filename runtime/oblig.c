/* oblig.c - reporting obligations.  See oblig.h. */
#include "oblig.h"

#include <limits.h>

#include "period.h"

bool oblig_init(Oblig *o, const Model *m, const Indicator *ind, int32_t anchor, Duration freq)
{
    *o = (Oblig){ind, anchor, freq, indicator_grace(ind), DATE_NONE, DATE_NONE};
    if (m->agreement) {
        o->term_start = m->agreement->term_start;
        o->term_end = m->agreement->term_end;
    }
    return !ind->formula && freq.n > 0 && anchor != DATE_NONE;
}

/* The first period starting on or after `from`. */
static int first_from(const Oblig *o, int32_t from)
{
    if (from == DATE_NONE || from <= o->anchor)
        return 0;
    int k = period_of(o->anchor, o->freq, from);
    return period_start(o->anchor, o->freq, k) < from ? k + 1 : k;
}

void oblig_window(const Oblig *o, const Model *m, const Partner *p, int *lo, int *hi)
{
    int32_t from = o->term_start, until = o->term_end;
    int32_t joins = p ? partner_joins(m, p) : DATE_NONE;
    int32_t leaves = p ? partner_leaves(m, p) : DATE_NONE;
    if (joins != DATE_NONE && (from == DATE_NONE || joins > from))
        from = joins;
    if (leaves != DATE_NONE && (until == DATE_NONE || leaves < until))
        until = leaves;
    *lo = first_from(o, from);
    *hi = until == DATE_NONE ? INT_MAX : period_of(o->anchor, o->freq, until);
}

bool oblig_in_season(const Oblig *o, int k)
{
    if (o->ind->season_from == 0)
        return true;
    int y, mo, d;
    date_to_civil(period_start(o->anchor, o->freq, k), &y, &mo, &d);
    return indicator_in_season(o->ind, mo);
}

int32_t oblig_deadline(const Oblig *o, int k)
{
    return date_add(period_start(o->anchor, o->freq, k + 1) - 1, o->grace);
}

int oblig_last_missed(const Oblig *o, int32_t as_of)
{
    Duration back = o->grace;
    back.n = -back.n;
    /* An estimate from as_of less the grace, then exact (month lengths). */
    int k = period_of(o->anchor, o->freq, date_add(as_of, back));
    if (k < -1)
        k = -1;
    while (k >= 0 && oblig_deadline(o, k) >= as_of)
        k--;
    while (oblig_deadline(o, k + 1) < as_of)
        k++;
    return k;
}
