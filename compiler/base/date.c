/* date.c - civil dates from and to day numbers (Howard Hinnant's
 * algorithms), and durations. */
#include "date.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : n[m - 1];
}

int32_t date_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_to_civil(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

bool date_parse(const char *s, int32_t *out)
{
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return false;
        } else if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return false;
    *out = date_from_civil(y, m, d);
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
        if (d > month_days(y, m))
            d = month_days(y, m);
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
