/*
 * Unit tests for compiler/base/lang.c: choosing the language of fixed
 * text, the catalogues of the build tree (this program runs from it), the
 * fallback chain (Haitian Creole, then French, then English), plural
 * forms, and independence from the caller's LANG, LC_ALL and LANGUAGE.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "lang.h"
#include "numtext.h"

static void use(const char *code)
{
    char err[512];
    if (!lang_use(code, err, sizeof err))
        fail_msg("%s", err);
}

static void test_unknown(void **state)
{
    (void)state;
    char err[512];
    use("fr");
    assert_false(lang_use("fx", err, sizeof err));
    assert_string_equal(err, "unknown language 'fx'; did you mean 'fr'? (Charter ships en, es, "
                             "fr and ht)");
    assert_false(lang_use("de", err, sizeof err));
    assert_string_equal(err, "unknown language 'de' (Charter ships en, es, fr and ht)");
    /* A refused code leaves the language as it was. */
    assert_string_equal(lang_current()->code, "fr");
    use("en");
}

static void test_lookup(void **state)
{
    (void)state;
    use("en");
    assert_true(lang_is_english());
    assert_string_equal(L_("Recitals"), "Recitals");
    use("fr");
    assert_string_equal(L_("Recitals"), "Préambule");
    assert_string_equal(L_("no such text"), "no such text");
    use("es");
    assert_string_equal(L_("Recitals"), "Antecedentes");
    /* Switching back and forth drops gettext's cache each time. */
    use("fr");
    assert_string_equal(L_("Recitals"), "Préambule");
    use("en");
    assert_string_equal(L_("Recitals"), "Recitals");
}

/* ht.po is partial on purpose: what it lacks comes from fr.po. */
static void test_chain(void **state)
{
    (void)state;
    use("ht");
    assert_string_equal(L_("Recitals"), "Preyanbil");
    assert_string_equal(L_("Purpose, scope and goals"),
                        "Objet, champ d\xe2\x80\x99" "application et objectifs");
    assert_string_equal(L_("no such text"), "no such text");
    use("en");
}

/* English plural forms without a catalogue: one for 1, the other else. */
static void test_plural_english(void **state)
{
    (void)state;
    use("en");
    assert_string_equal(LN_("%d day", "%d days", 1), "%d day");
    assert_string_equal(LN_("%d day", "%d days", 0), "%d days");
    assert_string_equal(LN_("%d day", "%d days", 2), "%d days");
    assert_string_equal(LP_("table", "Total"), "Total");
}

/* The caller's locale variables change nothing: lang_use() sets the
 * categories gettext reads itself. */
static void test_environment(void **state)
{
    (void)state;
    setenv("LANGUAGE", "de:es", 1);
    setenv("LC_ALL", "de_DE.UTF-8", 1);
    setenv("LANG", "es_ES.UTF-8", 1);
    use("en");
    assert_string_equal(L_("Recitals"), "Recitals");
    use("fr");
    assert_string_equal(L_("Recitals"), "Préambule");
    use("en");
}

/* A language whose catalogue is missing is refused, never English. */
static void test_missing_catalogue(void **state)
{
    (void)state;
    assert_non_null(strstr(lang_localedir(), "/locale"));
    assert_non_null(lang_find("ht"));
    assert_null(lang_find("xx"));
    assert_int_equal(lang_count(), 4);
    assert_string_equal(lang_all()[0].code, "en");
}

/* Dates from ICU in French and Spanish; English keeps its own format. */
static void test_dates(void **state)
{
    (void)state;
    char buf[32];
    int32_t day = date_from_civil(2028, 6, 30);
    use("en");
    assert_string_equal(date_long(day, buf), "30 June 2028");
    use("fr");
    assert_string_equal(date_long(day, buf), "30 juin 2028");
    assert_string_equal(date_long(date_from_civil(2026, 2, 1), buf), "1 f\xc3\xa9vrier 2026");
    use("es");
    assert_string_equal(date_long(day, buf), "30 de junio de 2028");
    /* Proleptic Gregorian, as date.h counts, before 1582 too. */
    assert_string_equal(date_long(date_from_civil(1000, 3, 1), buf), "1 de marzo de 1000");
    use("ht");
    assert_string_equal(date_long(day, buf), "30 juin 2028");
    use("en");
}

/* Numbers: the English rounding and grouping, the language's separators. */
static void test_numbers(void **state)
{
    (void)state;
    char buf[NUM_TEXT_MAX];
    use("en");
    assert_string_equal(num_text(40000, NUM_DOC, buf), "40,000");
    assert_string_equal(num_text(1200.5, NUM_DOC, buf), "1,200.5");
    use("fr");
    assert_string_equal(num_text(40000, NUM_DOC, buf), "40\xe2\x80\xaf" "000");
    assert_string_equal(num_text(1200.5, NUM_DOC, buf), "1\xe2\x80\xaf" "200,5");
    assert_string_equal(num_text(-0.125, NUM_TRACKER, buf), "-0,13");
    /* The machine styles never change. */
    assert_string_equal(num_text(1200.5, NUM_EXACT, buf), "1200.5");
    assert_string_equal(num_text(2100000, NUM_SOURCE, buf), "2_100_000");
    /* The longest number fits with three-byte separators. */
    assert_true(strlen(num_text(1.7976931348623157e308, NUM_DOC, buf)) < NUM_TEXT_MAX);
    use("es");
    assert_string_equal(num_text(1200.5, NUM_DOC, buf), "1.200,5");
    assert_string_equal(num_text(2100000, NUM_DOC, buf), "2.100.000");
    use("en");
}

/* Money through ICU in every language; no cents on a whole amount. */
static void test_money(void **state)
{
    (void)state;
    char buf[64];
    use("en");
    assert_true(lang_money(80000, "USD", buf, sizeof buf));
    assert_string_equal(buf, "US$80,000");
    assert_true(lang_money(1234.5, "EUR", buf, sizeof buf));
    assert_string_equal(buf, "\xe2\x82\xac" "1,234.50");
    assert_false(lang_money(10, "XYZ", buf, sizeof buf));
    assert_false(lang_money(10, "hours", buf, sizeof buf));
    use("fr");
    assert_true(lang_money(80000, "USD", buf, sizeof buf));
    assert_string_equal(buf, "80\xe2\x80\xaf" "000\xc2\xa0$US");
    use("es");
    assert_true(lang_money(80000, "USD", buf, sizeof buf));
    assert_string_equal(buf, "80.000\xc2\xa0US$");
    use("en");
}

/* Plural forms from the catalogues: French counts 0 as singular. */
static void test_plural(void **state)
{
    (void)state;
    use("fr");
    assert_string_equal(LN_("%d day", "%d days", 0), "%d jour");
    assert_string_equal(LN_("%d day", "%d days", 1), "%d jour");
    assert_string_equal(LN_("%d day", "%d days", 2), "%d jours");
    use("es");
    assert_string_equal(LN_("%d day", "%d days", 0), "%d d\xc3\xad" "as");
    assert_string_equal(LN_("%d day", "%d days", 1), "%d d\xc3\xad" "a");
    assert_string_equal(LP_("page footer", " of "), " de ");
    use("ht");
    assert_string_equal(LN_("%d day", "%d days", 5), "%d jours");
    use("en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_chain),
        cmocka_unit_test(test_plural_english),
        cmocka_unit_test(test_environment),
        cmocka_unit_test(test_missing_catalogue),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_plural),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
