/* csv_value.c - numbers and dates of a ledger's fields (csv_parse_,
 * csv_value_).  See csv_value.h. */
#include "csv_value.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/*
 * Ledger values are mostly short decimals, for which strtod is the main
 * cost of reading a file.  The syntax check therefore also collects the
 * significant digits: with at most 15 of them (exact in a double) and a
 * power of ten up to 22 (also exact), one multiplication or division
 * gives the correctly rounded result (Clinger's fast path); anything else
 * goes to strtod.
 */
enum csv_value_error csv_parse_number(const char *s, size_t n, double *out)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    char text[256];
    size_t i = 0, digits = 0;
    uint64_t mantissa = 0;
    int significant = 0;  /* digits in mantissa, leading zeros excluded */
    bool inexact = false; /* more digits than mantissa holds */
    bool negative = false;
    long exp10 = 0;       /* value = mantissa * 10^exp10 */
    char *end;
    double v;

    trim(&s, &n);
    if (n == 0)
        return CSV_VALUE_EMPTY;

    /* Check the syntax first: strtod alone would take "inf", "nan",
     * "0x1p3" and leading spaces of other kinds. */
    if (s[i] == '+' || s[i] == '-')
        negative = s[i++] == '-';
    for (; i < n && is_digit(s[i]); i++, digits++) {
        if (mantissa == 0 && s[i] == '0')
            continue;
        if (significant < 19)
            mantissa = mantissa * 10 + (uint64_t)(s[i] - '0'), significant++;
        else
            inexact = true;
    }
    if (i < n && s[i] == '.')
        for (i++; i < n && is_digit(s[i]); i++, digits++) {
            if (mantissa == 0 && s[i] == '0') {
                exp10--;
                continue;
            }
            if (significant < 19)
                mantissa = mantissa * 10 + (uint64_t)(s[i] - '0'), significant++, exp10--;
            else
                inexact = true;
        }
    if (digits == 0)
        return CSV_VALUE_NOT_NUMBER;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t exp_digits = 0;
        bool exp_negative = false;
        long e = 0;

        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            exp_negative = s[i++] == '-';
        for (; i < n && is_digit(s[i]); i++, exp_digits++)
            if (e < 100000)
                e = e * 10 + (s[i] - '0');
        if (exp_digits == 0)
            return CSV_VALUE_NOT_NUMBER;
        exp10 += exp_negative ? -e : e;
    }
    if (i != n)
        return CSV_VALUE_NOT_NUMBER;

    if (!inexact && significant <= 15 && exp10 >= -22 && exp10 <= 22) {
        v = (double)mantissa;
        v = exp10 < 0 ? v / pow10[-exp10] : v * pow10[exp10];
        *out = negative ? -v : v;
        return CSV_VALUE_OK;
    }

    if (n >= sizeof text)
        return CSV_VALUE_TOO_LONG;
    memcpy(text, s, n);
    text[n] = '\0';
    errno = 0;
    v = strtod(text, &end);
    if (end != text + n)
        return CSV_VALUE_NOT_NUMBER;
    if (errno == ERANGE && isinf(v))
        return CSV_VALUE_OUT_OF_RANGE;
    *out = v;
    return CSV_VALUE_OK;
}

enum csv_value_error csv_parse_date(const char *s, size_t n, int32_t *out)
{
    trim(&s, &n);
    if (n == 0)
        return CSV_VALUE_EMPTY;
    switch (date_scan(s, n, out)) {
    case DATE_SCAN_OK:
        return CSV_VALUE_OK;
    case DATE_SCAN_NO_SUCH_DAY:
        return CSV_VALUE_NO_SUCH_DAY;
    case DATE_SCAN_SHAPE:
        break;
    }
    return CSV_VALUE_NOT_DATE;
}

const char *csv_value_strerror(enum csv_value_error e)
{
    switch (e) {
    case CSV_VALUE_OK:
        return "is valid";
    case CSV_VALUE_EMPTY:
        return "is empty";
    case CSV_VALUE_NOT_NUMBER:
        return "is not a number";
    case CSV_VALUE_OUT_OF_RANGE:
        return "is too large to be a number";
    case CSV_VALUE_TOO_LONG:
        return "is too long to be a number";
    case CSV_VALUE_NOT_DATE:
        return "is not a date of the form YYYY-MM-DD";
    case CSV_VALUE_NO_SUCH_DAY:
        return "is not a day of the calendar";
    }
    return "is not valid";
}
