/* checks_conflicts.c - two parts of the agreement disagree (CHECKS.md, Conflicts). */
#include "checks.h"

void checks_conflicts(CheckCtx *x)
{
    (void)x;
}
