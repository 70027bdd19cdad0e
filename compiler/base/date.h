/* date.h - calendar dates and durations (date_, duration_).
 *
 * A date is the number of days since 1970-01-01 in the proleptic
 * Gregorian calendar, an int32_t, so comparing and subtracting dates is
 * integer arithmetic.  The compiler, the tracker and the `date` type of
 * extern functions all use this one representation and this one module.
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days
 * ("chrono-Compatible Low-Level Date Algorithms"): the year is shifted to
 * start on March 1st, so that the leap day is the last day of the shifted
 * year, and counted in 400-year eras of exactly 146097 days.  Intermediate
 * values are 64-bit, so every day an int32_t can count converts exactly
 * both ways.
 *
 * date_scan and what it needs are inline: the tracker's ledger scan reads
 * a date on every row, millions per run. */
#ifndef CHARTER_DATE_H
#define CHARTER_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_NONE INT32_MIN

typedef enum DurUnit { DUR_DAY, DUR_WEEK, DUR_MONTH, DUR_QUARTER, DUR_YEAR } DurUnit;

typedef struct Duration {
    int n;          /* 0: no duration */
    DurUnit unit;
} Duration;

/* What a text is, read as a date (date_scan). */
typedef enum DateScan {
    DATE_SCAN_OK,
    DATE_SCAN_SHAPE,        /* not YYYY-MM-DD */
    DATE_SCAN_NO_SUCH_DAY   /* of that shape, but no day of the calendar: 2023-02-29 */
} DateScan;

static inline bool date_is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days in month (1..12) of year; 0 for a month out of range. */
static inline int date_days_in_month(int year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && date_is_leap(year) ? 29 : days[month - 1];
}

/* Days since 1970-01-01 of a day of the calendar (day <= date_days_in_month)
 * whose year is within +-5,000,000, so that the result fits an int32_t. */
static inline int32_t date_from_civil(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                    /* [0, 399] */
    int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
    return (int32_t)(era * 146097 + doe - 719468);
}

/* Reads exactly YYYY-MM-DD from the n bytes at s (no spaces, years 0000 to
 * 9999); the date goes to *out only when the answer is DATE_SCAN_OK. */
static inline DateScan date_scan(const char *s, size_t n, int32_t *out)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return DATE_SCAN_SHAPE;
    unsigned d[10];
    for (int i = 0; i < 10; i++)
        d[i] = (unsigned)(unsigned char)s[i] - '0';    /* a non-digit wraps above 9 */
    if (d[0] > 9 || d[1] > 9 || d[2] > 9 || d[3] > 9 || d[5] > 9 || d[6] > 9 || d[8] > 9 ||
        d[9] > 9)
        return DATE_SCAN_SHAPE;
    int year = (int)(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]);
    int month = (int)(d[5] * 10 + d[6]), day = (int)(d[8] * 10 + d[9]);
    if (day < 1 || day > date_days_in_month(year, month))
        return DATE_SCAN_NO_SUCH_DAY;
    *out = date_from_civil(year, month, day);
    return DATE_SCAN_OK;
}

/* Parses the first ten bytes of the NUL-terminated s as YYYY-MM-DD, as
 * Charter source and the command line write a date: false unless they
 * are a date on the calendar from year 1 on. */
bool date_parse(const char *s, int32_t *out);
void date_to_civil(int32_t days, int *y, int *m, int *d);
/* "2021-03-01"; buf holds at least 11 bytes; for years 0 to 9999. */
const char *date_iso(int32_t days, char *buf);
/* "1 March 2021"; buf holds at least 32 bytes.  In the language of
 * lang_current(): "1 mars 2021", "1 de marzo de 2021" (lang.h). */
const char *date_long(int32_t days, char *buf);
/* Adds a duration; month arithmetic clamps to the last day of the month.
 * Any n and any date give a defined result: the sum is computed in 64
 * bits and a year past +-DATE_ADD_MAX_YEAR is clamped to it (so the
 * result is a date date_to_civil and date_iso read back). */
int32_t date_add(int32_t days, Duration d);
#define DATE_ADD_MAX_YEAR 5000000

/* $SOURCE_DATE_EPOCH, the reproducible-builds convention for the one
 * time a generated file records (the calendar's DTSTAMP, the Word file's
 * timestamps): whole seconds since 1970-01-01 in decimal digits (no sign,
 * no spaces), at most DATE_MAX_EPOCH (the end of the year 9999).
 * Returns 1 with *out set, 0 when unset or empty, -1 when set to anything
 * else: the caller refuses it rather than ignore it, so a build meant to
 * be reproducible never silently stamps the current time.  `shown`
 * receives the value for that message: at most 40 bytes, control
 * characters as '?', "..." after a cut. */
#define DATE_MAX_EPOCH 253402300799LL
int date_source_epoch(long long *out, char shown[44]);
/* The longest duration the language accepts (`90 days`, `every 2 weeks`,
 * `withdrawal 6 months notice`): 1000 years, ten times the longest span
 * of dates an agreement can write (years 1 to 9999) would need, and short
 * enough that a date plus a duration stays a date of the calendar. */
#define DURATION_MAX_YEARS 1000
/* The largest n of a duration in unit u that is at most DURATION_MAX_YEARS
 * long (a year of 365.2425 days): 365242 days, 52177 weeks, 12000 months,
 * 4000 quarters, 1000 years. */
int duration_max(DurUnit u);
/* Approximate length in days (a month is 30.44 days), for comparisons. */
double duration_days(Duration d);
/* Parses a duration unit word: day(s) week(s) month(s) quarter(s) year(s). */
bool duration_unit(const char *word, DurUnit *out);
/* "90 days", "6 months", "1 month". */
const char *duration_text(Duration d, char *buf, int size);
/* A frequency as Charter writes it: "monthly", "quarterly", "yearly",
 * else "every 6 weeks", "every 1 day"; in buf or a literal. */
const char *duration_frequency(Duration d, char *buf, int size);

#endif
