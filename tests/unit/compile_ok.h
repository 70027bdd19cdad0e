/* compile_ok.h - for the unit tests that need a model: compile_ok(TEXT)
 * compiles an agreement given as text (as t.charter) and fails the test,
 * printing the diagnostics, when it has a language error.  Include it
 * after <cmocka.h>. */
#ifndef COMPILE_OK_H
#define COMPILE_OK_H

#include <stdio.h>
#include <string.h>

#include "compile.h"

static inline Compilation *compile_ok(const char *text)
{
    Compilation *c = compile_new();
    assert_int_equal(compile_text(c, "t.charter", text, strlen(text)), 0);
    if (compile_errors(c) > 0) {
        diag_print(&c->diag, stderr, FMT_TEXT, false);
        fail_msg("the test input has language errors");
    }
    return c;
}

#endif
