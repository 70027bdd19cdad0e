/* conflicts.c - the helpers that the conflict checks (two parts of the
 * agreement disagree) share: text of numbers, dates and frequencies, the
 * requirements of a milestone, reporting frequencies.  The checks
 * themselves are in schedule.c, measure.c, resources.c and partners.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "conflicts_int.h"

/* ---- text ------------------------------------------------------------ */

/* Digits of a non-negative integer part with `_` every three digits. */
static void put_grouped(Buf *b, const char *digits)
{
    size_t n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf_putc(b, '_');
        buf_putc(b, digits[i]);
    }
}

const char *cf_num(Arena *a, double v)
{
    if (!isfinite(v))
        return arena_printf(a, "%g", v);
    char tmp[64];
    Buf b;
    buf_init(&b);
    if (v < 0)
        buf_putc(&b, '-');
    double m = fabs(v);
    if (m >= 1e15) {
        snprintf(tmp, sizeof tmp, "%g", m);
        buf_puts(&b, tmp);
    } else {
        /* Two decimals at most: interpolated plans are not exact anyway. */
        snprintf(tmp, sizeof tmp, "%.2f", m);
        char *dot = strchr(tmp, '.');
        char *frac = NULL;
        if (dot) {
            *dot = '\0';
            frac = dot + 1;
            size_t k = strlen(frac);
            while (k > 0 && frac[k - 1] == '0')
                frac[--k] = '\0';
        }
        put_grouped(&b, tmp);
        if (frac && *frac) {
            buf_putc(&b, '.');
            buf_puts(&b, frac);
        }
        if (b.len == 2 && b.data[0] == '-' && b.data[1] == '0')
            b.len = 1, b.data[0] = '0';     /* -0.001 rounds to 0 */
    }
    const char *s = arena_strdup(a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

const char *cf_qty(Arena *a, double v, const Unit *u)
{
    if (!u || strcmp(u->d.id, "count") == 0)
        return cf_num(a, v);
    if (strcmp(u->d.id, "percent") == 0)
        return arena_printf(a, "%s%%", cf_num(a, v));
    return arena_printf(a, "%s %s", cf_num(a, v), u->d.id);
}

const char *cf_val(Arena *a, double v, const Indicator *ind)
{
    if (ind && ind->unit && strcmp(ind->unit->d.id, "percent") == 0)
        return arena_printf(a, "%s%%", cf_num(a, v));
    return cf_num(a, v);
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
