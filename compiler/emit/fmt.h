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
#include "source.h"

/* Appends the canonical layout of `ast`, parsed from `src`, to `out`.
 * The tree must be free of syntax errors. */
void fmt_ast(const SrcFile *src, const Ast *ast, Buf *out);

/* Whether two trees say the same thing: the same statements, arguments,
 * expressions and blocks in the same order, and the same comments (their
 * text, trailing blanks aside).  Positions and layout do not count. */
bool fmt_same_tree(const SrcFile *sa, const Ast *a, const SrcFile *sb, const Ast *b);

#endif
