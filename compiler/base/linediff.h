/* linediff.h - a line diff of two texts, printed as a unified diff.
 *
 * Myers' O(ND) algorithm over lines, after the common head and tail are
 * set aside.  When the texts differ in very many places the middle is
 * shown as removed and added whole, which is still a correct diff. */
#ifndef CHARTER_LINEDIFF_H
#define CHARTER_LINEDIFF_H

#include <stddef.h>

#include "buf.h"

/* Appends a unified diff with 3 lines of context (`--- name_a`,
 * `+++ name_b`, `@@` hunks) to `out`; nothing when the texts are equal.
 * Returns the number of hunks. */
int linediff_unified(Buf *out, const char *name_a, const char *name_b, const char *a, size_t alen,
                     const char *b, size_t blen);

#endif
