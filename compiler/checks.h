/* checks.h - the gap and conflict checks of CHECKS.md over a resolved model. */
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

void checks_default_options(CheckOptions *o);
/* Runs every check over the model, adding findings to c->diag; findings
 * covered by an `allow` are kept but marked allowed. */
void checks_run(Compilation *c, Model *m, const CheckOptions *o);

#endif
