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

#include "lang.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_chain),
        cmocka_unit_test(test_plural_english),
        cmocka_unit_test(test_environment),
        cmocka_unit_test(test_missing_catalogue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
