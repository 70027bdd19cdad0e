/* conflicts.c - the helpers that the conflict checks (two parts of the
 * agreement disagree) share: text of numbers, dates and frequencies, the
 * requirements of a milestone, reporting frequencies.  The checks
 * themselves are in schedule.c, measure.c, resources.c and partners.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "conflicts_int.h"

/* ---- text ------------------------------------------------------------ */

const char *cf_qty(Arena *a, double v, const Unit *u)
{
    if (!u || strcmp(u->d.id, "count") == 0)
        return num_str(a, v, NUM_MESSAGE);
    if (strcmp(u->d.id, "percent") == 0)
        return arena_printf(a, "%s%%", num_str(a, v, NUM_MESSAGE));
    return arena_printf(a, "%s %s", num_str(a, v, NUM_MESSAGE), u->d.id);
}

const char *cf_val(Arena *a, double v, const Indicator *ind)
{
    if (ind && ind->unit && strcmp(ind->unit->d.id, "percent") == 0)
        return arena_printf(a, "%s%%", num_str(a, v, NUM_MESSAGE));
    return num_str(a, v, NUM_MESSAGE);
}

const char *cf_date(Arena *a, int32_t d)
{
    char buf[16];
    return arena_strdup(a, date_iso(d, buf));
}

const char *cf_freq(Arena *a, Duration d)
{
    char buf[64];
    return arena_strdup(a, duration_frequency(d, buf, sizeof buf));
}

const char *cf_span_text(const CheckCtx *x, Span s)
{
    if (s.file == NO_FILE || s.file >= (uint32_t)x->c->sm.files.n)
        return "";
    const SrcFile *f = x->c->sm.files.v[s.file];
    if (s.hi > f->len || s.lo > s.hi)
        return "";
    return arena_strndup(x->c->arena, f->text + s.lo, s.hi - s.lo);
}

bool cf_close(double a, double b)
{
    double scale = fmax(1.0, fmax(fabs(a), fabs(b)));
    return fabs(a - b) <= 1e-9 * scale;
}

/* ---- expressions ------------------------------------------------------ */

static bool constant(const Expr *e, double *v)
{
    switch (e->kind) {
    case EX_NUMBER:
    case EX_QUANTITY:
    case EX_PERCENT:
        *v = e->num;
        return true;
    case EX_NEG:
        if (constant(e->l, v)) {
            *v = -*v;
            return true;
        }
        return false;
    default:
        return false;
    }
}

static ExprOp flip(ExprOp op)
{
    switch (op) {
    case OP_LT: return OP_GT;
    case OP_LE: return OP_GE;
    case OP_GT: return OP_LT;
    case OP_GE: return OP_LE;
    default: return op;
    }
}

/* O(size of the expression). */
void cf_requirements(Arena *a, const Expr *e, CfReqList *out)
{
    if (!e || e->kind != EX_BINARY)
        return;
    if (e->op == OP_AND) {
        cf_requirements(a, e->l, out);
        cf_requirements(a, e->r, out);
        return;
    }
    if (e->op < OP_LT || e->op > OP_NE)
        return;
    CfReq r = {NULL, e->op, 0, e->span};
    if (e->l->kind == EX_NAME && e->l->indicator && constant(e->r, &r.value)) {
        r.ind = e->l->indicator;
    } else if (e->r->kind == EX_NAME && e->r->indicator && constant(e->l, &r.value)) {
        r.ind = e->r->indicator;
        r.op = flip(e->op);
    } else {
        return;
    }
    VEC_PUSH(a, *out, r);
}

void cf_expr_indicators(Arena *a, const Expr *e, CfIndList *out)
{
    if (!e)
        return;
    if (e->kind == EX_NAME && e->indicator) {
        for (int i = 0; i < out->n; i++)
            if (out->v[i] == e->indicator)
                return;
        VEC_PUSH(a, *out, e->indicator);
        return;
    }
    cf_expr_indicators(a, e->l, out);
    cf_expr_indicators(a, e->r, out);
    for (int i = 0; i < e->args.n; i++)
        cf_expr_indicators(a, e->args.v[i], out);
}

/* ---- frequencies ------------------------------------------------------ */

static Duration frequency(const Indicator *ind, int depth)
{
    if (ind->frequency.n > 0 || !ind->formula || depth > 16)
        return ind->frequency;
    Duration best = {0, DUR_DAY};
    for (int i = 0; i < ind->inputs.n; i++) {
        Duration d = frequency(ind->inputs.v[i], depth + 1);
        if (d.n > 0 && (best.n == 0 || duration_days(d) > duration_days(best)))
            best = d;
    }
    return best;
}

Duration cf_frequency(const Indicator *ind)
{
    return frequency(ind, 0);
}

/* Days and weeks count in days, months, quarters and years in months:
 * the two are never equal (a month has no fixed number of days). */
static void canonical(Duration d, int *kind, long *n)
{
    switch (d.unit) {
    case DUR_DAY: *kind = 0; *n = d.n; break;
    case DUR_WEEK: *kind = 0; *n = 7L * d.n; break;
    case DUR_MONTH: *kind = 1; *n = d.n; break;
    case DUR_QUARTER: *kind = 1; *n = 3L * d.n; break;
    default: *kind = 1; *n = 12L * d.n; break;
    }
}

bool cf_same_frequency(Duration a, Duration b)
{
    int ka, kb;
    long na, nb;
    canonical(a, &ka, &na);
    canonical(b, &kb, &nb);
    return ka == kb && na == nb;
}
