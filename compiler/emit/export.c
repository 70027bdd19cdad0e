/* export.c - the resolved model as JSON.  See export.h and docs/export.md.
 *
 * The document is built as a small tree first and printed afterwards,
 * so that the printer, not each builder, sorts the keys of every object. */
#include "export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exprtext.h"
#include "numtext.h"

/* ---- a JSON tree ------------------------------------------------------- */

typedef enum JType { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } JType;

typedef struct JNode JNode;
struct JNode {
    JType t;
    bool b;
    double num;
    const char *s;
    VEC(JNode *) items;         /* array items, object values */
    VEC(const char *) keys;     /* object keys */
};

typedef struct Ex {
    Arena *a;
    const Model *m;
} Ex;

static JNode *jnew(Ex *x, JType t)
{
    JNode *n = arena_alloc(x->a, sizeof *n);
    n->t = t;
    return n;
}

static JNode *jstr(Ex *x, const char *s)
{
    JNode *n = jnew(x, s ? J_STR : J_NULL);
    n->s = s;
    return n;
}

static JNode *jnum(Ex *x, double v)
{
    JNode *n = jnew(x, J_NUM);
    n->num = v;
    return n;
}

static JNode *jbool(Ex *x, bool b)
{
    JNode *n = jnew(x, J_BOOL);
    n->b = b;
    return n;
}

static void jset(Ex *x, JNode *obj, const char *key, JNode *v)
{
    VEC_PUSH(x->a, obj->keys, key);
    VEC_PUSH(x->a, obj->items, v);
}

static void jpush(Ex *x, JNode *arr, JNode *v)
{
    VEC_PUSH(x->a, arr->items, v);
}

/* Numbers: the shortest text that reads back exactly; JSON has no
 * infinities or NaN. */
static void put_num(Buf *b, double v)
{
    if (isfinite(v))
        num_put(b, v, NUM_EXACT);
    else
        buf_puts(b, "null");
}

static bool scalar(const JNode *n)
{
    return n->t != J_ARR && n->t != J_OBJ;
}

static void indent(Buf *b, int depth)
{
    for (int i = 0; i < depth; i++)
        buf_puts(b, "  ");
}

static void jprint(Buf *b, const JNode *n, int depth)
{
    switch (n->t) {
    case J_NULL: buf_puts(b, "null"); return;
    case J_BOOL: buf_puts(b, n->b ? "true" : "false"); return;
    case J_NUM: put_num(b, n->num); return;
    case J_STR: buf_json_str(b, n->s); return;
    case J_ARR: {
        if (n->items.n == 0) {
            buf_puts(b, "[]");
            return;
        }
        bool flat = true;
        for (int i = 0; i < n->items.n; i++)
            flat &= scalar(n->items.v[i]);
        buf_putc(b, '[');
        for (int i = 0; i < n->items.n; i++) {
            if (flat) {
                buf_puts(b, i ? ", " : "");
            } else {
                buf_puts(b, i ? ",\n" : "\n");
                indent(b, depth + 1);
            }
            jprint(b, n->items.v[i], depth + 1);
        }
        if (!flat) {
            buf_putc(b, '\n');
            indent(b, depth);
        }
        buf_putc(b, ']');
        return;
    }
    case J_OBJ: {
        if (n->keys.n == 0) {
            buf_puts(b, "{}");
            return;
        }
        int *order = malloc(sizeof *order * (size_t)n->keys.n);
        /* Keys in byte order (insertion sort: objects have few keys). */
        for (int i = 0; i < n->keys.n; i++) {
            int j = i;
            for (; j > 0 && strcmp(n->keys.v[order[j - 1]], n->keys.v[i]) > 0; j--)
                order[j] = order[j - 1];
            order[j] = i;
        }
        buf_puts(b, "{\n");
        for (int i = 0; i < n->keys.n; i++) {
            indent(b, depth + 1);
            buf_json_str(b, n->keys.v[order[i]]);
            buf_puts(b, ": ");
            jprint(b, n->items.v[order[i]], depth + 1);
            buf_puts(b, i + 1 < n->keys.n ? ",\n" : "\n");
        }
        indent(b, depth);
        buf_putc(b, '}');
        free(order);
        return;
    }
    }
}

/* ---- values -------------------------------------------------------------- */

static JNode *jdate(Ex *x, int32_t d)
{
    if (d == DATE_NONE)
        return jstr(x, NULL);
    char buf[16];
    return jstr(x, arena_strdup(x->a, date_iso(d, buf)));
}

static JNode *jperiod(Ex *x, int32_t lo, int32_t hi)
{
    if (lo == DATE_NONE || hi == DATE_NONE)
        return jstr(x, NULL);
    JNode *o = jnew(x, J_OBJ);
    jset(x, o, "start", jdate(x, lo));
    jset(x, o, "end", jdate(x, hi));
    return o;
}

static JNode *jduration(Ex *x, Duration d)
{
    if (d.n == 0)
        return jstr(x, NULL);
    static const char *units[] = {"day", "week", "month", "quarter", "year"};
    JNode *o = jnew(x, J_OBJ);
    jset(x, o, "n", jnum(x, d.n));
    jset(x, o, "unit", jstr(x, units[d.unit]));
    return o;
}

static JNode *jref(Ex *x, const void *d)
{
    return jstr(x, model_ref_name(x->a, x->m, d));
}

static int by_str(const void *p, const void *q)
{
    return strcmp(*(const char *const *)p, *(const char *const *)q);
}

/* A list of references, sorted by name. */
static JNode *jrefs(Ex *x, void *const *v, int n)
{
    const char **names = arena_alloc(x->a, sizeof *names * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        names[i] = model_ref_name(x->a, x->m, v[i]);
    qsort(names, (size_t)n, sizeof *names, by_str);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++)
        if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
            jpush(x, arr, jstr(x, names[i]));
    return arr;
}

#define JREFS(x, vec) jrefs((x), (void *const *)(vec).v, (vec).n)

static JNode *jqty(Ex *x, double v, const Unit *u)
{
    JNode *o = jnew(x, J_OBJ);
    jset(x, o, "value", jnum(x, v));
    jset(x, o, "unit", jstr(x, u ? u->d.id : NULL));
    return o;
}

/* true, false, or null when unsaid (a clause then follows the agreement). */
static JNode *jbinding(Ex *x, Binding b)
{
    return b == BINDING_UNSET ? jstr(x, NULL) : jbool(x, b == BINDING_YES);
}

static JNode *jallows(Ex *x, const AllowList *al)
{
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; al && i < al->n; i++) {
        JNode *o = jnew(x, J_OBJ);
        jset(x, o, "check", jstr(x, al->v[i].check));
        jset(x, o, "reason", jstr(x, al->v[i].reason));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *jexpr(Ex *x, const Expr *e)
{
    if (!e)
        return jstr(x, NULL);
    Buf b;
    buf_init(&b);
    exprtext_put(&b, e, put_num);
    JNode *n = jstr(x, arena_strdup(x->a, buf_cstr(&b)));
    buf_free(&b);
    return n;
}

/* ---- declarations ------------------------------------------------------------ */

static int by_id(const void *p, const void *q)
{
    return strcmp((*(const Decl *const *)p)->id, (*(const Decl *const *)q)->id);
}

/* The user's declarations of a list (not the prelude's), sorted by id. */
static const Decl **sorted(Ex *x, void *const *v, int n, int *count)
{
    const Decl **out = arena_alloc(x->a, sizeof *out * (size_t)(n + 1));
    int k = 0;
    for (int i = 0; i < n; i++)
        if (!((const Decl *)v[i])->is_std)
            out[k++] = v[i];
    qsort(out, (size_t)k, sizeof *out, by_id);
    *count = k;
    return out;
}

#define SORTED(x, vec, count) sorted((x), (void *const *)(vec).v, (vec).n, (count))

static JNode *decl_obj(Ex *x, const Decl *d)
{
    JNode *o = jnew(x, J_OBJ);
    jset(x, o, "id", jstr(x, d->id));
    jset(x, o, "title", jstr(x, d->title));
    return o;
}

static JNode *agreement(Ex *x)
{
    const Agreement *g = x->m->agreement;
    if (!g)
        return jstr(x, NULL);
    JNode *o = decl_obj(x, &g->d);
    jset(x, o, "version", jstr(x, g->version));
    jset(x, o, "term", jperiod(x, g->term_start, g->term_end));
    jset(x, o, "lead", jref(x, g->lead));
    jset(x, o, "scope", jstr(x, g->scope));
    jset(x, o, "amendment", jstr(x, g->amendment));
    jset(x, o, "withdrawal_notice", jduration(x, g->withdrawal));
    jset(x, o, "nested_in", jstr(x, g->nested_in ? g->nested_in->d.id : NULL));
    jset(x, o, "binding", jbinding(x, g->binding));
    jset(x, o, "allows", jallows(x, &g->d.allows));
    return o;
}

static JNode *agenda(Ex *x)
{
    const Model *m = x->m;
    JNode *o = jnew(x, J_OBJ);
    jset(x, o, "vision", jstr(x, m->vision));
    jset(x, o, "problem", jstr(x, m->problem));
    JNode *pr = jnew(x, J_ARR);     /* principles: as written, in order */
    for (int i = 0; i < m->principles.n; i++)
        jpush(x, pr, jstr(x, m->principles.v[i]));
    jset(x, o, "principles", pr);
    int n;
    const Decl **needs = SORTED(x, m->needs, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        JNode *e = jnew(x, J_OBJ);
        jset(x, e, "id", jstr(x, needs[i]->id));
        jset(x, e, "text", jstr(x, needs[i]->title));
        jpush(x, arr, e);
    }
    jset(x, o, "needs", arr);
    return o;
}

/* Commitments by unit, amount, then what and condition: an order that
 * does not depend on the order of the source. */
static int by_commitment(const void *p, const void *q)
{
    const Commitment *a = p, *b = q;
    const char *ua = a->q.unit ? a->q.unit->d.id : "", *ub = b->q.unit ? b->q.unit->d.id : "";
    int c = strcmp(ua, ub);
    if (c)
        return c;
    if (a->q.value != b->q.value)
        return (a->q.value > b->q.value) - (a->q.value < b->q.value);
    c = strcmp(a->what ? a->what : "", b->what ? b->what : "");
    return c ? c : strcmp(a->condition ? a->condition : "", b->condition ? b->condition : "");
}

static JNode *commitments(Ex *x, const Partner *p)
{
    Commitment *cs = arena_alloc(x->a, sizeof *cs * (size_t)(p->commits.n + 1));
    memcpy(cs, p->commits.v, sizeof *cs * (size_t)p->commits.n);
    qsort(cs, (size_t)p->commits.n, sizeof *cs, by_commitment);
    JNode *arr = jnew(x, J_ARR);
    for (int k = 0; k < p->commits.n; k++) {
        JNode *o = jqty(x, cs[k].q.value, cs[k].q.unit);
        jset(x, o, "what", jstr(x, cs[k].what));
        jset(x, o, "worth", cs[k].has_worth ? jqty(x, cs[k].worth.value, cs[k].worth.unit)
                                            : jstr(x, NULL));
        jset(x, o, "condition", jstr(x, cs[k].condition));
        jpush(x, arr, o);
    }
    return arr;
}

/* Signatories and contacts in source order: the order partners sign in. */
static JNode *signatories(Ex *x, const Partner *p)
{
    JNode *arr = jnew(x, J_ARR);
    for (int k = 0; k < p->signatories.n; k++) {
        JNode *o = jnew(x, J_OBJ);
        jset(x, o, "name", jstr(x, p->signatories.v[k].name));
        jset(x, o, "title", jstr(x, p->signatories.v[k].title));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *contacts(Ex *x, const Partner *p)
{
    JNode *arr = jnew(x, J_ARR);
    for (int k = 0; k < p->contacts.n; k++) {
        const Contact *ct = &p->contacts.v[k];
        JNode *o = jnew(x, J_OBJ);
        jset(x, o, "name", jstr(x, ct->name));
        jset(x, o, "role", jstr(x, ct->role));
        jset(x, o, "email", jstr(x, ct->email));
        jset(x, o, "phone", jstr(x, ct->phone));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *partners(Ex *x)
{
    int n;
    const Decl **v = SORTED(x, x->m->partners, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Partner *p = (const Partner *)v[i];
        JNode *o = decl_obj(x, &p->d);
        jset(x, o, "sector", jref(x, p->sector));
        jset(x, o, "level", jref(x, p->level));
        jset(x, o, "signatories", signatories(x, p));
        jset(x, o, "contacts", contacts(x, p));
        jset(x, o, "joins", jdate(x, p->joins));
        jset(x, o, "leaves", jdate(x, p->leaves));
        jset(x, o, "backbone", JREFS(x, p->backbone));
        jset(x, o, "coordinator", jstr(x, p->coordinator));
        jset(x, o, "commits", commitments(x, p));
        JNode *inc = jnew(x, J_ARR);
        const Incentive **is = arena_alloc(x->a, sizeof *is * (size_t)(p->incentives.n + 1));
        for (int k = 0; k < p->incentives.n; k++)
            is[k] = p->incentives.v[k];
        /* Incentives by id (insertion sort: a partner has few). */
        for (int k = 1; k < p->incentives.n; k++)
            for (int j = k; j > 0 && strcmp(is[j - 1]->id, is[j]->id) > 0; j--) {
                const Incentive *t = is[j];
                is[j] = is[j - 1];
                is[j - 1] = t;
            }
        for (int k = 0; k < p->incentives.n; k++) {
            JNode *e = jnew(x, J_OBJ);
            jset(x, e, "id", jstr(x, is[k]->id));
            jset(x, e, "text", jstr(x, is[k]->text));
            JNode *wants = jnew(x, J_ARR);
            for (int j = 0; j < is[k]->wants.n; j++) {
                JNode *w = jnew(x, J_OBJ);
                jset(x, w, "interest", jstr(x, is[k]->wants.v[j].interest));
                jset(x, w, "wants", jstr(x, is[k]->wants.v[j].dir > 0 ? "more" : "less"));
                jpush(x, wants, w);
            }
            jset(x, e, "wants", wants);
            jpush(x, inc, e);
        }
        jset(x, o, "incentives", inc);
        jset(x, o, "allows", jallows(x, &p->d.allows));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *tensions(Ex *x)
{
    /* Sorted by interest, then by their partners. */
    int n = x->m->tensions.n;
    JNode **items = arena_alloc(x->a, sizeof *items * (size_t)(n + 1));
    const char **keys = arena_alloc(x->a, sizeof *keys * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        const Tension *t = x->m->tensions.v[i];
        JNode *o = jnew(x, J_OBJ);
        JNode *ps = JREFS(x, t->partners);
        jset(x, o, "interest", jstr(x, t->interest));
        jset(x, o, "partners", ps);
        jset(x, o, "resolution", jstr(x, t->resolution));
        jset(x, o, "allows", jallows(x, &t->allows));
        Buf k;
        buf_init(&k);
        buf_printf(&k, "%s", t->interest);
        for (int j = 0; j < ps->items.n; j++)
            buf_printf(&k, " %s", ps->items.v[j]->s);
        keys[i] = arena_strdup(x->a, buf_cstr(&k));
        buf_free(&k);
        items[i] = o;
    }
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
            const char *tk = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = tk;
            JNode *ti = items[j];
            items[j] = items[j - 1];
            items[j - 1] = ti;
        }
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++)
        jpush(x, arr, items[i]);
    return arr;
}

static JNode *goals(Ex *x)
{
    int n;
    const Decl **v = SORTED(x, x->m->goals, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Goal *g = (const Goal *)v[i];
        JNode *o = decl_obj(x, &g->d);
        jset(x, o, "measured_by", JREFS(x, g->measured_by));
        jset(x, o, "by", jdate(x, g->by));
        jset(x, o, "allows", jallows(x, &g->d.allows));
        jpush(x, arr, o);
    }
    return arr;
}

static int by_target(const void *p, const void *q)
{
    const Target *a = p, *b = q;
    if (a->date != b->date)
        return (a->date > b->date) - (a->date < b->date);
    return (a->value > b->value) - (a->value < b->value);
}

static JNode *indicators(Ex *x)
{
    static const char *values[] = {NULL, "cumulative", "per_period"};
    static const char *combine[] = {"sum", "mean", "min", "max", "latest"};
    static const char *totals[] = {NULL, "yearly", "quarterly"};
    const char *const *months = model_months;
    int n;
    const Decl **v = SORTED(x, x->m->indicators, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Indicator *ind = (const Indicator *)v[i];
        JNode *o = decl_obj(x, &ind->d);
        jset(x, o, "unit", jref(x, ind->unit));
        jset(x, o, "direction",
             jstr(x, ind->direction > 0 ? "up" : ind->direction < 0 ? "down" : NULL));
        if (ind->has_baseline) {
            JNode *b = jnew(x, J_OBJ);
            jset(x, b, "value", jnum(x, ind->baseline));
            jset(x, b, "date", jdate(x, ind->baseline_date));
            jset(x, o, "baseline", b);
        } else {
            jset(x, o, "baseline", jstr(x, NULL));
        }
        Target *ts = arena_alloc(x->a, sizeof *ts * (size_t)(ind->targets.n + 1));
        memcpy(ts, ind->targets.v, sizeof *ts * (size_t)ind->targets.n);
        qsort(ts, (size_t)ind->targets.n, sizeof *ts, by_target);
        JNode *tg = jnew(x, J_ARR);
        for (int k = 0; k < ind->targets.n; k++) {
            JNode *t = jnew(x, J_OBJ);
            jset(x, t, "value", jnum(x, ts[k].value));
            jset(x, t, "date", jdate(x, ts[k].date));
            jpush(x, tg, t);
        }
        jset(x, o, "targets", tg);
        JNode *ct = jnew(x, J_ARR);
        for (int k = 0; k < ind->cell_targets.n; k++) {
            const Target *c = &ind->cell_targets.v[k];
            JNode *t = jnew(x, J_OBJ);
            jset(x, t, "value", jnum(x, c->value));
            jset(x, t, "date", jdate(x, c->date));
            jset(x, t, "dimension", jref(x, c->dim));
            jset(x, t, "cell", jstr(x, c->dim->values.v[c->cell]));
            jpush(x, ct, t);
        }
        jset(x, o, "cell_targets", ct);
        jset(x, o, "frequency", jduration(x, ind->frequency));
        if (ind->season_from) {
            JNode *se = jnew(x, J_OBJ);
            jset(x, se, "from", jstr(x, months[ind->season_from - 1]));
            jset(x, se, "to", jstr(x, months[ind->season_to - 1]));
            jset(x, o, "season", se);
        } else {
            jset(x, o, "season", jstr(x, NULL));
        }
        jset(x, o, "totals", jstr(x, totals[ind->totals]));
        jset(x, o, "report_within", jduration(x, ind->report_within));
        jset(x, o, "reported_by", JREFS(x, ind->reporters));
        jset(x, o, "source", jstr(x, ind->source));
        jset(x, o, "values", jstr(x, values[ind->values]));
        jset(x, o, "combine", jstr(x, combine[ind->combine]));
        jset(x, o, "disaggregated_by", JREFS(x, ind->dims));
        jset(x, o, "personal_data", jbool(x, ind->personal_data));
        jset(x, o, "denominator", jref(x, ind->denominator));
        jset(x, o, "derived", jbool(x, ind->formula != NULL));
        jset(x, o, "formula", jexpr(x, ind->formula));
        jset(x, o, "inputs", JREFS(x, ind->inputs));
        jset(x, o, "contributes_to", jref(x, ind->contributes_to));
        jset(x, o, "allows", jallows(x, &ind->d.allows));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *dimensions(Ex *x)
{
    int n;
    const Decl **v = SORTED(x, x->m->dimensions, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Dimension *dm = (const Dimension *)v[i];
        JNode *o = decl_obj(x, &dm->d);
        JNode *vals = jnew(x, J_ARR);       /* in the order written */
        for (int k = 0; k < dm->values.n; k++)
            jpush(x, vals, jstr(x, dm->values.v[k]));
        jset(x, o, "values", vals);
        jset(x, o, "allows", jallows(x, &dm->d.allows));
        jpush(x, arr, o);
    }
    return arr;
}

typedef struct BudgetRow {
    double value;
    const char *unit, *from;
} BudgetRow;

static int by_budget(const void *p, const void *q)
{
    const BudgetRow *a = p, *b = q;
    int c = strcmp(a->unit, b->unit);
    if (!c)
        c = strcmp(a->from, b->from);
    if (!c)
        c = (a->value > b->value) - (a->value < b->value);
    return c;
}

static JNode *activities(Ex *x)
{
    int n;
    const Decl **v = SORTED(x, x->m->activities, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Activity *ac = (const Activity *)v[i];
        JNode *o = decl_obj(x, &ac->d);
        jset(x, o, "lead", jref(x, ac->lead));
        jset(x, o, "partners", JREFS(x, ac->partners));
        jset(x, o, "supports", JREFS(x, ac->supports));
        jset(x, o, "addresses", JREFS(x, ac->addresses));
        jset(x, o, "coordinates_with", JREFS(x, ac->coordinates_with));
        jset(x, o, "period", jperiod(x, ac->start, ac->end));
        BudgetRow *rows = arena_alloc(x->a, sizeof *rows * (size_t)(ac->budgets.n + 1));
        for (int k = 0; k < ac->budgets.n; k++) {
            const Budget *b = &ac->budgets.v[k];
            const Partner *from = b->from ? b->from : ac->lead;
            rows[k] = (BudgetRow){b->q.value, b->q.unit ? b->q.unit->d.id : "",
                                  from ? model_ref_name(x->a, x->m, &from->d) : ""};
        }
        qsort(rows, (size_t)ac->budgets.n, sizeof *rows, by_budget);
        JNode *bs = jnew(x, J_ARR);
        for (int k = 0; k < ac->budgets.n; k++) {
            JNode *b = jnew(x, J_OBJ);
            jset(x, b, "value", jnum(x, rows[k].value));
            jset(x, b, "unit", jstr(x, rows[k].unit[0] ? rows[k].unit : NULL));
            jset(x, b, "from", jstr(x, rows[k].from[0] ? rows[k].from : NULL));
            jpush(x, bs, b);
        }
        jset(x, o, "budgets", bs);
        jset(x, o, "allows", jallows(x, &ac->d.allows));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *milestones(Ex *x)
{
    int n;
    const Decl **v = SORTED(x, x->m->milestones, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Milestone *ms = (const Milestone *)v[i];
        JNode *o = decl_obj(x, &ms->d);
        jset(x, o, "due", jdate(x, ms->due));
        jset(x, o, "owner", jref(x, ms->owner));
        jset(x, o, "after", JREFS(x, ms->after));
        jset(x, o, "requires", jexpr(x, ms->requires));
        jset(x, o, "deliverable", jstr(x, ms->deliverable));
        jset(x, o, "phase", jref(x, ms->phase));
        jset(x, o, "allows", jallows(x, &ms->d.allows));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *comms(Ex *x, CommKind kind)
{
    int n = 0;
    const Comm **v = arena_alloc(x->a, sizeof *v * (size_t)(x->m->comms.n + 1));
    for (int i = 0; i < x->m->comms.n; i++)
        if (x->m->comms.v[i]->kind == kind)
            v[n++] = x->m->comms.v[i];
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(v[j - 1]->id, v[j]->id) > 0; j--) {
            const Comm *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Comm *c = v[i];
        JNode *o = jnew(x, J_OBJ);
        jset(x, o, "id", jstr(x, c->id));
        jset(x, o, "title", jstr(x, c->title));
        jset(x, o, "every", jduration(x, c->every));
        jset(x, o, "weekday", jstr(x, c->weekday ? model_weekdays[c->weekday] : NULL));
        if (c->nth > 0)
            jset(x, o, "nth", jnum(x, c->nth));
        else
            jset(x, o, "nth", jstr(x, c->nth ? "last" : NULL));
        jset(x, o, "at", jstr(x, c->minutes >= 0 ? arena_printf(x->a, "%02d:%02d", c->minutes / 60,
                                                                 c->minutes % 60)
                                                  : NULL));
        if (kind == COMM_REPORT) {
            jset(x, o, "by", JREFS(x, c->by));
            jset(x, o, "to_all", jbool(x, c->to_all));
            jset(x, o, "to", JREFS(x, c->to));
        } else {
            jset(x, o, "with_all", jbool(x, c->with_all));
            jset(x, o, "with", JREFS(x, c->with));
        }
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *governance(Ex *x)
{
    const Model *m = x->m;
    static const char *rules[] = {NULL, "consensus", "majority", "partner"};
    JNode *o = jnew(x, J_OBJ);
    jset(x, o, "decisions", jstr(x, rules[m->decisions]));
    jset(x, o, "decider", jref(x, m->decisions == DECIDE_PARTNER ? m->decider : NULL));
    jset(x, o, "escalation", jstr(x, m->escalation));
    jset(x, o, "data_sharing", jstr(x, m->data_sharing));
    jset(x, o, "min_cell", m->min_cell ? jnum(x, m->min_cell) : jstr(x, NULL));
    return o;
}

/* Resources per unit: what the partners commit (pass 0), the part of it
 * subject to conditions (pass 1), and what the activities budget (pass
 * 2), summed. */
static JNode *totals(Ex *x)
{
    static const char *const keys[] = {"commits", "conditional", "budgets"};
    JNode *o = jnew(x, J_OBJ);
    for (int pass = 0; pass < 3; pass++) {
        const char *units[256];
        double sums[256];
        int nu = 0;
        for (int i = 0; i < (pass == 2 ? x->m->activities.n : x->m->partners.n); i++) {
            int nq = pass == 2 ? x->m->activities.v[i]->budgets.n
                               : x->m->partners.v[i]->commits.n;
            for (int k = 0; k < nq; k++) {
                if (pass == 1 && !x->m->partners.v[i]->commits.v[k].condition)
                    continue;
                const Quantity *q = pass == 2 ? &x->m->activities.v[i]->budgets.v[k].q
                                              : &x->m->partners.v[i]->commits.v[k].q;
                const char *u = q->unit ? q->unit->d.id : "";
                int j = 0;
                while (j < nu && strcmp(units[j], u) != 0)
                    j++;
                if (j == nu) {
                    if (nu == 256)
                        continue;
                    units[nu] = u;
                    sums[nu++] = 0;
                }
                sums[j] += q->value;
            }
        }
        JNode *t = jnew(x, J_OBJ);
        for (int j = 0; j < nu; j++)
            jset(x, t, units[j], jnum(x, sums[j]));
        jset(x, o, keys[pass], t);
    }
    return o;
}

static JNode *vocabulary(Ex *x, void *const *v, int count)
{
    int n;
    const Decl **d = sorted(x, v, count, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++)
        jpush(x, arr, decl_obj(x, d[i]));
    return arr;
}

/* Clauses in source order: the order of the general provisions. */
static JNode *clauses(Ex *x)
{
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < x->m->clauses.n; i++) {
        const Clause *c = x->m->clauses.v[i];
        if (c->d.is_std)
            continue;
        JNode *o = decl_obj(x, &c->d);
        jset(x, o, "covers", JREFS(x, c->covers));
        jset(x, o, "binding", jbinding(x, c->binding));
        jset(x, o, "text", jstr(x, c->text));
        jset(x, o, "allows", jallows(x, &c->d.allows));
        jpush(x, arr, o);
    }
    return arr;
}

/* As vocabulary(), with `"signed": true` for a unit declared so. */
static JNode *units(Ex *x)
{
    int n;
    const Decl **v = SORTED(x, x->m->units, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        JNode *o = decl_obj(x, v[i]);
        if (((const Unit *)v[i])->is_signed)
            jset(x, o, "signed", jbool(x, true));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *externs(Ex *x)
{
    static const char *types[] = {"number", "integer", "date", "series"};
    int n;
    const Decl **v = SORTED(x, x->m->externs, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Extern *e = (const Extern *)v[i];
        JNode *o = jnew(x, J_OBJ);
        jset(x, o, "id", jstr(x, e->d.id));
        JNode *ps = jnew(x, J_ARR);
        for (int k = 0; k < e->params.n; k++)
            jpush(x, ps, jstr(x, types[e->params.v[k]]));
        jset(x, o, "params", ps);
        jset(x, o, "returns", jstr(x, types[e->ret]));
        jset(x, o, "library", jstr(x, e->library));
        jpush(x, arr, o);
    }
    return arr;
}

static JNode *namespaces(Ex *x)
{
    int n;
    const Decl **v = SORTED(x, x->m->namespaces, &n);
    JNode *arr = jnew(x, J_ARR);
    for (int i = 0; i < n; i++) {
        const Namespace *ns = (const Namespace *)v[i];
        JNode *o = jnew(x, J_OBJ);
        jset(x, o, "id", jstr(x, ns->d.id));
        jset(x, o, "agreement",
             jstr(x, ns->model && ns->model->agreement ? ns->model->agreement->d.id : NULL));
        jpush(x, arr, o);
    }
    return arr;
}

void export_json(Arena *a, const Model *m, const char *source, Buf *out)
{
    Ex x = {a, m};
    JNode *root = jnew(&x, J_OBJ);
    jset(&x, root, "format", jstr(&x, "charter-model"));
    jset(&x, root, "format_version", jnum(&x, 1));
    jset(&x, root, "source", jstr(&x, source));
    jset(&x, root, "agreement", agreement(&x));
    jset(&x, root, "agenda", agenda(&x));
    jset(&x, root, "partners", partners(&x));
    jset(&x, root, "tensions", tensions(&x));
    jset(&x, root, "goals", goals(&x));
    jset(&x, root, "indicators", indicators(&x));
    jset(&x, root, "dimensions", dimensions(&x));
    jset(&x, root, "activities", activities(&x));
    jset(&x, root, "milestones", milestones(&x));
    JNode *cm = jnew(&x, J_OBJ);
    jset(&x, cm, "meetings", comms(&x, COMM_MEETING));
    jset(&x, cm, "reports", comms(&x, COMM_REPORT));
    jset(&x, cm, "reviews", comms(&x, COMM_REVIEW));
    jset(&x, root, "communication", cm);
    jset(&x, root, "governance", governance(&x));
    jset(&x, root, "clauses", clauses(&x));
    jset(&x, root, "topics", vocabulary(&x, (void *const *)m->topics.v, m->topics.n));
    jset(&x, root, "totals", totals(&x));
    jset(&x, root, "units", units(&x));
    jset(&x, root, "sectors", vocabulary(&x, (void *const *)m->sectors.v, m->sectors.n));
    jset(&x, root, "externs", externs(&x));
    jset(&x, root, "namespaces", namespaces(&x));
    const AllowList *fa = NULL;
    for (int i = 0; i < m->file_allows.n; i++)
        if (m->file_allows.v[i].file == m->root_file)
            fa = &m->file_allows.v[i].allows;
    jset(&x, root, "allows", jallows(&x, fa));
    jprint(out, root, 0);
    buf_putc(out, '\n');
}
