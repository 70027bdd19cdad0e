/* date.c - civil dates from and to day numbers, and durations.  See
 * date.h for the representation and the algorithms. */
#include "date.h"

#include <stdio.h>
#include <string.h>

void date_to_civil(int32_t days, int *y, int *m, int *d)
{
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;                                      /* [0, 146096] */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
    int64_t mp = (5 * doy + 2) / 153;                                    /* [0, 11], March 0 */
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

bool date_parse(const char *s, int32_t *out)
{
    int32_t d;
    if (date_scan(s, strnlen(s, 10), &d) != DATE_SCAN_OK || d < date_from_civil(1, 1, 1))
        return false;
    *out = d;
    return true;
}

const char *date_iso(int32_t days, char *buf)
{
    int y, m, d;
    date_to_civil(days, &y, &m, &d);
    int v[3] = {y % 10000, m, d}, w[3] = {4, 2, 2}, k = 0;
    for (int i = 0; i < 3; i++) {
        if (i)
            buf[k++] = '-';
        for (int j = w[i] - 1; j >= 0; j--, v[i] /= 10)
            buf[k + j] = (char)('0' + v[i] % 10);
        k += w[i];
    }
    buf[k] = '\0';
    return buf;
}

const char *date_long(int32_t days, char *buf)
{
    static const char *months[] = {"January", "February", "March", "April", "May", "June",
                                   "July", "August", "September", "October", "November",
                                   "December"};
    int y, m, d;
    date_to_civil(days, &y, &m, &d);
    snprintf(buf, 32, "%d %s %d", d, months[m - 1], y);
    return buf;
}

int32_t date_add(int32_t days, Duration dur)
{
    switch (dur.unit) {
    case DUR_DAY:
        return days + dur.n;
    case DUR_WEEK:
        return days + 7 * dur.n;
    default: {
        int months = dur.n * (dur.unit == DUR_MONTH ? 1 : dur.unit == DUR_QUARTER ? 3 : 12);
        int y, m, d;
        date_to_civil(days, &y, &m, &d);
        int total = y * 12 + (m - 1) + months;
        y = total / 12;
        m = total % 12 + 1;
        if (d > date_days_in_month(y, m))
            d = date_days_in_month(y, m);
        return date_from_civil(y, m, d);
    }
    }
}

double duration_days(Duration d)
{
    static const double len[] = {1, 7, 30.436875, 91.310625, 365.2425};
    return d.n * len[d.unit];
}

bool duration_unit(const char *w, DurUnit *out)
{
    static const char *names[] = {"day", "week", "month", "quarter", "year"};
    for (int i = 0; i < 5; i++) {
        size_t n = strlen(names[i]);
        if (strncmp(w, names[i], n) == 0 && (w[n] == '\0' || (w[n] == 's' && w[n + 1] == '\0'))) {
            *out = (DurUnit)i;
            return true;
        }
    }
    return false;
}

const char *duration_text(Duration d, char *buf, int size)
{
    static const char *names[] = {"day", "week", "month", "quarter", "year"};
    snprintf(buf, (size_t)size, "%d %s%s", d.n, names[d.unit], d.n == 1 ? "" : "s");
    return buf;
}

const char *duration_frequency(Duration d, char *buf, int size)
{
    if (d.n == 1 && d.unit == DUR_MONTH)
        return "monthly";
    if (d.n == 1 && d.unit == DUR_QUARTER)
        return "quarterly";
    if (d.n == 1 && d.unit == DUR_YEAR)
        return "yearly";
    char text[48];
    snprintf(buf, (size_t)size, "every %s", duration_text(d, text, sizeof text));
    return buf;
}
