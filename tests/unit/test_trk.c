/*
 * Unit tests for helpers of runtime/trk.c that the tracker's commands
 * share: trk_as_of (the --as-of option of status, due and report) and
 * trk_did_you_mean (the end of a message about a misspelt name).
 *
 * Built by the Makefile like every tests/unit/test_*.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "date.h"
#include "trk.h"

static const OptSpec opts[] = {{"as-of", 0, true}};

/* Parses argv as a command's options and reads --as-of. */
static bool as_of(Trk *t, int argc, char **argv, int32_t *out)
{
    Opts a;
    assert_true(trk_args(t, &a, opts, 1, argc, argv, "status"));
    return trk_as_of(t, &a, out);
}

static void test_as_of(void **state)
{
    (void)state;
    Trk t = {0};
    t.prog = "test_trk";
    assert_true(date_parse("2024-05-17", &t.today));
    int32_t d = 0, want;

    char *none[] = {"status", NULL};
    assert_true(as_of(&t, 1, none, &d));
    assert_int_equal(d, t.today);

    char *today[] = {"status", "--as-of", "today", NULL};
    d = 0;
    assert_true(as_of(&t, 3, today, &d));
    assert_int_equal(d, t.today);

    char *date[] = {"status", "--as-of=2022-06-30", NULL};
    assert_true(as_of(&t, 2, date, &d));
    assert_true(date_parse("2022-06-30", &want));
    assert_int_equal(d, want);

    /* Not a date: false, after a message on standard error. */
    char *bad[] = {"status", "--as-of", "2023-02-29", NULL};
    assert_false(as_of(&t, 3, bad, &d));
    char *word[] = {"status", "--as-of", "yesterday", NULL};
    assert_false(as_of(&t, 3, word, &d));
}

static void test_did_you_mean(void **state)
{
    (void)state;
    Trk t = {0};
    t.a = arena_new();
    assert_string_equal(trk_did_you_mean(&t, "reporter"), "; did you mean 'reporter'?");
    assert_string_equal(trk_did_you_mean(&t, NULL), "");
    arena_free(t.a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_as_of),
        cmocka_unit_test(test_did_you_mean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
