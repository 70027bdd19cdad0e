/* checks_gaps.c - something the agreement needs is missing (CHECKS.md, Gaps). */
#include "checks.h"

void checks_gaps(CheckCtx *x)
{
    (void)x;
}
