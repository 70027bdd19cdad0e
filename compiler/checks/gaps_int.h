/* gaps_int.h - what the gap checks share (gaps.c,
 * gaps_partners.c): a list of names for messages and the finding
 * helpers.  Grouping and marking in one pass use ptrmap.h.
 * Private to the gap checks. */
#ifndef CHARTER_GAPS_INT_H
#define CHARTER_GAPS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "checks.h"
#include "ptrmap.h"

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
/* The finding's note: "FIX, or `allow CHECK "reason"`". */
void gap_hint(CheckCtx *x, Diagnostic *g, const char *fix, const char *check);

/* The checks of gaps_partners.c, each named after its check. */
void gap_check_sector_diversity(CheckCtx *x);
void gap_check_partner_statements(CheckCtx *x);    /* incentive_missing, signatory_missing */
void gap_check_partner_idle(CheckCtx *x);
void gap_check_partner_not_reporting(CheckCtx *x);
void gap_check_communication_missing(CheckCtx *x);
void gap_check_partner_uncovered(CheckCtx *x);
void gap_check_feedback_missing(CheckCtx *x);
void gap_check_learning_missing(CheckCtx *x);
void gap_check_backbone(CheckCtx *x);              /* backbone_missing, backbone_function_unassigned */

#endif
