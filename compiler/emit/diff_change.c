/* diff_change.c - values as Charter writes them, and the recording of
 * changes for `charterc diff`.  See diff_int.h.
 *
 * Lists of references (reporters, partners, backbone functions, ...) are
 * compared as sets, member by member; lists of values (commitments,
 * budgets, targets) are matched value by value, then by their key (unit,
 * provider, date), so that a changed amount reads as one `~` change.
 * Order is reported once per kind, as an editorial change. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "diff_int.h"
#include "exprtext.h"
#include "numtext.h"

/* ---- values as Charter writes them ------------------------------------------ */

bool rdiff_same(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* Numbers as the source writes them: 10_000_000, 2.5, -3. */
static void put_num(Buf *b, double v)
{
    num_put(b, v, NUM_SOURCE);
}

/* The text of a Buf, in the arena; frees the Buf. */
static const char *done(Arena *a, Buf *b)
{
    const char *r = arena_strdup(a, buf_cstr(b));
    buf_free(b);
    return r;
}

/* Quoted, with \" \\ \n \t escapes. */
const char *rdiff_str(Arena *a, const char *s)
{
    if (!s)
        return NULL;
    Buf b;
    buf_init(&b);
    buf_putc(&b, '"');
    for (; *s; s++) {
        switch (*s) {
        case '"': buf_puts(&b, "\\\""); break;
        case '\\': buf_puts(&b, "\\\\"); break;
        case '\n': buf_puts(&b, "\\n"); break;
        case '\t': buf_puts(&b, "\\t"); break;
        default: buf_putc(&b, *s);
        }
    }
    buf_putc(&b, '"');
    return done(a, &b);
}

const char *rdiff_date(Arena *a, int32_t d)
{
    if (d == DATE_NONE)
        return NULL;
    char buf[16];
    return arena_strdup(a, date_iso(d, buf));
}

const char *rdiff_period(Arena *a, int32_t lo, int32_t hi)
{
    if (lo == DATE_NONE || hi == DATE_NONE)
        return NULL;
    return arena_printf(a, "%s to %s", rdiff_date(a, lo), rdiff_date(a, hi));
}

const char *rdiff_dur(Arena *a, Duration d)
{
    if (d.n == 0)
        return NULL;
    char buf[48];
    return arena_strdup(a, duration_text(d, buf, sizeof buf));
}

const char *rdiff_qty(Arena *a, double v, const Unit *u)
{
    if (u && strcmp(u->d.id, "percent") == 0)
        return arena_printf(a, "%s%%", num_str(a, v, NUM_SOURCE));
    if (!u)
        return num_str(a, v, NUM_SOURCE);
    return arena_printf(a, "%s %s", num_str(a, v, NUM_SOURCE), u->d.id);
}

const char *rdiff_expr(Arena *a, const Expr *e)
{
    if (!e)
        return NULL;
    Buf b;
    buf_init(&b);
    exprtext_put(&b, e, put_num);
    return done(a, &b);
}

const char *rdiff_id(const void *decl)
{
    return decl ? ((const Decl *)decl)->id : NULL;
}

/* ---- recording changes ------------------------------------------------------ */

void rdiff_insert_sorted(Arena *a, void *vec, const char *id)
{
    VEC(const char *) *v = vec;
    int i = 0;
    while (i < v->n && strcmp(v->v[i], id) < 0)
        i++;
    if (i < v->n && strcmp(v->v[i], id) == 0)
        return;
    VEC_PUSH(a, *v, id);
    memmove(&v->v[i + 1], &v->v[i], sizeof v->v[0] * (size_t)(v->n - 1 - i));
    v->v[i] = id;
}

void rdiff_who_add(RdiffCtx *r, RdiffWho *w, const char *id)
{
    if (id)
        rdiff_insert_sorted(r->a, &w->ids, id);
}

void rdiff_change(RdiffCtx *r, RdiffMark mark, bool material, const char *subject,
                  const char *field, const char *ov, const char *nv, const RdiffWho *w)
{
    RdiffChange *c = arena_alloc(r->a, sizeof *c);
    c->mark = mark;
    c->material = material;
    c->subject = subject;
    c->field = field;
    c->old_value = ov;
    c->new_value = nv;
    if (material) {
        if (w) {
            c->every_partner = w->every;
            for (int i = 0; i < w->ids.n; i++)
                rdiff_insert_sorted(r->a, &c->partners, w->ids.v[i]);
        }
        if (c->partners.n == 0)
            c->every_partner = true;    /* nobody named: the whole partnership */
    }
    VEC_PUSH(r->a, r->d->changes, c);
}

void rdiff_add_remove(RdiffCtx *r, bool added, bool material, const char *subject,
                      const char *field, const char *text, const RdiffWho *w)
{
    rdiff_change(r, added ? RD_ADDED : RD_REMOVED, material, subject, field, added ? NULL : text,
                 added ? text : NULL, w);
}

void rdiff_scalar(RdiffCtx *r, bool material, const char *subject, const char *field,
                  const char *ov, const char *nv, const RdiffWho *w)
{
    if (rdiff_same(ov, nv))
        return;
    RdiffMark m = !ov ? RD_ADDED : !nv ? RD_REMOVED : RD_CHANGED;
    rdiff_change(r, m, material, subject, field, ov, nv, w);
}

void rdiff_string(RdiffCtx *r, bool material, const char *subject, const char *field,
                  const char *ov, const char *nv, const RdiffWho *w)
{
    rdiff_scalar(r, material, subject, field, rdiff_str(r->a, ov), rdiff_str(r->a, nv), w);
}

static bool has_name(const RdiffNames *v, const char *s)
{
    for (int i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return true;
    return false;
}

void rdiff_names(RdiffCtx *r, bool material, const char *subject, const char *field,
                 const RdiffNames *o, const RdiffNames *n, RdiffEach each, const RdiffWho *w)
{
    for (int pass = 0; pass < 2; pass++) {
        const RdiffNames *from = pass == 0 ? o : n, *other = pass == 0 ? n : o;
        for (int i = 0; i < from->n; i++) {
            if (has_name(other, from->v[i]))
                continue;
            RdiffWho one = {0};
            if (each == RDIFF_AUDIENCE && strcmp(from->v[i], "all") == 0)
                one.every = true;
            else if (each != RDIFF_W)
                rdiff_who_add(r, &one, from->v[i]);
            rdiff_add_remove(r, pass == 1, material, subject, field, from->v[i],
                             each == RDIFF_W ? w : &one);
        }
    }
}

static void ref_names(RdiffCtx *r, const Model *m, const void *const *v, int n, RdiffNames *out)
{
    for (int i = 0; i < n; i++)
        VEC_PUSH(r->a, *out, model_ref_name(r->a, m, v[i]));
}

void rdiff_refs(RdiffCtx *r, bool material, const char *subject, const char *field,
                const void *const *ov, int on, const void *const *nv, int nn, RdiffEach each,
                const RdiffWho *w)
{
    RdiffNames o = {0}, n = {0};
    ref_names(r, r->o, ov, on, &o);
    ref_names(r, r->n, nv, nn, &n);
    rdiff_names(r, material, subject, field, &o, &n, each, w);
}

void rdiff_item(RdiffCtx *r, RdiffItems *v, const char *key, const char *text)
{
    RdiffItem it = {key, text, false};
    VEC_PUSH(r->a, *v, it);
}

void rdiff_items(RdiffCtx *r, bool material, const char *subject, const char *field,
                 RdiffItems *o, RdiffItems *n, const RdiffWho *w)
{
    for (int i = 0; i < o->n; i++)
        for (int k = 0; k < n->n; k++)
            if (!n->v[k].used && strcmp(o->v[i].text, n->v[k].text) == 0) {
                o->v[i].used = n->v[k].used = true;
                break;
            }
    for (int i = 0; i < o->n; i++) {
        if (o->v[i].used)
            continue;
        for (int k = 0; k < n->n; k++)
            if (!n->v[k].used && strcmp(o->v[i].key, n->v[k].key) == 0) {
                o->v[i].used = n->v[k].used = true;
                rdiff_change(r, RD_CHANGED, material, subject, field, o->v[i].text,
                             n->v[k].text, w);
                break;
            }
    }
    for (int pass = 0; pass < 2; pass++) {
        const RdiffItems *v = pass ? n : o;
        for (int i = 0; i < v->n; i++)
            if (!v->v[i].used)
                rdiff_add_remove(r, pass == 1, material, subject, field, v->v[i].text, w);
    }
}

void rdiff_values(RdiffCtx *r, bool material, const char *subject, const char *field,
                  RdiffFill *fill, const void *o, const void *n, const RdiffWho *w)
{
    RdiffItems io = {0}, in = {0};
    fill(r, o, &io);
    fill(r, n, &in);
    rdiff_items(r, material, subject, field, &io, &in, w);
}

static void allow_items(RdiffCtx *r, const void *from, RdiffItems *out)
{
    const AllowList *l = from;
    for (int i = 0; l && i < l->n; i++)
        rdiff_item(r, out, l->v[i].check,
                   arena_printf(r->a, "%s %s", l->v[i].check, rdiff_str(r->a, l->v[i].reason)));
}

void rdiff_allows(RdiffCtx *r, const char *subject, const AllowList *o, const AllowList *n)
{
    rdiff_values(r, false, subject, "allow", allow_items, o, n, NULL);
}

static const char *joined(Arena *a, const RdiffNames *v)
{
    Buf b;
    buf_init(&b);
    for (int i = 0; i < v->n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", v->v[i]);
    return done(a, &b);
}

void rdiff_order(RdiffCtx *r, const char *what, const RdiffNames *o, const RdiffNames *n)
{
    RdiffNames co = {0}, cn = {0};
    for (int i = 0; i < o->n; i++)
        if (has_name(n, o->v[i]))
            VEC_PUSH(r->a, co, o->v[i]);
    for (int i = 0; i < n->n; i++)
        if (has_name(o, n->v[i]))
            VEC_PUSH(r->a, cn, n->v[i]);
    bool same = co.n == cn.n;
    for (int i = 0; same && i < co.n; i++)
        same = strcmp(co.v[i], cn.v[i]) == 0;
    if (!same)
        rdiff_change(r, RD_CHANGED, false, what, "order", joined(r->a, &co), joined(r->a, &cn),
                     NULL);
}

/* ---- declarations matched by id ---------------------------------------------- */

const void *rdiff_find(const void *const *v, int n, const char *id)
{
    for (int i = 0; i < n; i++) {
        const Decl *d = v[i];
        if (!d->is_std && strcmp(d->id, id) == 0)
            return d;
    }
    return NULL;
}

void rdiff_user_ids(RdiffCtx *r, const void *const *v, int n, RdiffNames *out)
{
    for (int i = 0; i < n; i++) {
        const Decl *d = v[i];
        if (!d->is_std)
            VEC_PUSH(r->a, *out, d->id);
    }
}

static void who_both(RdiffCtx *r, const RdiffKind *k, const char *id, const Decl *o,
                     const Decl *n, RdiffWho *w)
{
    if (k->who) {
        k->who(r, r->o, id, o, w);
        k->who(r, r->n, id, n, w);
    }
}

void rdiff_decls(RdiffCtx *r, const RdiffKind *k, const void *const *ov, int on,
                 const void *const *nv, int nn)
{
    RdiffNames io = {0}, in = {0};
    rdiff_user_ids(r, ov, on, &io);
    rdiff_user_ids(r, nv, nn, &in);
    for (int i = 0; i < io.n; i++) {
        const Decl *o = rdiff_find(ov, on, io.v[i]), *n = rdiff_find(nv, nn, io.v[i]);
        RdiffWho w = {0};
        who_both(r, k, io.v[i], o, n, &w);
        if (!n) {
            rdiff_add_remove(r, false, k->material, model_decl_subject(r->a, o), NULL,
                             rdiff_str(r->a, o->title), &w);
            continue;
        }
        const char *subj = model_decl_subject(r->a, n);
        rdiff_string(r, false, subj, k->title, o->title, n->title, NULL);
        if (k->fields)
            k->fields(r, subj, o, n, &w);
        if (k->allows)
            rdiff_allows(r, subj, &o->allows, &n->allows);
    }
    for (int i = 0; i < in.n; i++) {
        if (rdiff_find(ov, on, in.v[i]))
            continue;
        const Decl *n = rdiff_find(nv, nn, in.v[i]);
        RdiffWho w = {0};
        who_both(r, k, in.v[i], NULL, n, &w);
        rdiff_add_remove(r, true, k->material, model_decl_subject(r->a, n), NULL,
                         rdiff_str(r->a, n->title), &w);
    }
    if (k->list)
        rdiff_order(r, k->list, &io, &in);
}
