/* lang_icu.c - dates, numbers and money as a language writes them, from
 * ICU (lang.h).
 *
 * ICU carries the Unicode CLDR's data in its own library, so the result
 * does not depend on the locales installed on the machine.  English never
 * comes here for dates and numbers (date.c and numtext.c keep their own
 * formats, byte for byte); money comes here in every language.  Each
 * formatter is opened once per language and kept: the tracker formats
 * thousands of values per run.  Every function fails soft: when ICU
 * cannot answer, the caller writes what it wrote before. */
#include "lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

/* The formatters of one language, made when first needed. */
static struct {
    const Lang *lang;
    UDateFormat *date;
    UNumberFormat *money;
    char group[8], decimal[8];      /* "" until read */
} icu;

static void reset_if_switched(void)
{
    if (icu.lang == lang_current())
        return;
    if (icu.date)
        udat_close(icu.date);
    if (icu.money)
        unum_close(icu.money);
    memset(&icu, 0, sizeof icu);
    icu.lang = lang_current();
}

/* UTF-16 to UTF-8 into out (n bytes); false when it does not fit. */
static bool to_utf8(const UChar *s, int32_t len, char *out, size_t n)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t k = 0;
    u_strToUTF8(out, (int32_t)n, &k, s, len, &e);
    return U_SUCCESS(e) && k >= 0 && (size_t)k < n;
}

bool lang_date_long(int32_t days, char *buf, size_t n)
{
    reset_if_switched();
    UErrorCode e = U_ZERO_ERROR;
    if (!icu.date) {
        static const UChar utc[] = {'U', 'T', 'C', 0};
        icu.date = udat_open(UDAT_NONE, UDAT_LONG, icu.lang->icu, utc, -1, NULL, 0, &e);
        if (U_FAILURE(e)) {
            icu.date = NULL;
            return false;
        }
        /* Charter's calendar is the proleptic Gregorian one (date.h), where
         * ICU's default switches to the Julian calendar before 1582. */
        UCalendar *cal = (UCalendar *)udat_getCalendar(icu.date);
        ucal_setGregorianChange(cal, -INFINITY, &e);
        e = U_ZERO_ERROR;
    }
    UChar out[96];
    int32_t len = udat_format(icu.date, (UDate)days * 86400000.0, out, 96, NULL, &e);
    return U_SUCCESS(e) && to_utf8(out, len, buf, n);
}

/* The symbol `which` of the language's decimal format, into out. */
static void read_symbol(UNumberFormatSymbol which, char out[8], const char *dflt)
{
    UErrorCode e = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, icu.lang->icu, NULL, &e);
    UChar s[8];
    int32_t len = U_SUCCESS(e) ? unum_getSymbol(f, which, s, 8, &e) : 0;
    if (U_FAILURE(e) || !to_utf8(s, len, out, 8) || !*out)
        snprintf(out, 8, "%s", dflt);
    if (f)
        unum_close(f);
}

void lang_num_symbols(const char **group, const char **decimal)
{
    reset_if_switched();
    if (!*icu.group) {
        read_symbol(UNUM_GROUPING_SEPARATOR_SYMBOL, icu.group, ",");
        read_symbol(UNUM_DECIMAL_SEPARATOR_SYMBOL, icu.decimal, ".");
    }
    *group = icu.group;
    *decimal = icu.decimal;
}

bool lang_money(double v, const char *code, char *buf, size_t n)
{
    if (!isfinite(v) || strlen(code) != 3)
        return false;
    reset_if_switched();
    UErrorCode e = U_ZERO_ERROR;
    UChar iso[4];
    u_charsToUChars(code, iso, 4);
    /* Only a currency ISO 4217 knows: a unit of the agreement's own that
     * happens to be three capitals stays "80,000 XYZ". */
    if (!ucurr_isAvailable(iso, U_DATE_MIN, U_DATE_MAX, &e) || U_FAILURE(e))
        return false;
    if (!icu.money) {
        icu.money = unum_open(UNUM_CURRENCY, NULL, 0, icu.lang->icu, NULL, &e);
        if (U_FAILURE(e)) {
            icu.money = NULL;
            return false;
        }
    }
    unum_setTextAttribute(icu.money, UNUM_CURRENCY_CODE, iso, 3, &e);
    /* Whole amounts without cents, as agreements write them; others with
     * the two decimals of money. */
    int digits = v == floor(v) ? 0 : 2;
    unum_setAttribute(icu.money, UNUM_MIN_FRACTION_DIGITS, digits);
    unum_setAttribute(icu.money, UNUM_MAX_FRACTION_DIGITS, digits);
    unum_setAttribute(icu.money, UNUM_ROUNDING_MODE, UNUM_ROUND_HALFEVEN);
    UChar out[512];
    int32_t len = unum_formatDouble(icu.money, v, out, 512, NULL, &e);
    return U_SUCCESS(e) && to_utf8(out, len, buf, n);
}
