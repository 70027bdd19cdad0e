/* diff.h - what changed between two revisions of an agreement
 * (`charterc diff`).
 *
 * Compares two resolved models, declaration by declaration (matched by
 * kind and id), never the text.  Each change is `material` (it changes
 * what a partner owes or gets) or `editorial` (titles, descriptions,
 * comments, order, layout); docs/diff.md has the full table.  A material
 * change names the partners it affects: they must sign again. */
#ifndef CHARTER_DIFF_H
#define CHARTER_DIFF_H

#include <stdbool.h>

#include "arena.h"
#include "buf.h"
#include "model.h"

typedef enum RdiffMark { RD_ADDED, RD_CHANGED, RD_REMOVED } RdiffMark;

typedef struct RdiffChange {
    RdiffMark mark;
    bool material;
    const char *subject;        /* "partner globaltel", "governance", "file" */
    const char *field;          /* "commits", "title", ...; NULL: the declaration itself */
    const char *old_value;      /* as Charter writes it; NULL when there is none */
    const char *new_value;
    bool every_partner;         /* affects the whole partnership */
    VEC(const char *) partners; /* partner ids it affects, sorted, unique */
} RdiffChange;

typedef struct Rdiff {
    Arena *a;
    VEC(RdiffChange *) changes;     /* in a fixed order: agreement, agenda, partners, ... */
    const char *old_version, *new_version;  /* `version`, NULL when absent */
    int material, editorial;
    VEC(const char *) must_sign;    /* partners of the new revision, sorted */
    VEC(const char *) groups;       /* partner ids with material changes, sorted */
    bool any_every;                 /* some material change affects every partner */
    bool version_unchanged;         /* material changes under the same `version` */
} Rdiff;

/* The text a revision was compiled from, for the editorial changes the
 * model does not hold: comments (their text) and layout. */
typedef struct RdiffText {
    const char *text;
    size_t len;
    const char *const *comments;
    int ncomments;
} RdiffText;

/* Compares two models; changes live in `a`. */
void rdiff_compare(Rdiff *d, Arena *a, const Model *old, const Model *new_, const RdiffText *old_text,
                   const RdiffText *new_text);

/* Output: text (for a terminal), JSON (docs/diff.md), Markdown (for a
 * pull-request comment).  Names are shown as given. */
void rdiff_text(const Rdiff *d, Buf *out, const char *old_name, const char *new_name);
void rdiff_json(const Rdiff *d, Buf *out, const char *old_name, const char *new_name);
void rdiff_md(const Rdiff *d, Buf *out, const char *old_name, const char *new_name);

#endif
