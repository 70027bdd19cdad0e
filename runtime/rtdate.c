/*
 * rtdate: days since 1970-01-01 <-> (year, month, day).
 *
 * The algorithms shift the year to start on March 1st, so that the leap
 * day is the last day of the shifted year, and count in 400-year eras of
 * exactly 146097 days.  See H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms".  Intermediate values use int64_t so that no year an
 * int32_t day count can express overflows.
 */
#include "rtdate.h"

#include <stdio.h>

bool rtdate_is_leap(int32_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int rtdate_days_in_month(int32_t year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && rtdate_is_leap(year))
        return 29;
    return days[month - 1];
}

bool rtdate_is_valid(int32_t year, int month, int day)
{
    return day >= 1 && day <= rtdate_days_in_month(year, month);
}

int32_t rtdate_from_civil(int32_t year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                 /* [0, 399] */
    int64_t mp = (month + 9) % 12;                               /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + day - 1;                  /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         /* [0, 146096] */

    return (int32_t)(era * 146097 + doe - 719468);
}

void rtdate_to_civil(int32_t days, int32_t *year, int *month, int *day)
{
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;                                      /* [0, 146096] */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
    int64_t mp = (5 * doy + 2) / 153;                                    /* [0, 11] */
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);

    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = m;
    *year = (int32_t)(yoe + era * 400 + (m <= 2));
}

int rtdate_format(int32_t days, char out[RTDATE_FORMAT_MAX])
{
    int32_t y;
    int m, d;

    rtdate_to_civil(days, &y, &m, &d);
    return snprintf(out, RTDATE_FORMAT_MAX, "%04ld-%02d-%02d", (long)y, m, d);
}
