/*
 * Unit tests for compiler/base/opts.c: the option parser of charterc and
 * of the tracker.  Every form an option takes, the arguments that are not
 * options, and the exact message of each mistake (standard error is
 * captured in a temporary file).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "opts.h"

static const OptSpec specs[] = {
    {"help", 'h', false},
    {"format", 0, true},
    {"output", 'o', true},
    {"strict", 0, false},
};
enum { NSPECS = sizeof specs / sizeof specs[0] };

static const OptsProgram charterc = {"charterc", NULL, 0, false, NULL};

static const OptSpec common[] = {{"data", 'd', true}, {"allow-extern", 0, false}};
static const OptsProgram tracker = {"trk", common, 2, true, NULL};

static char message[512];

/* opts_parse on a NULL-terminated argv, its standard error in `message`. */
static bool parse(Opts *o, const OptsProgram *p, char **argv)
{
    int argc = 0;
    while (argv[argc])
        argc++;
    fflush(stderr);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    int saved = dup(STDERR_FILENO);
    dup2(fileno(tmp), STDERR_FILENO);
    bool ok = opts_parse(o, p, argv[0], specs, NSPECS, argc, argv);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    rewind(tmp);
    size_t n = fread(message, 1, sizeof message - 1, tmp);
    message[n] = '\0';
    fclose(tmp);
    return ok;
}

/* --name=value, --name value, -o value, a flag, and the last of two wins. */
static void test_forms(void **state)
{
    Opts o;
    char *argv[] = {"doc", "--format=html", "-o", "out.html", "--strict", "--output", "b.html",
                    NULL};
    assert_true(parse(&o, &charterc, argv));
    assert_string_equal(message, "");
    assert_string_equal(opts_get(&o, "format"), "html");
    assert_string_equal(opts_get(&o, "output"), "b.html");
    assert_string_equal(opts_get(&o, "strict"), "");
    assert_true(opts_has(&o, "strict"));
    assert_false(opts_has(&o, "help"));
    assert_null(opts_get(&o, "no-such-option"));
    assert_int_equal(o.npositional, 0);
    /* values[] follows the order of the specs. */
    assert_string_equal(o.values[1], "html");
    assert_null(o.values[0]);
}

/* A value may be empty or start with a dash: it is taken as it is. */
static void test_values(void **state)
{
    Opts o;
    char *argv[] = {"doc", "--format=", "--output", "--strict", NULL};
    assert_true(parse(&o, &charterc, argv));
    assert_string_equal(opts_get(&o, "format"), "");
    assert_string_equal(opts_get(&o, "output"), "--strict");
    assert_false(opts_has(&o, "strict"));
}

/* Files anywhere among the options, `-` is one, and after `--` so is
 * everything. */
static void test_positional(void **state)
{
    Opts o;
    char *argv[] = {"fmt", "a.charter", "--strict", "-", "--", "--format", "-o", NULL};
    assert_true(parse(&o, &charterc, argv));
    assert_int_equal(o.npositional, 4);
    assert_string_equal(o.positional[0], "a.charter");
    assert_string_equal(o.positional[1], "-");
    assert_string_equal(o.positional[2], "--format");
    assert_string_equal(o.positional[3], "-o");
    assert_true(opts_has(&o, "strict"));
    assert_false(opts_has(&o, "format"));
}

static void test_unknown(void **state)
{
    Opts o;
    char *misspelt[] = {"check", "--formt", "x", NULL};
    assert_false(parse(&o, &charterc, misspelt));
    assert_string_equal(message,
                        "charterc: error: unknown option '--formt' for 'check'; did you mean "
                        "'--format'?\n");

    char *far[] = {"check", "--zzzzzzzz=1", NULL};
    assert_false(parse(&o, &charterc, far));
    assert_string_equal(message, "charterc: error: unknown option '--zzzzzzzz' for 'check' "
                                 "(see 'charterc check --help')\n");

    char *shrt[] = {"check", "-x", NULL};
    assert_false(parse(&o, &charterc, shrt));
    assert_string_equal(message, "charterc: error: unknown option '-x' for 'check' "
                                 "(see 'charterc check --help')\n");

    /* Short options are single letters: -ofile is not -o file. */
    char *glued[] = {"check", "-ofile", NULL};
    assert_false(parse(&o, &charterc, glued));
    assert_string_equal(message, "charterc: error: unknown option '-ofile' for 'check' "
                                 "(see 'charterc check --help')\n");
}

static void test_value_mistakes(void **state)
{
    Opts o;
    char *missing[] = {"doc", "--strict", "-o", NULL};
    assert_false(parse(&o, &charterc, missing));
    assert_string_equal(message, "charterc: error: option '--output' needs a value\n");

    char *unwanted[] = {"doc", "--strict=yes", NULL};
    assert_false(parse(&o, &charterc, unwanted));
    assert_string_equal(message, "charterc: error: option '--strict' takes no value\n");
}

static void test_too_many(void **state)
{
    Opts o;
    static char *argv[OPTS_MAX_POSITIONAL + 3];
    argv[0] = "check";
    for (int i = 1; i <= OPTS_MAX_POSITIONAL + 1; i++)
        argv[i] = "f.charter";
    assert_false(parse(&o, &charterc, argv));
    assert_string_equal(message, "charterc: error: too many arguments\n");
    argv[OPTS_MAX_POSITIONAL + 1] = NULL;
    assert_true(parse(&o, &charterc, argv));
    assert_int_equal(o.npositional, OPTS_MAX_POSITIONAL);
}

/* The tracker's way: its own name in messages, options every command
 * takes, and negative numbers as values. */
static void test_program(void **state)
{
    Opts o;
    char *argv[] = {"record", "x", "-3", "-.5", "-d", "ledger", "--allow-extern", NULL};
    assert_true(parse(&o, &tracker, argv));
    assert_int_equal(o.npositional, 3);
    assert_string_equal(o.positional[1], "-3");
    assert_string_equal(o.positional[2], "-.5");
    assert_string_equal(opts_get(&o, "data"), "ledger");
    assert_true(opts_has(&o, "allow-extern"));
    assert_string_equal(o.values[NSPECS], "ledger");

    /* The program's options are offered as suggestions too. */
    char *misspelt[] = {"status", "--dat", "x", NULL};
    assert_false(parse(&o, &tracker, misspelt));
    assert_string_equal(message, "trk: error: unknown option '--dat' for 'status'; "
                                 "did you mean '--data'?\n");
    char *shrt[] = {"status", "-q", NULL};
    assert_false(parse(&o, &tracker, shrt));
    assert_string_equal(message,
                        "trk: error: unknown option '-q' for 'status' (see 'trk status --help')\n");

    /* For charterc "-3" is an option, an unknown one. */
    char *neg[] = {"check", "-3", NULL};
    assert_false(parse(&o, &charterc, neg));
    assert_string_equal(message, "charterc: error: unknown option '-3' for 'check' "
                                 "(see 'charterc check --help')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_positional),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_value_mistakes),
        cmocka_unit_test(test_too_many),
        cmocka_unit_test(test_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
