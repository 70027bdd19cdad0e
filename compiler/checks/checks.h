/* checks.h - the gap and conflict checks of CHECKS.md over a resolved model.
 *
 * Each check is a small function over the model, in the file of its family
 * (gaps.c, conflicts.c), registered in check_table (checktab.c)
 * for its name, severity and reference text, and called from checks_run().
 * A check reports through check_report(), which applies `allow` and the
 * severity from the table. */
#ifndef CHARTER_CHECKS_H
#define CHARTER_CHECKS_H

#include <stdbool.h>

#include "compile.h"

typedef struct CheckOptions {
    int max_indicators;     /* too_many_indicators, default 15 */
    int min_sectors;        /* sector_diversity, default 2 */
    double max_share;       /* hierarchy_concentration, default 50 (percent) */
    bool strict;            /* every warning becomes an error */
} CheckOptions;

typedef struct CheckCtx {
    Compilation *c;
    Model *m;
    const CheckOptions *o;
} CheckCtx;

void checks_default_options(CheckOptions *o);
/* Runs every check over the model, adding findings to c->diag; findings
 * covered by an `allow` are kept but marked allowed. */
void checks_run(Compilation *c, Model *m, const CheckOptions *o);

/* Reports a finding of check `name` about declaration `subject` (NULL: the
 * agreement as a whole) at `span`.  `allows` is the extra allow list of a
 * subject that is not a Decl (a tension), or NULL.  Returns the diagnostic
 * so the caller can add related locations and a hint. */
Diagnostic *check_report(CheckCtx *x, const char *name, const Decl *subject,
                         const AllowList *allows, Span span, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The families. */
void checks_gaps(CheckCtx *x);
void checks_conflicts(CheckCtx *x);

#endif
