/* period.c - reporting periods.  See period.h. */
#include "period.h"

static int months_per(DurUnit u)
{
    return u == DUR_MONTH ? 1 : u == DUR_QUARTER ? 3 : u == DUR_YEAR ? 12 : 0;
}

int32_t period_start(int32_t anchor, Duration f, int k)
{
    Duration d = f;
    d.n = f.n * k;
    return date_add(anchor, d);
}

int period_of(int32_t anchor, Duration f, int32_t date)
{
    if (f.n <= 0 || date < anchor)
        return -1;
    int mp = months_per(f.unit);
    if (mp == 0) {
        int step = f.n * (f.unit == DUR_WEEK ? 7 : 1);
        return (int)((date - anchor) / step);
    }
    int ay, am, ad, y, m, d;
    date_to_civil(anchor, &ay, &am, &ad);
    date_to_civil(date, &y, &m, &d);
    int k = ((y - ay) * 12 + (m - am)) / (mp * f.n);
    /* The estimate is off by at most one period (day of month, clamping). */
    while (period_start(anchor, f, k + 1) <= date)
        k++;
    while (k > 0 && period_start(anchor, f, k) > date)
        k--;
    return k;
}

int period_count_due(int32_t anchor, Duration f, int32_t as_of, int32_t until)
{
    if (f.n <= 0 || as_of < anchor)
        return 0;
    /* Period k has ended by as_of when start(k + 1) <= as_of + 1. */
    int k = period_of(anchor, f, as_of + 1);
    int n = k < 0 ? 0 : k;
    if (until != DATE_NONE) {
        int last = period_of(anchor, f, until);   /* the period holding the term's end */
        if (last >= 0 && n > last + 1)
            n = last + 1;
    }
    return n;
}
