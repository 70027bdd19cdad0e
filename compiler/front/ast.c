/* ast.c - runs the scanner and parser over one file. */
#include "ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "scan.h"

/* From the generated scanner and parser (build/grammar). */
typedef void *yyscan_t;
typedef struct yy_buffer_state *YY_BUFFER_STATE;
int cylex_init_extra(ScanCtx *extra, yyscan_t *scanner);
int cylex_destroy(yyscan_t scanner);
YY_BUFFER_STATE cy_scan_buffer(char *base, size_t size, yyscan_t scanner);
void cy_restore_text(yyscan_t scanner);
int cyparse(yyscan_t scanner, ScanCtx *sc);

void scan_bad(ScanCtx *sc, Span s)
{
    VEC_PUSH(sc->arena, sc->bad, s.lo);
}

bool scan_is_bad(const ScanCtx *sc, uint32_t lo)
{
    /* The marks are in source order, as the tokens are read. */
    int a = 0, b = sc->bad.n;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (sc->bad.v[m] < lo)
            a = m + 1;
        else
            b = m;
    }
    return a < sc->bad.n && sc->bad.v[a] == lo;
}

Diagnostic *scan_error(ScanCtx *sc, CheckId check, Span span, const char *fmt, ...)
{
    if (sc->stop)
        return NULL;
    if (++sc->errors > SCAN_MAX_ERRORS) {
        diag_report(sc->diag, CHECK_LIMIT, span, "file",
                    "more than %d errors in this file; stopping here", SCAN_MAX_ERRORS);
        sc->stop = true;
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(sc->arena, fmt, ap);
    va_end(ap);
    return diag_report(sc->diag, check, span, "file", "%s", msg);
}

Ast *ast_parse(Arena *a, Diag *diag, uint32_t file)
{
    Ast *ast = arena_alloc(a, sizeof *ast);
    ast->file = file;
    const SrcFile *src = diag->sm->files.v[file];

    /* Text that is not UTF-8 (a binary file, say) is one error, not one per byte. */
    long bad = src_invalid_utf8(src);
    if (bad >= 0) {
        Span s = {file, (uint32_t)bad, (uint32_t)bad + 1};
        diag_report(diag, CHECK_SYNTAX, s, "file",
                    "this is not UTF-8 text (byte 0x%02x); is it a binary file?",
                    (unsigned char)src->text[bad]);
        ast->syntax_errors = true;
        return ast;
    }

    /* Names are interned as they are scanned: about one distinct one per
     * 180 bytes of a big agreement of short declarations, one per 350 of
     * long ones. */
    arena_reserve_names(a, (int)(src->len / 160));
    ScanCtx sc = {0};
    sc.recent = mem_zeroed(SCAN_RECENT * sizeof *sc.recent);
    sc.arena = a;
    sc.diag = diag;
    sc.ast = ast;
    sc.src = src;
    sc.file = file;
    buf_init(&sc.str);
    yyscan_t scanner;
    if (cylex_init_extra(&sc, &scanner) != 0) {
        fputs("charterc: cannot start the scanner\n", stderr);
        return ast;
    }
    /* A UTF-8 byte-order mark is not part of the text. */
    uint32_t start = src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    sc.pos = start;
    /* In place: the text is followed by the two NUL bytes flex needs
     * (source.h); a copy would add the source's size to the peak. */
    cy_scan_buffer((char *)src->text + start, src->len - start + 2, scanner);
    cyparse(scanner, &sc);
    cy_restore_text(scanner);
    cylex_destroy(scanner);
    buf_free(&sc.str);
    free(sc.stmts.v);
    free(sc.args.v);
    mem_release(sc.recent, SCAN_RECENT * sizeof *sc.recent);
    if (sc.errors)
        ast->syntax_errors = true;
    return ast;
}

const char *ast_arg_kind_name(ArgKind k)
{
    static const char *names[] = {"a name", "a string", "a number", "a percentage",
                                  "a date", "','", "'->'", "a parenthesised list",
                                  "a time of day"};
    return names[k];
}
