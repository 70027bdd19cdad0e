/* gaps_int.h - what the gap checks share (checks_gaps.c,
 * checks_gaps_partners.c): a pointer map for grouping and marking in one
 * pass, a list of names for messages, and the finding helpers.
 * Private to the gap checks. */
#ifndef CHARTER_GAPS_INT_H
#define CHARTER_GAPS_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "checks.h"

/* A map from pointers to ints: open addressing, grows at half full, so
 * every operation takes expected O(1).  Lives in the arena. */
typedef struct PtrMap {
    Arena *a;
    const void **key;
    int *val;
    uint32_t mask;      /* capacity - 1, capacity a power of two */
    uint32_t n;         /* keys held */
} PtrMap;

/* A set is a map whose values are not read. */
typedef PtrMap PtrSet;

void gap_pmap_init(PtrMap *s, Arena *a, int expected);
/* The value of key p, or NULL when p is absent. */
int *gap_pmap_get(const PtrMap *s, const void *p);
/* The value of key p, inserted with `init` when absent; p is not NULL. */
int *gap_pmap_put(PtrMap *s, const void *p, int init);
void gap_pset_init(PtrSet *s, Arena *a, int expected);
bool gap_pset_has(const PtrSet *s, const void *p);     /* false for NULL */
void gap_pset_add(PtrSet *s, const void *p);           /* ignores NULL */

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

/* The checks of checks_gaps_partners.c, each named after its check. */
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
