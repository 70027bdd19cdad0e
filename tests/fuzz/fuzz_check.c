/* fuzz_check.c - libFuzzer harness for the whole `charterc check`
 * pipeline: compile_text (scanner, parser, the prelude, `use`, the
 * resolver), then, when there is no language error, every check, then the
 * diagnostics sorted and printed in each of the four formats.
 *
 * The input is compiled as if it were the file fuzz.charter in the current
 * directory, so a `use` reaches only files below it: `make fuzz` runs the
 * fuzzer in an empty directory. */
#include <stdint.h>
#include <stdio.h>

#include "checks.h"
#include "compile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    Compilation *c = compile_new();
    if (compile_text(c, "fuzz.charter", (const char *)data, size) == 0) {
        if (compile_errors(c) == 0 && c->model) {
            CheckOptions o;
            checks_default_options(&o);
            o.strict = size % 2;
            checks_run(c, c->model, &o);
            if (o.strict)
                diag_strict(&c->diag);
        }
        diag_sort(&c->diag);
        if (null)
            for (int f = FMT_TEXT; f <= FMT_GITHUB; f++)
                diag_print(&c->diag, null, (DiagFormat)f, f == FMT_TEXT);
    }
    compile_free(c);
    return 0;
}
