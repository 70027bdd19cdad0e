/* exprtext.h - `requires` and `formula` expressions written back as text.
 *
 * One table of binding strengths, so that every writer puts parentheses
 * exactly where a reader needs them, and the operators as Charter spells
 * them.  exprtext_put() writes an expression in Charter's own syntax, as
 * `charterc diff` and `charterc export` show it, and as the tracker shows
 * a requirement or a formula; the documents (doc_fmt.c) write it for
 * people, with the same binding strengths. */
#ifndef CHARTER_EXPRTEXT_H
#define CHARTER_EXPRTEXT_H

#include "ast.h"
#include "buf.h"

/* How tightly e binds: 1 `or`, 2 `and`, 3 `not`, 4 comparisons, 5 + -,
 * 6 * /, 7 unary minus, 8 an operand (number, name, call). */
int exprtext_prec(const Expr *e);
/* Writes a number of an expression into b. */
typedef void ExprNumFn(Buf *b, double v);

/* "+", "<=", "==", "and", ... */
const char *exprtext_op(ExprOp op);
/* e with the parentheses its binding needs (operators are left-
 * associative; comparisons do not chain); numbers are written by `num`.
 * When num is NULL, e is written as the agreement writes it: numbers as
 * spelt there (`1_500_000`) and parentheses where the author put them
 * too (the tracker's requirements and formulas). */
void exprtext_put(Buf *b, const Expr *e, ExprNumFn *num);

#endif
