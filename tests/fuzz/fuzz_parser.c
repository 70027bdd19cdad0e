/* fuzz_parser.c - libFuzzer harness for the scanner and parser alone:
 * any bytes go through src_add and ast_parse (which first rejects text
 * that is not UTF-8, so a UTF-8 check failure is also covered), then the
 * diagnostics are sorted and printed, as `charterc check` would. */
#include <stdint.h>
#include <stdio.h>

#include "ast.h"
#include "diag.h"
#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    Arena *a = arena_new();
    SrcMgr sm = {0};
    sm.arena = a;
    Diag d;
    diag_init(&d, a, &sm);
    uint32_t id = src_add(&sm, "fuzz.charter", (const char *)data, size);
    Ast *ast = ast_parse(a, &d, id);
    /* Walk what was built, so a dangling pointer in the tree shows. */
    size_t n = 0;
    for (int i = 0; i < ast->top.n; i++) {
        const Stmt *st = ast->top.v[i];
        n += st->args.n + ast_block(st)->n + (st->head ? 1 : 0);
    }
    diag_sort(&d);
    if (null)
        diag_print(&d, null, (DiagFormat)(n % 4), false);
    arena_free(a);
    return 0;
}
