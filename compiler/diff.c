/* diff.c - comparing two revisions of an agreement.  See diff.h.
 *
 * Declarations are matched by kind and id; a renamed declaration is one
 * removed and one added.  Lists of references (reporters, partners,
 * backbone functions, ...) are compared as sets, member by member; lists
 * of values (commitments, budgets, targets) are matched value by value,
 * then by their key (unit, provider, date), so that a changed amount
 * reads as one `~` change.  Order is reported once per kind, as an
 * editorial change.
 *
 * Who a material change affects (docs/diff.md): the partner a partner's
 * own statement belongs to; the reporters of an indicator; the lead,
 * partners and budget providers of an activity; the owner of a milestone;
 * the partners of a tension or a meeting; and every partner for the
 * agreement's terms, governance, and anything with nobody named. */
#include "diff.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exprtext.h"

typedef struct Rd {
    Arena *a;
    Rdiff *d;
    const Model *o, *n;
} Rd;

/* The partners a change affects. */
typedef struct Who {
    bool every;
    VEC(const char *) ids;
} Who;

/* ---- values as Charter writes them ------------------------------------ */

static bool same_str(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* Numbers as the source writes them: 10_000_000, 2.5, -3. */
static void put_num(Buf *b, double v)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        char digits[32];
        snprintf(digits, sizeof digits, "%.0f", fabs(v));
        size_t n = strlen(digits);
        if (v < 0)
            buf_putc(b, '-');
        for (size_t i = 0; i < n; i++) {
            if (i > 0 && n >= 4 && (n - i) % 3 == 0)
                buf_putc(b, '_');
            buf_putc(b, digits[i]);
        }
        return;
    }
    buf_printf(b, "%.15g", v);
}

static const char *num_text(Arena *a, double v)
{
    Buf b;
    buf_init(&b);
    put_num(&b, v);
    const char *r = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return r;
}

/* A string as a Charter literal: quoted, with \" \\ \n \t escapes. */
static const char *str_text(Arena *a, const char *s)
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
    const char *r = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return r;
}

static const char *date_text(Arena *a, int32_t d)
{
    if (d == DATE_NONE)
        return NULL;
    char buf[16];
    return arena_strdup(a, date_iso(d, buf));
}

static const char *period_text(Arena *a, int32_t lo, int32_t hi)
{
    if (lo == DATE_NONE || hi == DATE_NONE)
        return NULL;
    return arena_printf(a, "%s to %s", date_text(a, lo), date_text(a, hi));
}

static const char *dur_text(Arena *a, Duration d)
{
    if (d.n == 0)
        return NULL;
    char buf[48];
    return arena_strdup(a, duration_text(d, buf, sizeof buf));
}

static bool is_percent(const Unit *u)
{
    return u && strcmp(u->d.id, "percent") == 0;
}

static const char *qty_text(Arena *a, double v, const Unit *u)
{
    if (is_percent(u))
        return arena_printf(a, "%s%%", num_text(a, v));
    if (!u)
        return num_text(a, v);
    return arena_printf(a, "%s %s", num_text(a, v), u->d.id);
}

static const char *expr_text(Arena *a, const Expr *e)
{
    if (!e)
        return NULL;
    Buf b;
    buf_init(&b);
    exprtext_put(&b, e, put_num);
    const char *r = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return r;
}

/* ---- recording changes --------------------------------------------------- */

static void insert_sorted(Arena *a, void *vec, const char *id)
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

static void who_add(Rd *r, Who *w, const char *id)
{
    if (id)
        insert_sorted(r->a, &w->ids, id);
}

static void who_partner(Rd *r, Who *w, const Partner *p)
{
    if (p)
        who_add(r, w, p->d.id);
}

#define WHO_LIST(r, w, vec)                                                     \
    do {                                                                        \
        for (int i_ = 0; i_ < (vec).n; i_++)                                    \
            who_partner((r), (w), (vec).v[i_]);                                 \
    } while (0)

static RdiffChange *change(Rd *r, RdiffMark mark, bool material, const char *subject,
                           const char *field, const char *ov, const char *nv, const Who *w)
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
                insert_sorted(r->a, &c->partners, w->ids.v[i]);
        }
        if (c->partners.n == 0)
            c->every_partner = true;    /* nobody named: the whole partnership */
    }
    VEC_PUSH(r->a, r->d->changes, c);
    return c;
}

/* A single value that may be absent on either side. */
static void scalar(Rd *r, bool material, const char *subject, const char *field, const char *ov,
                   const char *nv, const Who *w)
{
    if (same_str(ov, nv))
        return;
    RdiffMark m = !ov ? RD_ADDED : !nv ? RD_REMOVED : RD_CHANGED;
    change(r, m, material, subject, field, ov, nv, w);
}

/* Two sets of names, member by member.  With `partners`, each member is a
 * partner and the change affects that partner; otherwise `w`. */
typedef VEC(const char *) Names;

static bool has_name(const Names *v, const char *s)
{
    for (int i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return true;
    return false;
}

static void name_set(Rd *r, bool material, const char *subject, const char *field, const Names *o,
                     const Names *n, bool partners, const Who *w)
{
    for (int pass = 0; pass < 2; pass++) {
        const Names *from = pass == 0 ? o : n, *other = pass == 0 ? n : o;
        for (int i = 0; i < from->n; i++) {
            if (has_name(other, from->v[i]))
                continue;
            Who one = {0};
            if (partners)
                who_add(r, &one, from->v[i]);
            change(r, pass == 0 ? RD_REMOVED : RD_ADDED, material, subject, field,
                   pass == 0 ? from->v[i] : NULL, pass == 0 ? NULL : from->v[i],
                   partners ? &one : w);
        }
    }
}

#define NAMES(r, m, vec, out)                                                   \
    do {                                                                        \
        for (int i_ = 0; i_ < (vec).n; i_++)                                    \
            VEC_PUSH((r)->a, (out), model_ref_name((r)->a, (m), &(vec).v[i_]->d));    \
    } while (0)

/* Lists of values (commitments, budgets, targets): each value is a text
 * and a key; equal texts match first, then equal keys pair up as `~`. */
typedef struct Item {
    const char *key, *text;
    bool used;
} Item;

typedef VEC(Item) Items;

static void item(Rd *r, Items *v, const char *key, const char *text)
{
    Item it = {key, text, false};
    VEC_PUSH(r->a, *v, it);
}

static void item_set(Rd *r, bool material, const char *subject, const char *field, Items *o,
                     Items *n, const Who *w)
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
                change(r, RD_CHANGED, material, subject, field, o->v[i].text, n->v[k].text, w);
                break;
            }
    }
    for (int i = 0; i < o->n; i++)
        if (!o->v[i].used)
            change(r, RD_REMOVED, material, subject, field, o->v[i].text, NULL, w);
    for (int k = 0; k < n->n; k++)
        if (!n->v[k].used)
            change(r, RD_ADDED, material, subject, field, NULL, n->v[k].text, w);
}

/* The relative order of the ids both revisions have. */
static void order(Rd *r, const char *what, const Names *o, const Names *n)
{
    Names co = {0}, cn = {0};
    for (int i = 0; i < o->n; i++)
        if (has_name(n, o->v[i]))
            VEC_PUSH(r->a, co, o->v[i]);
    for (int i = 0; i < n->n; i++)
        if (has_name(o, n->v[i]))
            VEC_PUSH(r->a, cn, n->v[i]);
    bool same = co.n == cn.n;
    for (int i = 0; same && i < co.n; i++)
        same = strcmp(co.v[i], cn.v[i]) == 0;
    if (same)
        return;
    Buf a, b;
    buf_init(&a);
    buf_init(&b);
    for (int i = 0; i < co.n; i++)
        buf_printf(&a, "%s%s", i ? ", " : "", co.v[i]);
    for (int i = 0; i < cn.n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", cn.v[i]);
    change(r, RD_CHANGED, false, what, "order", arena_strdup(r->a, buf_cstr(&a)),
           arena_strdup(r->a, buf_cstr(&b)), NULL);
    buf_free(&a);
    buf_free(&b);
}

/* User declarations of a list (the prelude's are skipped). */
#define USER_IDS(r, vec, out)                                                   \
    do {                                                                        \
        for (int i_ = 0; i_ < (vec).n; i_++)                                    \
            if (!(vec).v[i_]->d.is_std)                                         \
                VEC_PUSH((r)->a, (out), (vec).v[i_]->d.id);                     \
    } while (0)

static const void *find_decl(const void *const *v, int n, const char *id)
{
    for (int i = 0; i < n; i++) {
        const Decl *d = v[i];
        if (!d->is_std && strcmp(d->id, id) == 0)
            return d;
    }
    return NULL;
}

#define FIND(vec, id) find_decl((const void *const *)(vec).v, (vec).n, (id))

/* Allows: (check, reason) pairs, editorial. */
static void allows(Rd *r, const char *subject, const AllowList *o, const AllowList *n)
{
    Items io = {0}, in = {0};
    for (int i = 0; o && i < o->n; i++)
        item(r, &io, o->v[i].check,
             arena_printf(r->a, "%s %s", o->v[i].check, str_text(r->a, o->v[i].reason)));
    for (int i = 0; n && i < n->n; i++)
        item(r, &in, n->v[i].check,
             arena_printf(r->a, "%s %s", n->v[i].check, str_text(r->a, n->v[i].reason)));
    item_set(r, false, subject, "allow", &io, &in, NULL);
}

/* ---- declarations, kind by kind ------------------------------------------- */

static void agreement(Rd *r)
{
    const Agreement *o = r->o->agreement, *n = r->n->agreement;
    if (!o || !n)
        return;
    const char *subj = n->d.subject;
    Who all = {.every = true};
    if (strcmp(o->d.id, n->d.id) != 0)
        change(r, RD_CHANGED, false, subj, "id", o->d.id, n->d.id, NULL);
    scalar(r, false, subj, "title", str_text(r->a, o->d.title), str_text(r->a, n->d.title), NULL);
    scalar(r, false, subj, "version", str_text(r->a, o->version), str_text(r->a, n->version), NULL);
    scalar(r, true, subj, "term", period_text(r->a, o->term_start, o->term_end),
           period_text(r->a, n->term_start, n->term_end), &all);
    scalar(r, true, subj, "lead", o->lead ? model_ref_name(r->a, r->o, &o->lead->d) : NULL,
           n->lead ? model_ref_name(r->a, r->n, &n->lead->d) : NULL, &all);
    scalar(r, false, subj, "scope", str_text(r->a, o->scope), str_text(r->a, n->scope), NULL);
    scalar(r, true, subj, "amendment", str_text(r->a, o->amendment), str_text(r->a, n->amendment),
           &all);
    scalar(r, true, subj, "withdrawal",
           o->withdrawal.n ? arena_printf(r->a, "%s notice", dur_text(r->a, o->withdrawal)) : NULL,
           n->withdrawal.n ? arena_printf(r->a, "%s notice", dur_text(r->a, n->withdrawal)) : NULL,
           &all);
    scalar(r, true, subj, "nested_in", o->nested_in ? o->nested_in->d.id : NULL,
           n->nested_in ? n->nested_in->d.id : NULL, &all);
    allows(r, subj, &o->d.allows, &n->d.allows);
}

static void agenda(Rd *r)
{
    const Model *o = r->o, *n = r->n;
    scalar(r, false, "agenda", "vision", str_text(r->a, o->vision), str_text(r->a, n->vision), NULL);
    scalar(r, false, "agenda", "problem", str_text(r->a, o->problem), str_text(r->a, n->problem), NULL);
    Items io = {0}, in = {0};
    for (int i = 0; i < o->principles.n; i++)
        item(r, &io, "", str_text(r->a, o->principles.v[i]));
    for (int i = 0; i < n->principles.n; i++)
        item(r, &in, "", str_text(r->a, n->principles.v[i]));
    /* Principles have no key: unmatched ones are removed and added. */
    for (int i = 0; i < io.n; i++)
        io.v[i].key = arena_printf(r->a, "old %d", i);
    for (int i = 0; i < in.n; i++)
        in.v[i].key = arena_printf(r->a, "new %d", i);
    item_set(r, false, "agenda", "principle", &io, &in, NULL);
    /* Needs: the spectrum the partnership addresses, a description. */
    Names no = {0}, nn = {0};
    USER_IDS(r, o->needs, no);
    USER_IDS(r, n->needs, nn);
    for (int i = 0; i < no.n; i++) {
        const Need *x = FIND(o->needs, no.v[i]), *y = FIND(n->needs, no.v[i]);
        if (!y)
            change(r, RD_REMOVED, false, x->d.subject, NULL,
                   str_text(r->a, x->d.title), NULL, NULL);
        else
            scalar(r, false, y->d.subject, "text", str_text(r->a, x->d.title),
                   str_text(r->a, y->d.title), NULL);
    }
    for (int i = 0; i < nn.n; i++)
        if (!FIND(o->needs, nn.v[i])) {
            const Need *y = FIND(n->needs, nn.v[i]);
            change(r, RD_ADDED, false, y->d.subject, NULL, NULL, str_text(r->a, y->d.title), NULL);
        }
    order(r, "needs", &no, &nn);
}

static void incentives(Rd *r, const char *subj, const Partner *o, const Partner *n, const Who *w)
{
    for (int pass = 0; pass < 2; pass++) {
        const Partner *from = pass ? n : o, *other = pass ? o : n;
        for (int i = 0; i < from->incentives.n; i++) {
            const Incentive *x = from->incentives.v[i], *y = NULL;
            for (int k = 0; k < other->incentives.n; k++)
                if (strcmp(other->incentives.v[k]->id, x->id) == 0)
                    y = other->incentives.v[k];
            const char *field = arena_printf(r->a, "incentive %s", x->id);
            if (!y) {
                const char *t = str_text(r->a, x->text);
                change(r, pass ? RD_ADDED : RD_REMOVED, true, subj, field, pass ? NULL : t,
                       pass ? t : NULL, w);
                continue;
            }
            if (pass)
                continue;
            scalar(r, false, subj, field, str_text(r->a, x->text), str_text(r->a, y->text), NULL);
            Items io = {0}, in = {0};
            for (int k = 0; k < x->wants.n; k++)
                item(r, &io, x->wants.v[k].interest,
                     arena_printf(r->a, "interest %s wants %s", x->wants.v[k].interest,
                                  x->wants.v[k].dir > 0 ? "more" : "less"));
            for (int k = 0; k < y->wants.n; k++)
                item(r, &in, y->wants.v[k].interest,
                     arena_printf(r->a, "interest %s wants %s", y->wants.v[k].interest,
                                  y->wants.v[k].dir > 0 ? "more" : "less"));
            item_set(r, true, subj, field, &io, &in, w);
        }
    }
}

static void commits(Rd *r, Items *v, const Partner *p)
{
    for (int i = 0; i < p->commits.n; i++) {
        const Quantity *q = &p->commits.v[i];
        item(r, v, q->unit ? q->unit->d.id : "", qty_text(r->a, q->value, q->unit));
    }
}

static void partners(Rd *r)
{
    Names no = {0}, nn = {0};
    USER_IDS(r, r->o->partners, no);
    USER_IDS(r, r->n->partners, nn);
    Who all = {.every = true};
    for (int i = 0; i < no.n; i++) {
        const Partner *o = FIND(r->o->partners, no.v[i]), *n = FIND(r->n->partners, no.v[i]);
        if (!n) {
            Who w = {.every = true};
            who_add(r, &w, o->d.id);
            change(r, RD_REMOVED, true, o->d.subject, NULL, str_text(r->a, o->d.title), NULL, &w);
            continue;
        }
        const char *subj = n->d.subject;
        Who w = {0};
        who_add(r, &w, n->d.id);
        scalar(r, false, subj, "title", str_text(r->a, o->d.title), str_text(r->a, n->d.title), NULL);
        scalar(r, false, subj, "sector", o->sector ? o->sector->d.id : NULL,
               n->sector ? n->sector->d.id : NULL, NULL);
        scalar(r, false, subj, "level", o->level ? o->level->d.id : NULL,
               n->level ? n->level->d.id : NULL, NULL);
        scalar(r, true, subj, "signatory", str_text(r->a, o->signatory),
               str_text(r->a, n->signatory), &w);
        Names bo = {0}, bn = {0};
        NAMES(r, r->o, o->backbone, bo);
        NAMES(r, r->n, n->backbone, bn);
        name_set(r, true, subj, "backbone", &bo, &bn, false, &w);
        scalar(r, true, subj, "coordinator", str_text(r->a, o->coordinator),
               str_text(r->a, n->coordinator), &w);
        Items co = {0}, cn = {0};
        commits(r, &co, o);
        commits(r, &cn, n);
        item_set(r, true, subj, "commits", &co, &cn, &w);
        incentives(r, subj, o, n, &w);
        allows(r, subj, &o->d.allows, &n->d.allows);
    }
    for (int i = 0; i < nn.n; i++)
        if (!FIND(r->o->partners, nn.v[i])) {
            const Partner *n = FIND(r->n->partners, nn.v[i]);
            change(r, RD_ADDED, true, n->d.subject, NULL, NULL, str_text(r->a, n->d.title), &all);
        }
    order(r, "partners", &no, &nn);
}

/* Tensions have no id: they are matched by interest, and among tensions
 * on the same interest by their place. */
static const char *tension_key(Rd *r, const Model *m, int i)
{
    const Tension *t = m->tensions.v[i];
    int nth = 0;
    for (int k = 0; k < i; k++)
        nth += strcmp(m->tensions.v[k]->interest, t->interest) == 0;
    return nth ? arena_printf(r->a, "tension %s (%d)", t->interest, nth + 1)
               : arena_printf(r->a, "tension %s", t->interest);
}

static const Tension *find_tension(Rd *r, const Model *m, const char *key)
{
    for (int i = 0; i < m->tensions.n; i++)
        if (strcmp(tension_key(r, m, i), key) == 0)
            return m->tensions.v[i];
    return NULL;
}

static void tensions(Rd *r)
{
    for (int pass = 0; pass < 2; pass++) {
        const Model *from = pass ? r->n : r->o, *other = pass ? r->o : r->n;
        for (int i = 0; i < from->tensions.n; i++) {
            const char *key = tension_key(r, from, i);
            const Tension *x = from->tensions.v[i], *y = find_tension(r, other, key);
            Who w = {0};
            WHO_LIST(r, &w, x->partners);
            if (y)
                WHO_LIST(r, &w, y->partners);
            if (!y) {
                Buf b;
                buf_init(&b);
                buf_puts(&b, "between ");
                for (int k = 0; k < x->partners.n; k++)
                    buf_printf(&b, "%s%s", k ? ", " : "", x->partners.v[k]->d.id);
                const char *t = arena_strdup(r->a, buf_cstr(&b));
                buf_free(&b);
                change(r, pass ? RD_ADDED : RD_REMOVED, true, key, NULL, pass ? NULL : t,
                       pass ? t : NULL, &w);
                continue;
            }
            if (pass)
                continue;
            Names po = {0}, pn = {0};
            NAMES(r, r->o, x->partners, po);
            NAMES(r, r->n, y->partners, pn);
            name_set(r, true, key, "between", &po, &pn, true, NULL);
            scalar(r, true, key, "resolution", str_text(r->a, x->resolution),
                   str_text(r->a, y->resolution), &w);
            allows(r, key, &x->allows, &y->allows);
        }
    }
}

/* Who is concerned by a goal: the partners of the activities that support
 * it and the reporters of its indicators, in both revisions. */
static void goal_who(Rd *r, const Model *m, const char *id, Who *w)
{
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *ac = m->activities.v[i];
        for (int k = 0; k < ac->supports.n; k++)
            if (strcmp(ac->supports.v[k]->d.id, id) == 0) {
                who_partner(r, w, ac->lead);
                WHO_LIST(r, w, ac->partners);
            }
    }
    const Goal *g = FIND(m->goals, id);
    for (int i = 0; g && i < g->measured_by.n; i++)
        WHO_LIST(r, w, g->measured_by.v[i]->reporters);
}

static void goals(Rd *r)
{
    Names no = {0}, nn = {0};
    USER_IDS(r, r->o->goals, no);
    USER_IDS(r, r->n->goals, nn);
    for (int pass = 0; pass < 2; pass++) {
        const Names *ids = pass ? &nn : &no;
        for (int i = 0; i < ids->n; i++) {
            const Goal *o = FIND(r->o->goals, ids->v[i]), *n = FIND(r->n->goals, ids->v[i]);
            Who w = {0};
            goal_who(r, r->o, ids->v[i], &w);
            goal_who(r, r->n, ids->v[i], &w);
            if (!o || !n) {
                if ((pass == 0) == (n == NULL)) {
                    const Goal *g = o ? o : n;
                    const char *t = str_text(r->a, g->d.title);
                    change(r, o ? RD_REMOVED : RD_ADDED, true, g->d.subject, NULL, o ? t : NULL,
                           o ? NULL : t, &w);
                }
                continue;
            }
            if (pass)
                continue;
            const char *subj = n->d.subject;
            scalar(r, false, subj, "title", str_text(r->a, o->d.title), str_text(r->a, n->d.title),
                   NULL);
            scalar(r, true, subj, "by", date_text(r->a, o->by), date_text(r->a, n->by), &w);
            Names mo = {0}, mn = {0};
            NAMES(r, r->o, o->measured_by, mo);
            NAMES(r, r->n, n->measured_by, mn);
            name_set(r, true, subj, "measured_by", &mo, &mn, false, &w);
            allows(r, subj, &o->d.allows, &n->d.allows);
        }
    }
    order(r, "goals", &no, &nn);
}

static const char *target_text(Rd *r, const Target *t, const Unit *u)
{
    return arena_printf(r->a, "%s by %s", is_percent(u) ? qty_text(r->a, t->value, u)
                                                        : num_text(r->a, t->value),
                        date_text(r->a, t->date));
}

static const char *baseline_text(Rd *r, const Indicator *x)
{
    if (!x->has_baseline)
        return NULL;
    return arena_printf(r->a, "%s on %s",
                        is_percent(x->unit) ? qty_text(r->a, x->baseline, x->unit)
                                            : num_text(r->a, x->baseline),
                        date_text(r->a, x->baseline_date));
}

static const char *frequency_text(Rd *r, Duration d)
{
    if (d.n == 0)
        return NULL;
    char buf[64];
    return arena_strdup(r->a, duration_frequency(d, buf, sizeof buf));
}

static void indicators(Rd *r)
{
    static const char *values[] = {NULL, "cumulative", "per_period"};
    static const char *combine[] = {"sum", "mean", "min", "max", "latest"};
    Names no = {0}, nn = {0};
    USER_IDS(r, r->o->indicators, no);
    USER_IDS(r, r->n->indicators, nn);
    for (int pass = 0; pass < 2; pass++) {
        const Names *ids = pass ? &nn : &no;
        for (int i = 0; i < ids->n; i++) {
            const Indicator *o = FIND(r->o->indicators, ids->v[i]);
            const Indicator *n = FIND(r->n->indicators, ids->v[i]);
            Who w = {0};
            if (o)
                WHO_LIST(r, &w, o->reporters);
            if (n)
                WHO_LIST(r, &w, n->reporters);
            if (!o || !n) {
                if ((pass == 0) == (n == NULL)) {
                    const Indicator *x = o ? o : n;
                    const char *t = str_text(r->a, x->d.title);
                    change(r, o ? RD_REMOVED : RD_ADDED, true, x->d.subject, NULL, o ? t : NULL,
                           o ? NULL : t, &w);
                }
                continue;
            }
            if (pass)
                continue;
            const char *subj = n->d.subject;
            scalar(r, false, subj, "title", str_text(r->a, o->d.title), str_text(r->a, n->d.title),
                   NULL);
            scalar(r, true, subj, "unit", o->unit ? o->unit->d.id : NULL,
                   n->unit ? n->unit->d.id : NULL, &w);
            scalar(r, true, subj, "direction",
                   o->direction ? (o->direction > 0 ? "up" : "down") : NULL,
                   n->direction ? (n->direction > 0 ? "up" : "down") : NULL, &w);
            scalar(r, true, subj, "baseline", baseline_text(r, o), baseline_text(r, n), &w);
            Items to = {0}, tn = {0};
            for (int k = 0; k < o->targets.n; k++)
                item(r, &to, date_text(r->a, o->targets.v[k].date),
                     target_text(r, &o->targets.v[k], o->unit));
            for (int k = 0; k < n->targets.n; k++)
                item(r, &tn, date_text(r->a, n->targets.v[k].date),
                     target_text(r, &n->targets.v[k], n->unit));
            item_set(r, true, subj, "target", &to, &tn, &w);
            scalar(r, true, subj, "frequency", frequency_text(r, o->frequency),
                   frequency_text(r, n->frequency), &w);
            Names ro = {0}, rn = {0};
            NAMES(r, r->o, o->reporters, ro);
            NAMES(r, r->n, n->reporters, rn);
            name_set(r, true, subj, "reported_by", &ro, &rn, true, NULL);
            scalar(r, false, subj, "source", str_text(r->a, o->source), str_text(r->a, n->source),
                   NULL);
            scalar(r, true, subj, "values", values[o->values], values[n->values], &w);
            scalar(r, true, subj, "combine", o->combine_set ? combine[o->combine] : NULL,
                   n->combine_set ? combine[n->combine] : NULL, &w);
            Names dmo = {0}, dmn = {0};
            NAMES(r, r->o, o->dims, dmo);
            NAMES(r, r->n, n->dims, dmn);
            name_set(r, true, subj, "disaggregated_by", &dmo, &dmn, false, &w);
            scalar(r, true, subj, "personal_data", o->personal_data ? "yes" : "no",
                   n->personal_data ? "yes" : "no", &w);
            scalar(r, true, subj, "formula", expr_text(r->a, o->formula),
                   expr_text(r->a, n->formula), &w);
            scalar(r, true, subj, "contributes_to",
                   o->contributes_to ? model_ref_name(r->a, r->o, &o->contributes_to->d) : NULL,
                   n->contributes_to ? model_ref_name(r->a, r->n, &n->contributes_to->d) : NULL, &w);
            allows(r, subj, &o->d.allows, &n->d.allows);
        }
    }
    order(r, "indicators", &no, &nn);
}

static void dimensions(Rd *r)
{
    Names no = {0}, nn = {0};
    USER_IDS(r, r->o->dimensions, no);
    USER_IDS(r, r->n->dimensions, nn);
    for (int pass = 0; pass < 2; pass++) {
        const Names *ids = pass ? &nn : &no;
        for (int i = 0; i < ids->n; i++) {
            const Dimension *o = FIND(r->o->dimensions, ids->v[i]);
            const Dimension *n = FIND(r->n->dimensions, ids->v[i]);
            if (!o || !n) {
                /* Whether an indicator reports by it is a change of that
                 * indicator; the dimension itself is vocabulary. */
                if ((pass == 0) == (n == NULL)) {
                    const Dimension *x = o ? o : n;
                    const char *t = str_text(r->a, x->d.title);
                    change(r, o ? RD_REMOVED : RD_ADDED, false, x->d.subject, NULL, o ? t : NULL,
                           o ? NULL : t, NULL);
                }
                continue;
            }
            if (pass)
                continue;
            const char *subj = n->d.subject;
            scalar(r, false, subj, "title", str_text(r->a, o->d.title), str_text(r->a, n->d.title),
                   NULL);
            /* Its values are what the reporters of the indicators broken
             * down by it must report. */
            Who w = {0};
            bool used = false;
            for (int k = 0; k < r->n->indicators.n; k++) {
                const Indicator *ind = r->n->indicators.v[k];
                for (int j = 0; j < ind->dims.n; j++)
                    if (ind->dims.v[j] == n) {
                        used = true;
                        WHO_LIST(r, &w, ind->reporters);
                    }
            }
            Names vo = {0}, vn = {0};
            for (int k = 0; k < o->values.n; k++)
                VEC_PUSH(r->a, vo, o->values.v[k]);
            for (int k = 0; k < n->values.n; k++)
                VEC_PUSH(r->a, vn, n->values.v[k]);
            name_set(r, used, subj, "value", &vo, &vn, false, &w);
            allows(r, subj, &o->d.allows, &n->d.allows);
        }
    }
    order(r, "dimensions", &no, &nn);
}

static void budgets(Rd *r, Items *v, const Activity *ac)
{
    for (int i = 0; i < ac->budgets.n; i++) {
        const Budget *b = &ac->budgets.v[i];
        const char *q = qty_text(r->a, b->q.value, b->q.unit);
        const char *from = b->from ? b->from->d.id : NULL;
        item(r, v,
             arena_printf(r->a, "%s from %s", b->q.unit ? b->q.unit->d.id : "", from ? from : ""),
             from ? arena_printf(r->a, "%s from %s", q, from) : q);
    }
}

static void activity_who(Rd *r, const Activity *ac, Who *w)
{
    who_partner(r, w, ac->lead);
    WHO_LIST(r, w, ac->partners);
    for (int i = 0; i < ac->budgets.n; i++)
        who_partner(r, w, ac->budgets.v[i].from);
}

static void activities(Rd *r)
{
    Names no = {0}, nn = {0};
    USER_IDS(r, r->o->activities, no);
    USER_IDS(r, r->n->activities, nn);
    for (int pass = 0; pass < 2; pass++) {
        const Names *ids = pass ? &nn : &no;
        for (int i = 0; i < ids->n; i++) {
            const Activity *o = FIND(r->o->activities, ids->v[i]);
            const Activity *n = FIND(r->n->activities, ids->v[i]);
            Who w = {0};
            if (o)
                activity_who(r, o, &w);
            if (n)
                activity_who(r, n, &w);
            if (!o || !n) {
                if ((pass == 0) == (n == NULL)) {
                    const Activity *x = o ? o : n;
                    const char *t = str_text(r->a, x->d.title);
                    change(r, o ? RD_REMOVED : RD_ADDED, true, x->d.subject, NULL, o ? t : NULL,
                           o ? NULL : t, &w);
                }
                continue;
            }
            if (pass)
                continue;
            const char *subj = n->d.subject;
            scalar(r, false, subj, "title", str_text(r->a, o->d.title), str_text(r->a, n->d.title),
                   NULL);
            Who lw = {0};
            who_partner(r, &lw, o->lead);
            who_partner(r, &lw, n->lead);
            scalar(r, true, subj, "lead", o->lead ? o->lead->d.id : NULL,
                   n->lead ? n->lead->d.id : NULL, &lw);
            Names po = {0}, pn = {0};
            NAMES(r, r->o, o->partners, po);
            NAMES(r, r->n, n->partners, pn);
            name_set(r, true, subj, "partners", &po, &pn, true, NULL);
            Names so = {0}, sn = {0};
            NAMES(r, r->o, o->supports, so);
            NAMES(r, r->n, n->supports, sn);
            name_set(r, true, subj, "supports", &so, &sn, false, &w);
            Names ao = {0}, an = {0};
            NAMES(r, r->o, o->addresses, ao);
            NAMES(r, r->n, n->addresses, an);
            name_set(r, true, subj, "addresses", &ao, &an, false, &w);
            Names cwo = {0}, cwn = {0};
            NAMES(r, r->o, o->coordinates_with, cwo);
            NAMES(r, r->n, n->coordinates_with, cwn);
            name_set(r, true, subj, "coordinates_with", &cwo, &cwn, false, &w);
            scalar(r, true, subj, "period", period_text(r->a, o->start, o->end),
                   period_text(r->a, n->start, n->end), &w);
            /* A budget concerns the activity's lead and its provider. */
            Items bo = {0}, bn = {0};
            budgets(r, &bo, o);
            budgets(r, &bn, n);
            Who bw = {0};
            who_partner(r, &bw, o->lead);
            who_partner(r, &bw, n->lead);
            for (int k = 0; k < o->budgets.n; k++)
                who_partner(r, &bw, o->budgets.v[k].from);
            for (int k = 0; k < n->budgets.n; k++)
                who_partner(r, &bw, n->budgets.v[k].from);
            item_set(r, true, subj, "budget", &bo, &bn, &bw);
            allows(r, subj, &o->d.allows, &n->d.allows);
        }
    }
    order(r, "activities", &no, &nn);
}

static void milestones(Rd *r)
{
    Names no = {0}, nn = {0};
    USER_IDS(r, r->o->milestones, no);
    USER_IDS(r, r->n->milestones, nn);
    for (int pass = 0; pass < 2; pass++) {
        const Names *ids = pass ? &nn : &no;
        for (int i = 0; i < ids->n; i++) {
            const Milestone *o = FIND(r->o->milestones, ids->v[i]);
            const Milestone *n = FIND(r->n->milestones, ids->v[i]);
            Who w = {0};
            if (o)
                who_partner(r, &w, o->owner);
            if (n)
                who_partner(r, &w, n->owner);
            if (!o || !n) {
                if ((pass == 0) == (n == NULL)) {
                    const Milestone *x = o ? o : n;
                    const char *t = str_text(r->a, x->d.title);
                    change(r, o ? RD_REMOVED : RD_ADDED, true, x->d.subject, NULL, o ? t : NULL,
                           o ? NULL : t, &w);
                }
                continue;
            }
            if (pass)
                continue;
            const char *subj = n->d.subject;
            scalar(r, false, subj, "title", str_text(r->a, o->d.title), str_text(r->a, n->d.title),
                   NULL);
            scalar(r, true, subj, "due", date_text(r->a, o->due), date_text(r->a, n->due), &w);
            scalar(r, true, subj, "owner", o->owner ? o->owner->d.id : NULL,
                   n->owner ? n->owner->d.id : NULL, &w);
            Names ao = {0}, an = {0};
            NAMES(r, r->o, o->after, ao);
            NAMES(r, r->n, n->after, an);
            name_set(r, true, subj, "after", &ao, &an, false, &w);
            scalar(r, true, subj, "requires", expr_text(r->a, o->requires),
                   expr_text(r->a, n->requires), &w);
            scalar(r, true, subj, "deliverable", str_text(r->a, o->deliverable),
                   str_text(r->a, n->deliverable), &w);
            scalar(r, true, subj, "phase", o->phase ? o->phase->d.id : NULL,
                   n->phase ? n->phase->d.id : NULL, &w);
            allows(r, subj, &o->d.allows, &n->d.allows);
        }
    }
    order(r, "milestones", &no, &nn);
}

static const char *comm_kind(CommKind k)
{
    return k == COMM_MEETING ? "meeting" : k == COMM_REPORT ? "report" : "review";
}

static const Comm *find_comm(const Model *m, CommKind k, const char *id)
{
    for (int i = 0; i < m->comms.n; i++)
        if (m->comms.v[i]->kind == k && strcmp(m->comms.v[i]->id, id) == 0)
            return m->comms.v[i];
    return NULL;
}

static void comm_who(Rd *r, const Comm *c, Who *w)
{
    if (c->with_all || c->to_all)
        w->every = true;
    WHO_LIST(r, w, c->with);
    WHO_LIST(r, w, c->by);
    WHO_LIST(r, w, c->to);
}

static void comm_names(Rd *r, const Model *m, bool all, const void *vec, Names *out)
{
    const VEC(Partner *) *v = vec;
    if (all)
        VEC_PUSH(r->a, *out, "all");
    for (int i = 0; i < v->n; i++)
        VEC_PUSH(r->a, *out, model_ref_name(r->a, m, &v->v[i]->d));
}

static void comms(Rd *r)
{
    Names no = {0}, nn = {0};
    for (int i = 0; i < r->o->comms.n; i++)
        VEC_PUSH(r->a, no, arena_printf(r->a, "%s %s", comm_kind(r->o->comms.v[i]->kind),
                                        r->o->comms.v[i]->id));
    for (int i = 0; i < r->n->comms.n; i++)
        VEC_PUSH(r->a, nn, arena_printf(r->a, "%s %s", comm_kind(r->n->comms.v[i]->kind),
                                        r->n->comms.v[i]->id));
    for (int pass = 0; pass < 2; pass++) {
        const Model *from = pass ? r->n : r->o, *other = pass ? r->o : r->n;
        for (int i = 0; i < from->comms.n; i++) {
            const Comm *x = from->comms.v[i], *y = find_comm(other, x->kind, x->id);
            const char *subj = pass ? nn.v[i] : no.v[i];
            Who w = {0};
            comm_who(r, x, &w);
            if (y)
                comm_who(r, y, &w);
            if (!y) {
                const char *t = arena_printf(r->a, "%s every %s", str_text(r->a, x->title),
                                             dur_text(r->a, x->every));
                change(r, pass ? RD_ADDED : RD_REMOVED, true, subj, NULL, pass ? NULL : t,
                       pass ? t : NULL, &w);
                continue;
            }
            if (pass)
                continue;
            const Comm *o = x, *n = y;
            scalar(r, false, subj, "title", str_text(r->a, o->title), str_text(r->a, n->title), NULL);
            scalar(r, true, subj, "every", dur_text(r->a, o->every), dur_text(r->a, n->every), &w);
            const char *fields[3] = {"with", "by", "to"};
            for (int f = 0; f < 3; f++) {
                Names po = {0}, pn = {0};
                comm_names(r, r->o, f == 0 ? o->with_all : f == 2 ? o->to_all : false,
                           f == 0 ? (const void *)&o->with : f == 1 ? (const void *)&o->by
                                                                    : (const void *)&o->to,
                           &po);
                comm_names(r, r->n, f == 0 ? n->with_all : f == 2 ? n->to_all : false,
                           f == 0 ? (const void *)&n->with : f == 1 ? (const void *)&n->by
                                                                    : (const void *)&n->to,
                           &pn);
                /* `all` concerns everyone; a named partner, that partner. */
                for (int pass2 = 0; pass2 < 2; pass2++) {
                    const Names *a = pass2 ? &pn : &po, *b = pass2 ? &po : &pn;
                    for (int k = 0; k < a->n; k++) {
                        if (has_name(b, a->v[k]))
                            continue;
                        Who one = {0};
                        if (strcmp(a->v[k], "all") == 0)
                            one.every = true;
                        else
                            who_add(r, &one, a->v[k]);
                        change(r, pass2 ? RD_ADDED : RD_REMOVED, true, subj, fields[f],
                               pass2 ? NULL : a->v[k], pass2 ? a->v[k] : NULL, &one);
                    }
                }
            }
        }
    }
    order(r, "communication", &no, &nn);
}

static const char *decisions_text(Rd *r, const Model *m)
{
    switch (m->decisions) {
    case DECIDE_CONSENSUS: return "consensus";
    case DECIDE_MAJORITY: return "majority";
    case DECIDE_PARTNER: return m->decider ? model_ref_name(r->a, m, &m->decider->d) : NULL;
    default: return NULL;
    }
}

static void governance(Rd *r)
{
    Who all = {.every = true};
    scalar(r, true, "governance", "decisions", decisions_text(r, r->o), decisions_text(r, r->n), &all);
    scalar(r, true, "governance", "escalation", str_text(r->a, r->o->escalation),
           str_text(r->a, r->n->escalation), &all);
    scalar(r, true, "governance", "data_sharing", str_text(r->a, r->o->data_sharing),
           str_text(r->a, r->n->data_sharing), &all);
}

/* Vocabulary (units, sectors) is editorial; extern functions change what
 * formulas compute, so they are material for everyone. */
static void vocabulary(Rd *r)
{
    for (int kind = 0; kind < 2; kind++) {
        Names no = {0}, nn = {0};
        if (kind == 0) {
            USER_IDS(r, r->o->units, no);
            USER_IDS(r, r->n->units, nn);
        } else {
            USER_IDS(r, r->o->sectors, no);
            USER_IDS(r, r->n->sectors, nn);
        }
        for (int pass = 0; pass < 2; pass++) {
            const Names *ids = pass ? &nn : &no;
            for (int i = 0; i < ids->n; i++) {
                const Decl *o = kind ? FIND(r->o->sectors, ids->v[i]) : FIND(r->o->units, ids->v[i]);
                const Decl *n = kind ? FIND(r->n->sectors, ids->v[i]) : FIND(r->n->units, ids->v[i]);
                if (o && n) {
                    if (!pass)
                        scalar(r, false, n->subject, "title", str_text(r->a, o->title),
                               str_text(r->a, n->title), NULL);
                } else if ((pass == 0) == (n == NULL)) {
                    const Decl *x = o ? o : n;
                    const char *t = str_text(r->a, x->title);
                    change(r, o ? RD_REMOVED : RD_ADDED, false, x->subject, NULL, o ? t : NULL,
                           o ? NULL : t, NULL);
                }
            }
        }
    }
    Who all = {.every = true};
    for (int pass = 0; pass < 2; pass++) {
        const Model *from = pass ? r->n : r->o, *other = pass ? r->o : r->n;
        for (int i = 0; i < from->externs.n; i++) {
            const Extern *x = from->externs.v[i];
            if (x->d.is_std)
                continue;
            const Extern *y = FIND(other->externs, x->d.id);
            static const char *types[] = {"number", "integer", "date", "series"};
            Buf b;
            buf_init(&b);
            buf_printf(&b, "%s(", x->d.id);
            for (int k = 0; k < x->params.n; k++)
                buf_printf(&b, "%s%s", k ? ", " : "", types[x->params.v[k]]);
            buf_printf(&b, ") -> %s from %s", types[x->ret], str_text(r->a, x->library));
            const char *t = arena_strdup(r->a, buf_cstr(&b));
            buf_free(&b);
            if (!y) {
                change(r, pass ? RD_ADDED : RD_REMOVED, true, x->d.subject, NULL, pass ? NULL : t,
                       pass ? t : NULL, &all);
                continue;
            }
            if (pass)
                continue;
            Buf c;
            buf_init(&c);
            buf_printf(&c, "%s(", y->d.id);
            for (int k = 0; k < y->params.n; k++)
                buf_printf(&c, "%s%s", k ? ", " : "", types[y->params.v[k]]);
            buf_printf(&c, ") -> %s from %s", types[y->ret], str_text(r->a, y->library));
            scalar(r, true, y->d.subject, "signature", t, arena_strdup(r->a, buf_cstr(&c)), &all);
            buf_free(&c);
        }
    }
}

static void file_allows(Rd *r)
{
    const AllowList *o = NULL, *n = NULL;
    for (int i = 0; i < r->o->file_allows.n; i++)
        if (r->o->file_allows.v[i].file == r->o->root_file)
            o = &r->o->file_allows.v[i].allows;
    for (int i = 0; i < r->n->file_allows.n; i++)
        if (r->n->file_allows.v[i].file == r->n->root_file)
            n = &r->n->file_allows.v[i].allows;
    allows(r, "file", o, n);
}

/* Comments (by their text: moving one is layout) and, when nothing else
 * differs, the layout. */
static void text_changes(Rd *r, const RdiffText *o, const RdiffText *n)
{
    if (!o || !n)
        return;
    Items co = {0}, cn = {0};
    for (int i = 0; i < o->ncomments; i++)
        item(r, &co, arena_printf(r->a, "old %d", i), o->comments[i]);
    for (int i = 0; i < n->ncomments; i++)
        item(r, &cn, arena_printf(r->a, "new %d", i), n->comments[i]);
    item_set(r, false, "comment", NULL, &co, &cn, NULL);
    if (r->d->changes.n == 0 && (o->len != n->len || memcmp(o->text, n->text, o->len) != 0))
        change(r, RD_CHANGED, false, "layout", NULL, NULL, NULL, NULL);
}

void rdiff_compare(Rdiff *d, Arena *a, const Model *old, const Model *new_, const RdiffText *old_text,
                   const RdiffText *new_text)
{
    memset(d, 0, sizeof *d);
    d->a = a;
    Rd r = {a, d, old, new_};
    agreement(&r);
    agenda(&r);
    partners(&r);
    tensions(&r);
    goals(&r);
    indicators(&r);
    dimensions(&r);
    activities(&r);
    milestones(&r);
    comms(&r);
    governance(&r);
    vocabulary(&r);
    file_allows(&r);
    text_changes(&r, old_text, new_text);

    d->old_version = old->agreement ? old->agreement->version : NULL;
    d->new_version = new_->agreement ? new_->agreement->version : NULL;
    for (int i = 0; i < d->changes.n; i++) {
        const RdiffChange *c = d->changes.v[i];
        if (!c->material) {
            d->editorial++;
            continue;
        }
        d->material++;
        if (c->every_partner)
            d->any_every = true;
        for (int k = 0; k < c->partners.n; k++)
            insert_sorted(a, &d->groups, c->partners.v[k]);
    }
    /* Who signs again: the partners of the new revision that a material
     * change affects (all of them for a change to the whole). */
    for (int i = 0; i < new_->partners.n; i++) {
        const char *id = new_->partners.v[i]->d.id;
        bool in = d->any_every;
        for (int k = 0; !in && k < d->groups.n; k++)
            in = strcmp(d->groups.v[k], id) == 0;
        if (in)
            insert_sorted(a, &d->must_sign, id);
    }
    d->version_unchanged = d->material > 0 && same_str(d->old_version, d->new_version);
}

/* ---- output ------------------------------------------------------------------ */

static const char mark_char[] = {'+', '~', '-'};
static const char *const mark_word[] = {"added", "changed", "removed"};

/* Long texts are cut in text and Markdown (JSON has them whole). */
static void put_value(Buf *b, const char *v, bool md)
{
    size_t n = strlen(v);
    const size_t max = 100;
    char *cut = NULL;
    if (n > max) {
        size_t k = max;
        while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
            k--;    /* not inside a UTF-8 sequence */
        cut = malloc(k + 4);
        memcpy(cut, v, k);
        memcpy(cut + k, "...", 4);
        v = cut;
    }
    if (md) {
        /* In a code span: backticks are the only special characters. */
        int ticks = strchr(v, '`') ? 2 : 1;
        buf_puts(b, ticks == 2 ? "`` " : "`");
        buf_puts(b, v);
        buf_puts(b, ticks == 2 ? " ``" : "`");
    } else {
        buf_puts(b, v);
    }
    free(cut);
}

/* "partner globaltel: commits 2_000_000 USD -> 2_500_000 USD" */
static void put_change(Buf *b, const RdiffChange *c, bool md)
{
    if (md) {
        buf_putc(b, '`');
        buf_puts(b, c->subject);
        buf_putc(b, '`');
    } else {
        buf_puts(b, c->subject);
    }
    if (c->field)
        buf_printf(b, md ? ": **%s**" : ": %s", c->field);
    if (!c->old_value && !c->new_value)
        return;
    if (c->mark == RD_CHANGED) {
        buf_puts(b, c->field ? " " : ": ");
        put_value(b, c->old_value, md);
        buf_puts(b, md ? " &rarr; " : " -> ");
        put_value(b, c->new_value, md);
    } else {
        buf_putc(b, ' ');
        put_value(b, c->mark == RD_ADDED ? c->new_value : c->old_value, md);
    }
}

static bool affects(const RdiffChange *c, const char *id)
{
    for (int i = 0; i < c->partners.n; i++)
        if (strcmp(c->partners.v[i], id) == 0)
            return true;
    return false;
}

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void version_line(const Rdiff *d, Buf *out, bool md)
{
    Arena *a = d->a;
    const char *o = d->old_version ? str_text(a, d->old_version) : "(none)";
    const char *n = d->new_version ? str_text(a, d->new_version) : "(none)";
    bool same = same_str(d->old_version, d->new_version);
    if (md) {
        buf_puts(out, "Version: ");
        put_value(out, o, true);
        if (same) {
            buf_puts(out, " (unchanged)\n");
        } else {
            buf_puts(out, " &rarr; ");
            put_value(out, n, true);
            buf_putc(out, '\n');
        }
    } else if (same) {
        buf_printf(out, "version %s (unchanged)\n", o);
    } else {
        buf_printf(out, "version %s -> %s\n", o, n);
    }
}

void rdiff_text(const Rdiff *d, Buf *out, const char *old_name, const char *new_name)
{
    buf_printf(out, "diff %s -> %s\n", old_name, new_name);
    version_line(d, out, false);
    if (d->changes.n == 0) {
        buf_puts(out, "no changes\n");
        return;
    }
    if (d->material) {
        buf_printf(out, "\nmaterial changes, by the partners they affect:\n");
        if (d->any_every) {
            buf_puts(out, "  every partner\n");
            for (int i = 0; i < d->changes.n; i++) {
                const RdiffChange *c = d->changes.v[i];
                if (c->material && c->every_partner) {
                    buf_printf(out, "    %c ", mark_char[c->mark]);
                    put_change(out, c, false);
                    buf_putc(out, '\n');
                }
            }
        }
        for (int g = 0; g < d->groups.n; g++) {
            const char *id = d->groups.v[g];
            /* Changes already listed under every partner are not repeated. */
            bool any = false;
            for (int i = 0; i < d->changes.n && !any; i++)
                any = d->changes.v[i]->material && !d->changes.v[i]->every_partner &&
                      affects(d->changes.v[i], id);
            if (!any)
                continue;
            /* Every affected partner of the new revision signs again;
             * one that does not is no longer a partner. */
            bool stays = false;
            for (int k = 0; k < d->must_sign.n && !stays; k++)
                stays = strcmp(d->must_sign.v[k], id) == 0;
            buf_printf(out, "  %s%s\n", id, stays ? "" : " (no longer a partner)");
            for (int i = 0; i < d->changes.n; i++) {
                const RdiffChange *c = d->changes.v[i];
                if (c->material && !c->every_partner && affects(c, id)) {
                    buf_printf(out, "    %c ", mark_char[c->mark]);
                    put_change(out, c, false);
                    buf_putc(out, '\n');
                }
            }
        }
    }
    if (d->editorial) {
        buf_puts(out, "\neditorial changes:\n");
        for (int i = 0; i < d->changes.n; i++) {
            const RdiffChange *c = d->changes.v[i];
            if (!c->material) {
                buf_printf(out, "  %c ", mark_char[c->mark]);
                put_change(out, c, false);
                buf_putc(out, '\n');
            }
        }
    }
    buf_printf(out, "\n%d %s: %d material, %d editorial\n", d->changes.n,
               plural(d->changes.n, "change", "changes"), d->material, d->editorial);
    if (d->must_sign.n) {
        buf_puts(out, "must sign again:");
        for (int i = 0; i < d->must_sign.n; i++)
            buf_printf(out, "%s %s", i ? "," : "", d->must_sign.v[i]);
        buf_putc(out, '\n');
    } else {
        buf_puts(out, "no partner needs to sign again\n");
    }
    if (d->version_unchanged)
        buf_printf(out, "warning: material changes, but the version is still %s; give this "
                        "revision a new `version`\n",
                   d->new_version ? str_text(d->a, d->new_version) : "unset");
}

static void json_opt(Buf *out, const char *s)
{
    if (s)
        buf_json_str(out, s);
    else
        buf_puts(out, "null");
}

static void json_names(Buf *out, const char *const *v, int n)
{
    buf_putc(out, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            buf_puts(out, ", ");
        buf_json_str(out, v[i]);
    }
    buf_putc(out, ']');
}

void rdiff_json(const Rdiff *d, Buf *out, const char *old_name, const char *new_name)
{
    buf_puts(out, "{ \"version\": 1,\n  \"old\": { \"file\": ");
    buf_json_str(out, old_name);
    buf_puts(out, ", \"version\": ");
    json_opt(out, d->old_version);
    buf_puts(out, " },\n  \"new\": { \"file\": ");
    buf_json_str(out, new_name);
    buf_puts(out, ", \"version\": ");
    json_opt(out, d->new_version);
    buf_puts(out, " },\n  \"changes\": [");
    for (int i = 0; i < d->changes.n; i++) {
        const RdiffChange *c = d->changes.v[i];
        buf_printf(out, "%s\n    { \"change\": \"%s\", \"mark\": \"%c\", \"class\": \"%s\", \"subject\": ",
                   i ? "," : "", mark_word[c->mark], mark_char[c->mark],
                   c->material ? "material" : "editorial");
        buf_json_str(out, c->subject);
        buf_puts(out, ", \"field\": ");
        json_opt(out, c->field);
        buf_puts(out, ", \"old\": ");
        json_opt(out, c->old_value);
        buf_puts(out, ", \"new\": ");
        json_opt(out, c->new_value);
        buf_printf(out, ", \"every_partner\": %s, \"partners\": ", c->every_partner ? "true" : "false");
        json_names(out, c->partners.v, c->partners.n);
        buf_puts(out, " }");
    }
    buf_puts(out, d->changes.n ? "\n  ],\n" : "],\n");
    buf_printf(out, "  \"summary\": { \"changes\": %d, \"material\": %d, \"editorial\": %d },\n",
               d->changes.n, d->material, d->editorial);
    buf_puts(out, "  \"must_sign\": ");
    json_names(out, d->must_sign.v, d->must_sign.n);
    buf_printf(out, ",\n  \"version_changed\": %s,\n  \"warnings\": [",
               same_str(d->old_version, d->new_version) ? "false" : "true");
    if (d->version_unchanged)
        buf_puts(out, "\"material changes without a new version\"");
    buf_puts(out, "] }\n");
}

static void md_item(Buf *out, const RdiffChange *c)
{
    buf_printf(out, "- `%c` ", mark_char[c->mark]);
    put_change(out, c, true);
    buf_putc(out, '\n');
}

void rdiff_md(const Rdiff *d, Buf *out, const char *old_name, const char *new_name)
{
    buf_puts(out, "### Agreement changes: ");
    put_value(out, new_name, true);
    buf_puts(out, "\n\nCompared with ");
    put_value(out, old_name, true);
    buf_puts(out, ". ");
    version_line(d, out, true);
    buf_putc(out, '\n');
    if (d->changes.n == 0) {
        buf_puts(out, "No changes.\n");
        return;
    }
    buf_printf(out, "**%d material %s**, %d editorial.", d->material,
               plural(d->material, "change", "changes"), d->editorial);
    if (d->must_sign.n) {
        buf_puts(out, " Must sign again:");
        for (int i = 0; i < d->must_sign.n; i++) {
            buf_printf(out, "%s **", i ? "," : "");
            buf_md(out, d->must_sign.v[i]);
            buf_puts(out, "**");
        }
        buf_putc(out, '.');
    } else {
        buf_puts(out, " No partner needs to sign again.");
    }
    buf_putc(out, '\n');
    if (d->version_unchanged) {
        buf_puts(out, "\n> **Warning:** material changes, but the version is still ");
        put_value(out, d->new_version ? str_text(d->a, d->new_version) : "unset", true);
        buf_puts(out, "; give this revision a new `version`.\n");
    }
    if (d->material) {
        buf_puts(out, "\n#### Material changes\n");
        if (d->any_every) {
            buf_puts(out, "\n**Every partner**\n\n");
            for (int i = 0; i < d->changes.n; i++)
                if (d->changes.v[i]->material && d->changes.v[i]->every_partner)
                    md_item(out, d->changes.v[i]);
        }
        for (int g = 0; g < d->groups.n; g++) {
            const char *id = d->groups.v[g];
            bool any = false;
            for (int i = 0; i < d->changes.n && !any; i++)
                any = d->changes.v[i]->material && !d->changes.v[i]->every_partner &&
                      affects(d->changes.v[i], id);
            if (!any)
                continue;
            buf_puts(out, "\n**");
            buf_md(out, id);
            buf_puts(out, "**\n\n");
            for (int i = 0; i < d->changes.n; i++) {
                const RdiffChange *c = d->changes.v[i];
                if (c->material && !c->every_partner && affects(c, id))
                    md_item(out, c);
            }
        }
    }
    if (d->editorial) {
        buf_printf(out, "\n<details><summary>%d editorial %s</summary>\n\n", d->editorial,
                   plural(d->editorial, "change", "changes"));
        for (int i = 0; i < d->changes.n; i++)
            if (!d->changes.v[i]->material)
                md_item(out, d->changes.v[i]);
        buf_puts(out, "\n</details>\n");
    }
}
