/* csv_value.h - the values of a ledger's fields (csv_parse_, csv_value_):
 * decimal numbers and YYYY-MM-DD dates, read strictly, with the reason in
 * words when a text is not one.  csv.h includes it for the readers of
 * ledger files; the tracker's own scan (obs_scan.c) hands it what its
 * fast paths do not take. */
#ifndef CHARTER_CSV_VALUE_H
#define CHARTER_CSV_VALUE_H

#include <stddef.h>
#include <stdint.h>

enum csv_value_error {
    CSV_VALUE_OK,
    CSV_VALUE_EMPTY,        /* "is empty" */
    CSV_VALUE_NOT_NUMBER,   /* "is not a number" (N/A, 1,5, 12abc, inf, nan, 0x10) */
    CSV_VALUE_OUT_OF_RANGE, /* "is too large to be a number" (1e999) */
    CSV_VALUE_TOO_LONG,     /* "is too long to be a number" (> 255 bytes) */
    CSV_VALUE_NOT_DATE,     /* "is not a date of the form YYYY-MM-DD" */
    CSV_VALUE_NO_SUCH_DAY,  /* "is not a day of the calendar" (2023-02-29) */
};

/* A decimal number: optional sign, digits with an optional fraction, an
 * optional exponent; spaces and tabs around it are allowed.  Infinity,
 * NaN, hex and overflow are rejected; underflow gives 0 or a subnormal.
 * The conversion is strtod's, so LC_NUMERIC must stay "C" (the decimal
 * point is '.'), which holds unless the program calls setlocale. */
enum csv_value_error csv_parse_number(const char *s, size_t n, double *out);
/* YYYY-MM-DD with a calendar check, to days since 1970-01-01. */
enum csv_value_error csv_parse_date(const char *s, size_t n, int32_t *out);
/* The predicate of the sentences above, e.g. "is not a number". */
const char *csv_value_strerror(enum csv_value_error e);

#endif
