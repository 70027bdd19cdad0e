/* scan.h - state shared by the scanner (lexer.l) and the parser (parser.y).
 *
 * All scanner state lives here, in flex's `extra`; there is no global
 * state.  Literal tokens (names, strings, numbers, dates) carry an Arg
 * allocated in the compilation's arena. */
#ifndef CHARTER_SCAN_H
#define CHARTER_SCAN_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "buf.h"
#include "diag.h"

/* Limits, documented in docs/security.md. */
#define SCAN_MAX_STRING (1u << 20)  /* bytes in one string literal */
#define SCAN_MAX_NESTING 200        /* depth of ( ) and { } */
#define SCAN_MAX_ERRORS 50          /* syntax errors reported per file */
#define SCAN_MAX_EXPR_OPS 1000      /* operators in one `requires` or `formula` */
#define SCAN_MAX_NAME 256           /* bytes in one name, a dotted one whole */

typedef struct ScanCtx {
    Arena *arena;
    Diag *diag;
    Ast *ast;
    const SrcFile *src;
    uint32_t file;
    uint32_t pos;       /* offset of the next byte to scan */
    int paren;          /* ( depth: a newline inside is not a statement end */
    int depth;          /* ( and { depth, for the nesting limit */
    int last;           /* the previous token, for newline suppression */
    int expr_ops;       /* 1 + operators since `requires`/`formula`; 0: not in one */
    Buf str;            /* the string literal being read */
    uint32_t str_start;
    bool str_control;   /* a control character in it was reported */
    int errors;
    bool stop;          /* a fatal error: the scanner returns end of file */
} ScanCtx;

void scan_error(ScanCtx *sc, CheckId check, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
