/*
 * Unit tests for compiler/base/suggest.c: the edit distance between a
 * misspelt word and the words it may have meant, and the one suggestion
 * ("did you mean ...?") picked from a list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "suggest.h"

static void test_suggest(void **state)
{
    (void)state;
    assert_int_equal(suggest_distance("budjet", "budget", 5), 1);
    assert_int_equal(suggest_distance("ab", "ba", 5), 1);
    const char *words[] = {"lead", "partners", "supports"};
    assert_string_equal(suggest_from("suports", words, 3), "supports");
    assert_null(suggest_from("zzzzzz", words, 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
