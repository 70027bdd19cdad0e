/* date.c - civil dates from and to day numbers, and durations.  See
 * date.h for the representation and the algorithms. */
#include "date.h"
#include "lang.h"

#include <stdio.h>
#include <stdlib.h>
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
    /* Another language's long date is ICU's (lang.h); English keeps its
     * own, day first, as every existing output writes it. */
    if (!lang_is_english() && lang_date_long(days, buf, 32))
        return buf;
    int y, m, d;
    date_to_civil(days, &y, &m, &d);
    snprintf(buf, 32, "%d %s %d", d, months[m - 1], y);
    return buf;
}

int32_t date_add(int32_t days, Duration dur)
{
    if (dur.unit == DUR_DAY || dur.unit == DUR_WEEK) {
        int64_t r = (int64_t)days + (int64_t)dur.n * (dur.unit == DUR_WEEK ? 7 : 1);
        int64_t lo = date_from_civil(-DATE_ADD_MAX_YEAR, 1, 1);
        int64_t hi = date_from_civil(DATE_ADD_MAX_YEAR, 12, 31);
        return (int32_t)(r < lo ? lo : r > hi ? hi : r);
    }
    int64_t months = (int64_t)dur.n * (dur.unit == DUR_MONTH ? 1 : dur.unit == DUR_QUARTER ? 3 : 12);
    int y, m, d;
    date_to_civil(days, &y, &m, &d);
    int64_t total = (int64_t)y * 12 + (m - 1) + months;
    int64_t yy = total >= 0 ? total / 12 : -((-total + 11) / 12);   /* floor */
    m = (int)(total - yy * 12) + 1;
    if (yy > DATE_ADD_MAX_YEAR || yy < -DATE_ADD_MAX_YEAR) {
        yy = yy > 0 ? DATE_ADD_MAX_YEAR : -DATE_ADD_MAX_YEAR;
        m = yy > 0 ? 12 : 1;
        d = yy > 0 ? 31 : 1;
    }
    y = (int)yy;
    if (d > date_days_in_month(y, m))
        d = date_days_in_month(y, m);
    return date_from_civil(y, m, d);
}

int duration_max(DurUnit u)
{
    switch (u) {
    case DUR_DAY: return (int)(DURATION_MAX_YEARS * 365.2425);
    case DUR_WEEK: return (int)(DURATION_MAX_YEARS * 365.2425 / 7);
    case DUR_MONTH: return DURATION_MAX_YEARS * 12;
    case DUR_QUARTER: return DURATION_MAX_YEARS * 4;
    case DUR_YEAR: return DURATION_MAX_YEARS;
    }
    return 0;
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

int date_source_epoch(long long *out, char shown[44])
{
    shown[0] = '\0';
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (!sde || !*sde)
        return 0;
    long long v = 0;
    const char *p = sde;
    for (; *p >= '0' && *p <= '9' && v <= DATE_MAX_EPOCH; p++)
        v = v * 10 + (*p - '0');
    if (*p || v > DATE_MAX_EPOCH) {
        size_t n = 0;
        for (; sde[n] && n < 40; n++)
            shown[n] = (unsigned char)sde[n] < 0x20 || sde[n] == 0x7f ? '?' : sde[n];
        strcpy(shown + n, sde[n] ? "..." : "");
        return -1;
    }
    *out = v;
    return 1;
}
