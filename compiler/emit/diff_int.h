/* diff_int.h - what the parts of `charterc diff` share; private to them.
 *
 *   diff_change.c  values as Charter writes them, and the recording of
 *                  changes: single values, sets of names, lists of values,
 *                  order, allows, and declarations matched by id
 *   diff_model.c   the two models compared, kind by kind (rdiff_compare)
 *   diff_print.c   the changes as text, JSON and Markdown
 *
 * Every value is compared as the text Charter would write for it, so that
 * a change reads as the source does: `2_000_000 USD`, `"Ann Lee"`. */
#ifndef CHARTER_DIFF_INT_H
#define CHARTER_DIFF_INT_H

#include "diff.h"

/* A comparison under way: the old and the new model, changes in `d`. */
typedef struct RdiffCtx {
    Arena *a;
    Rdiff *d;
    const Model *o, *n;
} RdiffCtx;

/* The partners a change affects: ids, or every partner. */
typedef struct RdiffWho {
    bool every;
    VEC(const char *) ids;
} RdiffWho;

typedef VEC(const char *) RdiffNames;

/* ---- values as Charter writes them (diff_change.c); NULL when absent ---- */

bool rdiff_same(const char *a, const char *b);             /* NULLs compare too */
const char *rdiff_str(Arena *a, const char *s);            /* "a \"quoted\" text" */
const char *rdiff_date(Arena *a, int32_t d);               /* 2021-03-01 */
const char *rdiff_period(Arena *a, int32_t lo, int32_t hi); /* 2021-03-01 to 2022-02-28 */
const char *rdiff_dur(Arena *a, Duration d);               /* 6 months */
const char *rdiff_qty(Arena *a, double v, const Unit *u);  /* 40%, 2_000 USD, 12 */
const char *rdiff_expr(Arena *a, const Expr *e);            /* ratio(a, b) >= 40% */
const char *rdiff_id(const void *decl);                    /* its id */

/* ---- recording changes (diff_change.c) -------------------------------------- */

/* Adds id to a sorted VEC(const char *) of unique ids. */
void rdiff_insert_sorted(Arena *a, void *vec, const char *id);
/* Adds a partner id to w; NULL is ignored. */
void rdiff_who_add(RdiffCtx *r, RdiffWho *w, const char *id);

/* Records a change.  A material change affects the partners of w, or
 * every partner when w names nobody. */
void rdiff_change(RdiffCtx *r, RdiffMark mark, bool material, const char *subject,
                  const char *field, const char *ov, const char *nv, const RdiffWho *w);
/* Something only one revision has: `text` was added (`added`) or removed. */
void rdiff_add_remove(RdiffCtx *r, bool added, bool material, const char *subject,
                      const char *field, const char *text, const RdiffWho *w);
/* A single value that may be absent on either side. */
void rdiff_scalar(RdiffCtx *r, bool material, const char *subject, const char *field,
                  const char *ov, const char *nv, const RdiffWho *w);

/* A string value, compared as the quoted literal Charter writes. */
void rdiff_string(RdiffCtx *r, bool material, const char *subject, const char *field,
                  const char *ov, const char *nv, const RdiffWho *w);

/* Whom a change to a set of names concerns. */
typedef enum RdiffEach {
    RDIFF_W,            /* the partners of w */
    RDIFF_PARTNER,      /* each name is a partner: its own change concerns it */
    RDIFF_AUDIENCE,     /* the same, and the name `all` concerns every partner */
} RdiffEach;

/* Two sets of names, member by member. */
void rdiff_names(RdiffCtx *r, bool material, const char *subject, const char *field,
                 const RdiffNames *o, const RdiffNames *n, RdiffEach each, const RdiffWho *w);
/* Two lists of references, by the names each model uses (`ns.x`). */
void rdiff_refs(RdiffCtx *r, bool material, const char *subject, const char *field,
                const void *const *ov, int on, const void *const *nv, int nn, RdiffEach each,
                const RdiffWho *w);
#define RDIFF_REFS(r, material, subject, field, ovec, nvec, each, w)                      \
    rdiff_refs((r), (material), (subject), (field), (const void *const *)(ovec).v, (ovec).n, \
               (const void *const *)(nvec).v, (nvec).n, (each), (w))

/* Lists of values (commitments, budgets, targets): each value is a text
 * and a key; equal texts match first, then equal keys pair up as a `~`
 * change, and the rest is removed or added. */
typedef struct RdiffItem {
    const char *key, *text;
    bool used;
} RdiffItem;

typedef VEC(RdiffItem) RdiffItems;

void rdiff_item(RdiffCtx *r, RdiffItems *v, const char *key, const char *text);
void rdiff_items(RdiffCtx *r, bool material, const char *subject, const char *field,
                 RdiffItems *o, RdiffItems *n, const RdiffWho *w);
/* The values of one side (a partner's commitments, ...) as items. */
typedef void RdiffFill(RdiffCtx *r, const void *from, RdiffItems *out);
/* Fills the items of both sides and compares them. */
void rdiff_values(RdiffCtx *r, bool material, const char *subject, const char *field,
                  RdiffFill *fill, const void *o, const void *n, const RdiffWho *w);
/* `allow`s, (check, reason) pairs: editorial.  A list may be NULL. */
void rdiff_allows(RdiffCtx *r, const char *subject, const AllowList *o, const AllowList *n);

/* An editorial change of the relative order of the ids both have. */
void rdiff_order(RdiffCtx *r, const char *what, const RdiffNames *o, const RdiffNames *n);

/* ---- declarations matched by id (diff_change.c) ------------------------------ */

/* How one kind of declaration is compared.  Only the user's declarations
 * count (not the prelude's).  One that only the old revision has is
 * removed, one that only the new one has is added; for one that both
 * have, its title, its other fields and its allows are compared. */
typedef struct RdiffKind {
    const char *list;   /* "goals": the subject of an order change; NULL: order is not reported */
    const char *title;  /* the field a changed title is reported as */
    bool material;      /* whether adding or removing one is material */
    bool allows;        /* whether its `allow`s are compared */
    /* Adds to w whom a change of declaration `id` concerns in model m, in
     * which it is d (NULL: m does not have it).  NULL: nobody named. */
    void (*who)(RdiffCtx *r, const Model *m, const char *id, const void *d, RdiffWho *w);
    /* Compares the other fields of o and n.  NULL: there are none. */
    void (*fields)(RdiffCtx *r, const char *subject, const void *o, const void *n,
                   const RdiffWho *w);
} RdiffKind;

void rdiff_decls(RdiffCtx *r, const RdiffKind *k, const void *const *ov, int on,
                 const void *const *nv, int nn);
#define RDIFF_DECLS(r, k, ovec, nvec)                                                 \
    rdiff_decls((r), (k), (const void *const *)(ovec).v, (ovec).n,                    \
                (const void *const *)(nvec).v, (nvec).n)
/* The user's declaration `id` of a list, or NULL. */
const void *rdiff_find(const void *const *v, int n, const char *id);
#define RDIFF_FIND(vec, id) rdiff_find((const void *const *)(vec).v, (vec).n, (id))
/* The ids of the user's declarations of a list. */
void rdiff_user_ids(RdiffCtx *r, const void *const *v, int n, RdiffNames *out);
#define RDIFF_USER_IDS(r, vec, out)                                                   \
    rdiff_user_ids((r), (const void *const *)(vec).v, (vec).n, (out))

#endif
