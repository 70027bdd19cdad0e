/* gaps_int.h - what the gap checks share (gaps.c, gaps_partners.c): a
 * list of names for messages and the finding helpers.  Grouping and
 * marking in one pass use hmap.h.  The checks themselves are declared
 * by checks.h from checks.def.  Private to the gap checks. */
#ifndef CHARTER_GAPS_INT_H
#define CHARTER_GAPS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "checks.h"
#include "hmap.h"

/* Up to `max` names joined with ", ", then "and N more". */
typedef struct NameList {
    Buf b;
    int n, max;
} NameList;

void gap_names_init(NameList *l, int max);
void gap_names_add(NameList *l, const char *name);
/* The joined text, in the arena; frees the buffer. */
const char *gap_names_done(CheckCtx *x, NameList *l);

/* Where findings about the agreement as a whole point: its id. */
Span gap_agreement_span(const CheckCtx *x);
const char *gap_agreement_id(const CheckCtx *x);
/* The finding's note: "FIX, or `allow CHECK "reason"`", CHECK being the
 * finding's own check. */
void gap_hint(CheckCtx *x, Diagnostic *g, const char *fix);

#endif
