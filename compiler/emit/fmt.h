/* fmt.h - the canonical layout of a Charter file (`charterc fmt`).
 *
 * The formatter reprints the syntax tree: two-space indentation, single
 * spaces between arguments, `{` on the statement's line, one blank line
 * around top-level declarations that span several lines, statements in
 * the order written.  Every token is copied from the source bytes (so
 * strings, `"""` blocks, numbers and dates stay exactly as written); every
 * comment is kept, full-line or trailing; blank lines inside blocks are
 * kept, a run of them collapsed to one.  It is idempotent.
 *
 * The formatter reads the syntax tree, not the model: layout and comments
 * are not part of the model.  fmt_same_tree() lets the caller prove that a
 * layout did not change what the file says. */
#ifndef CHARTER_FMT_H
#define CHARTER_FMT_H

#include <stdbool.h>

#include "ast.h"
#include "buf.h"
#include "diag.h"
#include "source.h"

/* Appends the canonical layout of `ast`, parsed from `src`, to `out`.
 * The tree must be free of syntax errors. */
void fmt_ast(const SrcFile *src, const Ast *ast, Buf *out);

/* Whether two trees say the same thing: the same statements, arguments,
 * expressions and blocks in the same order, and the same comments (their
 * text, trailing blanks aside).  Positions and layout do not count. */
bool fmt_same_tree(const SrcFile *sa, const Ast *a, const SrcFile *sb, const Ast *b);

/* What fmt_file() did. */
typedef enum FmtStatus {
    FMT_FORMATTED,      /* `out` holds the canonical layout */
    FMT_SYNTAX_ERRORS,  /* reported in the Diag; nothing in `out` */
    FMT_WOULD_CHANGE    /* the layout would change what the file says: a
                         * bug of the formatter; `out` must not be used */
} FmtStatus;

/* Parses file `id` of `sm` (syntax errors go to `d`), writes its canonical
 * layout to `out` and proves with fmt_same_tree() that the layout says
 * what the file says.  `charterc fmt` and the language server's
 * formatting both format through it. */
FmtStatus fmt_file(SrcMgr *sm, Diag *d, uint32_t id, Buf *out);

#endif
