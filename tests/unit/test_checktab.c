/* test_checktab.c - the table of checks made from checks.def: every name is
 * its id in lower case, check_table[CHECK_X] is check X, names are unique,
 * and the lookups by the user's string (check_find, check_family_find). */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "checktab.h"

/* Each row's id as written in checks.def, beside its CheckId. */
static const struct {
    CheckId id;
    const char *text;
} ids[] = {
#define LANGUAGE_ERROR(id, ...) {CHECK_##id, #id},
#define CHECK(id, ...) {CHECK_##id, #id},
#include "checks.def"
};

static void test_name_is_id_in_lower_case(void **state)
{
    (void)state;
    assert_int_equal(sizeof ids / sizeof ids[0], CHECK_COUNT);
    for (int i = 0; i < CHECK_COUNT; i++) {
        assert_int_equal(ids[i].id, i);
        const char *name = check_table[i].name, *id = ids[i].text;
        assert_int_equal(strlen(name), strlen(id));
        for (size_t k = 0; id[k]; k++)
            assert_int_equal(name[k], tolower((unsigned char)id[k]));
    }
}

static void test_names_are_unique_and_found(void **state)
{
    (void)state;
    for (int i = 0; i < CHECK_COUNT; i++)
        assert_ptr_equal(check_find(check_table[i].name), &check_table[i]);
    assert_null(check_find("agenda_mising"));
    assert_string_equal(check_table[CHECK_AGENDA_MISSING].name, "agenda_missing");
    assert_int_equal(check_table[CHECK_SYNTAX].family, CF_LANGUAGE);
    assert_int_equal(check_table[CHECK_DEPENDENCY_CYCLE].sev, SEV_ERROR);
}

static void test_families(void **state)
{
    (void)state;
    assert_int_equal(check_family_find("language"), CF_LANGUAGE);
    assert_int_equal(check_family_find("gap"), CF_GAP);
    assert_int_equal(check_family_find("conflict"), CF_CONFLICT);
    assert_int_equal(check_family_find("gaps"), -1);
    /* Language errors are always errors. */
    for (int i = 0; i < CHECK_COUNT; i++)
        if (check_table[i].family == CF_LANGUAGE)
            assert_int_equal(check_table[i].sev, SEV_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_is_id_in_lower_case),
        cmocka_unit_test(test_names_are_unique_and_found),
        cmocka_unit_test(test_families),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
