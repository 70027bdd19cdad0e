/* lang_icu.c - dates, numbers and money as a language writes them, from
 * ICU (lang.h).
 *
 * ICU carries the Unicode CLDR's data in its own library, so the result
 * does not depend on the locales installed on the machine.  English never
 * comes here for dates and numbers (date.c and numtext.c keep their own
 * formats, byte for byte); money comes here in every language.  Each
 * formatter is opened once per language and kept: the tracker formats
 * thousands of values per run.  Every function fails soft: when ICU
 * cannot answer, the caller writes what it wrote before.
 *
 * ICU is loaded with dlopen() when first needed, not linked: loading its
 * libraries (and the C++ library they need) at start-up costs every run
 * about 3 MB of memory, a quarter of `check`'s whole budget on a large
 * agreement, and `check` never formats a date or an amount.  lang_use()
 * loads it for every language but English, so a missing library is an
 * error there rather than English numbers in a French document. */
#include "lang.h"

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

/* The headers rename every function after ICU's major version
 * (unum_open is unum_open_72), so the names to look up are the macros'
 * expansions, and the library is the one the headers belong to. */
#define ICU_STR2(x) #x
#define ICU_STR(x) ICU_STR2(x)
#define ICU_LIB "libicui18n.so." ICU_STR(U_ICU_VERSION_MAJOR_NUM)

#define ICU_FUNCS(X)                                                            \
    X(u_strToUTF8) X(u_charsToUChars) X(ucal_setGregorianChange) X(ucurr_isAvailable) \
    X(udat_open) X(udat_getCalendar) X(udat_format) X(udat_close) X(unum_open)      \
    X(unum_getSymbol) X(unum_close) X(unum_setTextAttribute) X(unum_setAttribute)   \
    X(unum_formatDouble)

/* The functions, looked up in the library (dlsym also searches the
 * libraries it depends on, libicuuc). */
static struct {
#define X(f) __typeof__(&f) f;
    ICU_FUNCS(X)
#undef X
} fn;

bool lang_icu_load(char *err, size_t errlen)
{
    static int state;           /* 0 not tried, 1 loaded, -1 failed */
    static char why[200];
    if (state == 0) {
        state = -1;
        void *h = dlopen(ICU_LIB, RTLD_NOW | RTLD_LOCAL);
        if (!h)
            snprintf(why, sizeof why, "%s", dlerror());
        bool all = h != NULL;
#define X(f)                                                                   \
        if (all && !(*(void **)&fn.f = dlsym(h, ICU_STR(f)))) {                \
            snprintf(why, sizeof why, "%s has no %s", ICU_LIB, ICU_STR(f));    \
            all = false;                                                       \
        }
        ICU_FUNCS(X)
#undef X
        if (all)
            state = 1;
    }
    if (state < 0 && err)
        snprintf(err, errlen, "ICU, which writes dates and numbers in other languages than "
                              "English, cannot be loaded (%s): install the libicu%d package",
                 why, U_ICU_VERSION_MAJOR_NUM);
    return state > 0;
}

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
        fn.udat_close(icu.date);
    if (icu.money)
        fn.unum_close(icu.money);
    memset(&icu, 0, sizeof icu);
    icu.lang = lang_current();
}

/* UTF-16 to UTF-8 into out (n bytes); false when it does not fit. */
static bool to_utf8(const UChar *s, int32_t len, char *out, size_t n)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t k = 0;
    fn.u_strToUTF8(out, (int32_t)n, &k, s, len, &e);
    return U_SUCCESS(e) && k >= 0 && (size_t)k < n;
}

bool lang_date_long(int32_t days, char *buf, size_t n)
{
    if (!lang_icu_load(NULL, 0))
        return false;
    reset_if_switched();
    UErrorCode e = U_ZERO_ERROR;
    if (!icu.date) {
        static const UChar utc[] = {'U', 'T', 'C', 0};
        icu.date = fn.udat_open(UDAT_NONE, UDAT_LONG, icu.lang->icu, utc, -1, NULL, 0, &e);
        if (U_FAILURE(e)) {
            icu.date = NULL;
            return false;
        }
        /* Charter's calendar is the proleptic Gregorian one (date.h), where
         * ICU's default switches to the Julian calendar before 1582. */
        UCalendar *cal = (UCalendar *)fn.udat_getCalendar(icu.date);
        fn.ucal_setGregorianChange(cal, -INFINITY, &e);
        e = U_ZERO_ERROR;
    }
    UChar out[96];
    int32_t len = fn.udat_format(icu.date, (UDate)days * 86400000.0, out, 96, NULL, &e);
    return U_SUCCESS(e) && to_utf8(out, len, buf, n);
}

/* The symbol `which` of the language's decimal format, into out. */
static void read_symbol(UNumberFormatSymbol which, char out[8], const char *dflt)
{
    UErrorCode e = U_ZERO_ERROR;
    UNumberFormat *f = fn.unum_open(UNUM_DECIMAL, NULL, 0, icu.lang->icu, NULL, &e);
    UChar s[8];
    int32_t len = U_SUCCESS(e) ? fn.unum_getSymbol(f, which, s, 8, &e) : 0;
    if (U_FAILURE(e) || !to_utf8(s, len, out, 8) || !*out)
        snprintf(out, 8, "%s", dflt);
    if (f)
        fn.unum_close(f);
}

void lang_num_symbols(const char **group, const char **decimal)
{
    if (!lang_icu_load(NULL, 0)) {
        *group = ",";
        *decimal = ".";
        return;
    }
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
    if (!isfinite(v) || strlen(code) != 3 || !lang_icu_load(NULL, 0))
        return false;
    reset_if_switched();
    UErrorCode e = U_ZERO_ERROR;
    UChar iso[4];
    fn.u_charsToUChars(code, iso, 4);
    /* Only a currency ISO 4217 knows: a unit of the agreement's own that
     * happens to be three capitals stays "80,000 XYZ". */
    if (!fn.ucurr_isAvailable(iso, U_DATE_MIN, U_DATE_MAX, &e) || U_FAILURE(e))
        return false;
    if (!icu.money) {
        icu.money = fn.unum_open(UNUM_CURRENCY, NULL, 0, icu.lang->icu, NULL, &e);
        if (U_FAILURE(e)) {
            icu.money = NULL;
            return false;
        }
    }
    fn.unum_setTextAttribute(icu.money, UNUM_CURRENCY_CODE, iso, 3, &e);
    /* Whole amounts without cents, as agreements write them; others with
     * the two decimals of money. */
    int digits = v == floor(v) ? 0 : 2;
    fn.unum_setAttribute(icu.money, UNUM_MIN_FRACTION_DIGITS, digits);
    fn.unum_setAttribute(icu.money, UNUM_MAX_FRACTION_DIGITS, digits);
    fn.unum_setAttribute(icu.money, UNUM_ROUNDING_MODE, UNUM_ROUND_HALFEVEN);
    UChar out[512];
    int32_t len = fn.unum_formatDouble(icu.money, v, out, 512, NULL, &e);
    return U_SUCCESS(e) && to_utf8(out, len, buf, n);
}
