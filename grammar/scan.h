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

/* A `{` not closed yet, kept for the message when the file ends inside
 * it: the parser notices only there, and the reader needs where it began. */
typedef struct OpenBlock {
    Span brace;
    const char *head;   /* the statement it belongs to: "partner" */
    const char *name;   /* that statement's first name, "growers"; may be NULL */
    uint32_t col;       /* the column of its head, from 0 */
    bool indented;      /* a statement inside it is indented deeper than its head */
    /* The first head after that at or left of `col`: where, by the layout,
     * the block was meant to end (a declaration at the margin). */
    const char *outdent_head;
    Span outdent;
    /* A block inside it closed by a `}` at this block's margin, which by
     * the layout is this block's `}`: then the inner block is the one not
     * closed.  lost_close.file is NO_FILE when there is none. */
    Span lost_brace, lost_close;
    const char *lost_head, *lost_name;
} OpenBlock;

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
    bool quote_single;  /* QSTR: opened by a single typographic quote */
    const char *head;   /* the head of the statement being scanned */
    const char *head_name;  /* its first name argument, if any yet */
    uint32_t head_col;
    VEC(OpenBlock) open;    /* the `{` not closed yet, innermost last */
    /* The items of the lists being parsed, two stacks: the statements of
     * the bodies, and the arguments of the statements and groups (held by
     * value).  A list's items are contiguous from where it opened, and each
     * list is copied to the arena at its exact size when it ends (parser.y,
     * args_close and stmts_close).  Growing each list by doubling in the
     * arena left up to half of every list behind: 8 MB of a 12 MB
     * agreement's peak.  Malloc'd; freed after the parse. */
    struct { Stmt **v; int n, cap; } stmts;
    struct { Arg *v; int n, cap; } args;
    /* Where the tokens marked bad start (an invalid date, number or time,
     * a name too long), in order: a token's value (TokVal, parser.y) has
     * no room for the mark, and bad tokens are rare. */
    VEC(uint32_t) bad;
    /* The string literals read last, by their hash (SCAN_RECENT slots,
     * from mem_zeroed): a string read again is this copy.  Strings are
     * not interned: no lookup needs one by its address, and in the intern
     * table the 68,000 distinct strings of the dense benchmark agreement
     * were a cache miss each; the few thousand strings a big agreement
     * repeats (labels, sources) stay one copy each all the same. */
    struct ScanRecent { uint64_t sig; const char *text; } *recent;
} ScanCtx;

#define SCAN_RECENT 4096

/* Marks the token at s bad: already reported, so nothing more is said
 * about its value (Arg.bad). */
void scan_bad(ScanCtx *sc, Span s);
/* Whether the token that starts at lo was marked bad. */
bool scan_is_bad(const ScanCtx *sc, uint32_t lo);

/* Reports a language error found while scanning or parsing; returns it
 * for a hint or a fix-it, or NULL once the file has too many. */
Diagnostic *scan_error(ScanCtx *sc, CheckId check, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
