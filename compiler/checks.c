/* checks.c - the check driver.  The checks themselves come with the
 * gap-and-conflict analysis (issue 3); until then the driver runs none. */
#include "checks.h"

void checks_default_options(CheckOptions *o)
{
    o->max_indicators = 15;
    o->min_sectors = 2;
    o->max_share = 50;
    o->strict = false;
}

void checks_run(Compilation *c, Model *m, const CheckOptions *o)
{
    (void)c;
    (void)m;
    (void)o;
}
