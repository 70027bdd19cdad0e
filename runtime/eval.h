/* eval.h - formulas and requirements evaluated at a date (eval_).
 *
 * A name is an indicator's value at the date (its series when passed to a
 * `series` parameter); a call goes through libffi (extcall.h) to the function
 * its `extern` declaration names, looked up once.  "No value" is NaN and
 * spreads: an operation on no value, a division by zero, or a call whose
 * result is NaN or infinite gives no value, never a wrong number.  A
 * comparison with no value is unknown, and `and`/`or`/`not` follow
 * three-valued logic (false and unknown is false).
 *
 * Libraries: "charterstd" is linked into the tracker.  A user library is
 * loaded only when the tracker runs with --allow-extern; otherwise its
 * calls give no value and one message says which library was refused and
 * why.  A relative library path is looked for beside the file that
 * declares the extern (as it was compiled), then beside the tracker, then
 * by the system's library search. */
#ifndef CHARTER_EVAL_H
#define CHARTER_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "charter.h"
#include "trk.h"

/* The three-valued truth of a requirement. */
typedef enum EvalTruth { EVAL_FALSE, EVAL_TRUE, EVAL_UNKNOWN } EvalTruth;

typedef struct EvalSource {
    /* The value of tracked indicator `ind` at `date` (NaN: none) and the
     * date of that value in *vdate. */
    double (*value)(void *env, int ind, int32_t date, int32_t *vdate);
    /* Its series up to `date`, oldest first; the arrays stay valid until
     * the evaluation ends. */
    void (*series)(void *env, int ind, int32_t date, charter_series *out);
    void *env;
} EvalSource;

typedef struct Eval Eval;

Eval *eval_new(Trk *t, const EvalSource *src);
/* Another source of values for the same libraries and functions (each
 * library is opened, or refused, once). */
Eval *eval_with_source(Eval *e, const EvalSource *src);
/* Closes the libraries (of the first Eval; the others share them). */
void eval_free(Eval *e);
/* A number expression at `date`; NaN for no value.  *vdate (may be NULL)
 * gets the latest date of the values it used (DATE_NONE: none). */
double eval_number(Eval *e, const Expr *x, int32_t date, int32_t *vdate);
EvalTruth eval_truth(Eval *e, const Expr *x, int32_t date);
/* How many libraries were refused (for the exit message). */
int eval_refused(const Eval *e);

/* Comparisons of an indicator with a constant inside a requirement, for
 * chart markers: calls fn for each `IND OP NUMBER` (or NUMBER OP IND). */
typedef void (*EvalMarkFn)(void *env, const Indicator *ind, ExprOp op, double value);
void eval_marks(const Expr *x, EvalMarkFn fn, void *env);
/* "<=", ">=", ... */
const char *eval_op_text(ExprOp op);

#endif
