/*
 * Unit tests for compiler/base/suggest.c: the edit distance between a
 * misspelt word and the words it may have meant, and the one suggestion
 * ("did you mean ...?") picked from a list, and how a message quotes a
 * name too long to quote whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

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

/* A name up to SUGGEST_QUOTE_MAX bytes is quoted whole; a longer one is
 * cut to that length with "...", never inside a UTF-8 character. */
static void test_suggest_quote(void **state)
{
    (void)state;
    Arena *a = arena_new();
    char name[200];
    memset(name, 'x', sizeof name);
    assert_string_equal(suggest_quote(a, "lead", 4), "lead");
    const char *q = suggest_quote(a, name, SUGGEST_QUOTE_MAX);
    assert_int_equal(strlen(q), SUGGEST_QUOTE_MAX);
    q = suggest_quote(a, name, sizeof name);
    assert_int_equal(strlen(q), SUGGEST_QUOTE_MAX);
    assert_string_equal(q + SUGGEST_QUOTE_MAX - 3, "...");
    /* "é" (2 bytes) across the cut is left out whole. */
    name[SUGGEST_QUOTE_MAX - 4] = (char)0xC3;
    name[SUGGEST_QUOTE_MAX - 3] = (char)0xA9;
    q = suggest_quote(a, name, sizeof name);
    assert_int_equal(strlen(q), SUGGEST_QUOTE_MAX - 1);
    assert_string_equal(q + SUGGEST_QUOTE_MAX - 4, "...");
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_suggest_quote),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
