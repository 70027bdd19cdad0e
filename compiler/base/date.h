/* date.h - calendar dates and durations.
 *
 * A date is the number of days since 1970-01-01 (proleptic Gregorian), so
 * comparing and subtracting dates is integer arithmetic. */
#ifndef CHARTER_DATE_H
#define CHARTER_DATE_H

#include <stdbool.h>
#include <stdint.h>

#define DATE_NONE INT32_MIN

typedef enum DurUnit { DUR_DAY, DUR_WEEK, DUR_MONTH, DUR_QUARTER, DUR_YEAR } DurUnit;

typedef struct Duration {
    int n;          /* 0: no duration */
    DurUnit unit;
} Duration;

/* Parses exactly YYYY-MM-DD; false unless it is a date on the calendar. */
bool date_parse(const char *s, int32_t *out);
int32_t date_from_civil(int y, int m, int d);
void date_to_civil(int32_t days, int *y, int *m, int *d);
/* "2021-03-01"; buf holds at least 11 bytes. */
const char *date_iso(int32_t days, char *buf);
/* "1 March 2021"; buf holds at least 32 bytes. */
const char *date_long(int32_t days, char *buf);
/* Adds a duration; month arithmetic clamps to the last day of the month. */
int32_t date_add(int32_t days, Duration d);
/* Approximate length in days (a month is 30.44 days), for comparisons. */
double duration_days(Duration d);
/* Parses a duration unit word: day(s) week(s) month(s) quarter(s) year(s). */
bool duration_unit(const char *word, DurUnit *out);
/* "90 days", "6 months", "month" when n is 1 and `bare` */
const char *duration_text(Duration d, char *buf, int size);
/* A frequency as Charter writes it: "monthly", "quarterly", "yearly",
 * else "every 6 weeks", "every 1 day"; in buf or a literal. */
const char *duration_frequency(Duration d, char *buf, int size);

#endif
