/*
 * rtdate: the tracker's calendar arithmetic.
 *
 * A date is an int32_t count of days since 1970-01-01 (proleptic
 * Gregorian calendar), the representation the whole runtime and the
 * `date` type of extern functions use.  The conversions are Howard
 * Hinnant's days_from_civil / civil_from_days: exact, branch-light and
 * valid for every year an int32_t day count can reach.  The compiler has
 * its own date module; this one stays small on purpose.
 */
#ifndef CHARTER_RTDATE_H
#define CHARTER_RTDATE_H

#include <stdbool.h>
#include <stdint.h>

/* Longest text rtdate_format writes, NUL included ("-5877641-06-23"). */
#define RTDATE_FORMAT_MAX 16

bool rtdate_is_leap(int32_t year);
/* Days in month (1..12) of year; 0 for a month out of range. */
int rtdate_days_in_month(int32_t year, int month);
/* Whether year-month-day names a day of the calendar (2023-02-29 does not). */
bool rtdate_is_valid(int32_t year, int month, int day);
/* Days since 1970-01-01.  The date must be valid (rtdate_is_valid) and
 * year within +-5,000,000 so the result fits an int32_t. */
int32_t rtdate_from_civil(int32_t year, int month, int day);
void rtdate_to_civil(int32_t days, int32_t *year, int *month, int *day);
/* Writes YYYY-MM-DD (a sign and more digits outside years 0..9999);
 * returns the length written, excluding the NUL. */
int rtdate_format(int32_t days, char out[RTDATE_FORMAT_MAX]);

#endif
