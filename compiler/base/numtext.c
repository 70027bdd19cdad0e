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
