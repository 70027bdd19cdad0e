/* numtext.c - a number as Charter writes it.  See numtext.h. */
#include "numtext.h"
#include "lang.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whole and below 1e15, so exact in a double and written digit by digit. */
static bool whole(double v)
{
    return v == floor(v) && fabs(v) < 1e15;
}

/* Copies the unsigned number `text` to out, preceded by '-' when
 * `negative`, with `sep` (0: none) between groups of three digits of its
 * integer part. */
static const char *grouped(char *out, const char *text, bool negative, char sep)
{
    char *o = out;
    if (negative)
        *o++ = '-';
    size_t ilen = strcspn(text, ".");
    for (size_t i = 0; i < ilen; i++) {
        if (sep && i > 0 && (ilen - i) % 3 == 0)
            *o++ = sep;
        *o++ = text[i];
    }
    strcpy(o, text + ilen);
    return out;
}

/* "%.Pg" of a number of P significant digits `d` (the first not 0),
 * whose first digit stands for 10^x, negative when `neg`. */
static const char *g_text(char *out, bool neg, const char *d, int p, int x)
{
    char *o = out;
    if (neg)
        *o++ = '-';
    int n = p;
    while (n > 1 && d[n - 1] == '0')
        n--;    /* %g drops the fraction's trailing zeros */
    if (x < -4 || x >= p) {
        *o++ = d[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, d + 1, (size_t)n - 1);
            o += n - 1;
        }
        snprintf(o, 16, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
        return out;
    }
    if (x >= 0) {
        memcpy(o, d, (size_t)x + 1);
        o += x + 1;
        if (n > x + 1) {
            *o++ = '.';
            memcpy(o, d + x + 1, (size_t)(n - x - 1));
            o += n - x - 1;
        }
    } else {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -x - 1; i++)
            *o++ = '0';
        memcpy(o, d, (size_t)n);
        o += n;
    }
    *o = '\0';
    return out;
}

#ifdef __SIZEOF_INT128__
typedef unsigned __int128 u128;

/* 10^0 .. 10^22 */
static const u128 P10[] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
    10000000000u, 100000000000u, 1000000000000u, 10000000000000u, 100000000000000u,
    1000000000000000u, 10000000000000000u, 100000000000000000u, 1000000000000000000u,
    10000000000000000000u, (u128)10000000000000000000u * 10, (u128)10000000000000000000u * 100,
    (u128)10000000000000000000u * 1000};
#endif

/* The 17 significant digits of a > 0 (finite) as "%.16e" gives them, the
 * first standing for 10^*x: computed exactly in 128-bit integers (a is
 * m * 2^q, and m * 10^s / 2^-q or m * 2^q / 10^-s is divided with its
 * remainder, then rounded half to even as printf rounds), without
 * printf's arbitrary precision, for 1e-6 <= a < 1e38; false elsewhere
 * (or without 128-bit integers), where the caller asks printf. */
static bool digits17(double a, char d[18], int *x)
{
#ifdef __SIZEOF_INT128__
    if (!(a >= 1e-6 && a < 1e38))
        return false;
    int e2;
    uint64_t m = (uint64_t)ldexp(frexp(a, &e2), 53);
    int q = e2 - 53;                    /* a = m * 2^q, exactly */
    int e = (int)floor(log10(a));       /* a guess, corrected below */
    for (int tries = 0; tries < 4; tries++) {
        int s = 16 - e;                 /* D = a * 10^s, 10^16 <= D < 10^17 */
        u128 num, den;
        if (s >= 0 && q < 0) {
            if (s > 22 || q < -127)
                return false;
            num = (u128)m * P10[s];     /* < 2^53 * 10^22 < 2^127 */
            den = (u128)1 << -q;
        } else if (s >= 0) {
            if (s > 22 || q > 60)
                return false;
            num = ((u128)m * P10[s]) << q;  /* a >= 2^52: s <= 1 */
            den = 1;
        } else {
            if (-s > 22 || q < 0 || q > 70)
                return false;
            num = (u128)m << q;
            den = P10[-s];
        }
        u128 D = num / den, r = num % den;
        if (D < P10[16]) {
            e--;
            continue;
        }
        if (D >= P10[17]) {
            e++;
            continue;
        }
        if (2 * r > den || (2 * r == den && (D & 1)))
            D++;
        if (D == P10[17]) {
            D = P10[16];
            e++;
        }
        uint64_t v = (uint64_t)D;
        for (int i = 16; i >= 0; i--, v /= 10)
            d[i] = (char)('0' + v % 10);
        d[17] = '\0';
        *x = e;
        return true;
    }
#else
    (void)a, (void)d, (void)x;
#endif
    return false;
}

/* NUM_EXACT of a number that is not whole: "%.15g", else "%.16g" when 15
 * digits do not read back as v, else "%.17g" -- as printf and strtod
 * would give them, from v's 17 digits (digits17, else one printf).  Its
 * 15 and 16 digit roundings are those of v unless the digits cut off are
 * a 5 and zeros (a tie of the 17-digit text that v itself may not be:
 * then printf decides); a rounding reads back as v when it is v (exact in
 * a double and scaled by an exact power of ten, one correctly rounded
 * operation, as strtod), or else strtod says so. */
static const char *exact_text(char *out, double v)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double a = fabs(v);
    char d[18];
    int x;
    if (!digits17(a, d, &x)) {
        char e[40];
        snprintf(e, sizeof e, "%.16e", a);     /* d.dddddddddddddddde+XX */
        d[0] = e[0];
        memcpy(d + 1, e + 2, 16);
        d[17] = '\0';
        x = atoi(e + 19);
    }
    for (int p = 15; p <= 16; p++) {
        if (d[p] == '5' && strspn(d + p + 1, "0") == (size_t)(16 - p))
            return NULL;
        char r[18];
        memcpy(r, d, (size_t)p);
        r[p] = '\0';
        int rx = x;
        if (d[p] >= '5') {
            int i = p - 1;
            while (i >= 0 && r[i] == '9')
                r[i--] = '0';
            if (i < 0) {
                r[0] = '1';
                rx++;
            } else {
                r[i]++;
            }
        }
        uint64_t digits = 0;
        for (int i = 0; i < p; i++)
            digits = digits * 10 + (uint64_t)(r[i] - '0');
        int k = rx - (p - 1);
        g_text(out, v < 0, r, p, rx);
        bool back = digits < (1ull << 53) && k >= -22 && k <= 22
                        ? (k >= 0 ? (double)digits * p10[k] : (double)digits / p10[-k]) == a
                        : strtod(out, NULL) == v;
        if (back)
            return out;
    }
    return g_text(out, v < 0, d, 17, x);
}

/* NUM_EXACT, NUM_PLAIN, NUM_SOURCE: whole numbers in full, others with 15
 * significant digits, or (`exact`) 16 or 17 when 15 do not read back. */
static const char *significant(char *out, double v, char sep, bool exact)
{
    if (whole(v)) {
        /* Below 1e15 the integer is exact: its digits are "%.0f"'s. */
        char digits[24], *d = digits + sizeof digits - 1;
        *d = '\0';
        uint64_t u = (uint64_t)fabs(v);
        do
            *--d = (char)('0' + u % 10);
        while ((u /= 10) > 0);
        return grouped(out, d, v < 0, sep);
    }
    if (exact && exact_text(out, v))
        return out;
    snprintf(out, NUM_TEXT_MAX, "%.15g", v);
    for (int prec = 16; exact && prec <= 17 && strtod(out, NULL) != v; prec++)
        snprintf(out, NUM_TEXT_MAX, "%.*g", prec, v);
    return out;
}

/* NUM_MESSAGE, NUM_DOC, NUM_TRACKER: `r` (v already rounded, or v) with
 * at most `decimals` decimals, or v as "%g" from `cutoff` on. */
static const char *fixed(char *out, double v, double r, int decimals, char sep, double cutoff)
{
    if (fabs(r) >= cutoff) {
        snprintf(out, NUM_TEXT_MAX, "%g", v);
        return out;
    }
    char digits[NUM_TEXT_MAX];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(r));
    char *dot = strchr(digits, '.');
    if (dot) {
        char *e = digits + strlen(digits) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
    }
    return grouped(out, digits, r < 0 && strcmp(digits, "0") != 0, sep);
}

/* The styles for people in another language than English: text's ','
 * and '.' become the language's grouping and decimal separators (ICU's,
 * lang.h), so rounding and grouping stay exactly those of English. */
static const char *in_language(char *buf)
{
    if (lang_is_english())
        return buf;
    const char *group, *decimal;
    lang_num_symbols(&group, &decimal);
    char en[NUM_TEXT_MAX];
    snprintf(en, sizeof en, "%s", buf);
    size_t n = 0;
    for (const char *p = en; *p && n + 8 < NUM_TEXT_MAX; p++) {
        const char *put = *p == ',' ? group : *p == '.' ? decimal : NULL;
        if (put)
            n += (size_t)snprintf(buf + n, NUM_TEXT_MAX - n, "%s", put);
        else
            buf[n++] = *p;
    }
    buf[n] = '\0';
    return buf;
}

const char *num_text(double v, NumStyle s, char buf[NUM_TEXT_MAX])
{
    if (!isfinite(v)) {
        snprintf(buf, NUM_TEXT_MAX, "%g", v);
        return buf;
    }
    switch (s) {
    case NUM_EXACT:
        return significant(buf, v, 0, true);
    case NUM_PLAIN:
        return significant(buf, v, 0, false);
    case NUM_SOURCE:
        return significant(buf, v, '_', false);
    case NUM_MESSAGE:
        return fixed(buf, v, v, 2, '_', 1e15);
    case NUM_DOC:
        return in_language((char *)fixed(buf, v, v, 4, ',', INFINITY));
    case NUM_TRACKER: {
        /* Halves away from zero, to cents below 1,000 and to units from it. */
        double r = fabs(v) >= 1000 ? round(v) : round(v * 100) / 100;
        return in_language((char *)fixed(buf, v, r, 2, ',', 1e15));
    }
    }
    return significant(buf, v, 0, true);
}

void num_put(Buf *b, double v, NumStyle s)
{
    char text[NUM_TEXT_MAX];
    buf_puts(b, num_text(v, s, text));
}

const char *num_str(Arena *a, double v, NumStyle s)
{
    char text[NUM_TEXT_MAX];
    return arena_strdup(a, num_text(v, s, text));
}
