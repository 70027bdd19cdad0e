/* eval.c - evaluating formulas and requirements.  See eval.h. */
#define _POSIX_C_SOURCE 200809L
#include "eval.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extcall.h"

typedef struct Lib {
    const char *name;           /* as written in the extern */
    const char *dir;            /* of the declaring file */
    extcall_lib *lib;             /* NULL: not loaded (refused or failed) */
    bool tried;
} Lib;

typedef struct Fn {
    const Extern *x;
    extcall_fn *fn;               /* NULL: unavailable (reported once) */
} Fn;

/* What every Eval of a tracker shares: the libraries and functions. */
typedef struct Libs {
    VEC(Lib) libs;
    VEC(Fn) fns;
    int refused;
} Libs;

struct Eval {
    Trk *t;
    EvalSource src;
    Libs *l;
    int depth;
};

Eval *eval_new(Trk *t, const EvalSource *src)
{
    Eval *e = arena_alloc(t->a, sizeof *e);
    e->t = t;
    e->src = *src;
    e->l = arena_alloc(t->a, sizeof *e->l);
    return e;
}

Eval *eval_with_source(Eval *parent, const EvalSource *src)
{
    Eval *e = arena_alloc(parent->t->a, sizeof *e);
    *e = *parent;
    e->src = *src;
    e->depth = 0;
    return e;
}

void eval_free(Eval *e)
{
    if (!e)
        return;
    for (int i = 0; i < e->l->fns.n; i++)
        extcall_fn_free(e->l->fns.v[i].fn);
    for (int i = 0; i < e->l->libs.n; i++)
        extcall_close(e->l->libs.v[i].lib);
    e->l->fns.n = e->l->libs.n = 0;
}

int eval_refused(const Eval *e)
{
    return e->l->refused;
}

static const char *where(const Trk *t, const Decl *d)
{
    int line, col;
    src_linecol(&t->comp->sm, d->id_span, &line, &col);
    const SrcFile *f = t->comp->sm.files.v[d->span.file];
    return arena_printf(t->a, "%s:%d", f->display, line);
}

/* The path to dlopen for a user library (see eval.h). */
static const char *lib_path(Eval *e, const Lib *l)
{
    if (l->name[0] == '/')
        return l->name;
    char p[PATH_MAX * 2];
    snprintf(p, sizeof p, "%s/%s", l->dir, l->name);
    if (access(p, R_OK) == 0)
        return arena_strdup(e->t->a, p);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(p, sizeof p, "%s/%s", exe, l->name);
            if (access(p, R_OK) == 0)
                return arena_strdup(e->t->a, p);
        }
    }
    return l->name;     /* the system's search: LD_LIBRARY_PATH, ld.so.cache */
}

static Lib *lib_of(Eval *e, const Extern *x)
{
    const char *dir = x->std_library ? "" : x->library_dir;
    for (int i = 0; i < e->l->libs.n; i++)
        if (strcmp(e->l->libs.v[i].name, x->library) == 0 && strcmp(e->l->libs.v[i].dir, dir) == 0)
            return &e->l->libs.v[i];
    Lib l = {x->library, dir, NULL, false};
    VEC_PUSH(e->t->a, e->l->libs, l);
    Lib *lp = &e->l->libs.v[e->l->libs.n - 1];
    lp->tried = true;
    extcall_error err;
    if (x->std_library) {
        lp->lib = extcall_open(NULL, &err);
    } else if (!e->t->allow_extern) {
        e->l->refused++;
        trk_warn(e->t,
                 "refused to load the library \"%s\" (extern function '%s', %s): a user library "
                 "runs its own code on this computer, so it is loaded only with --allow-extern; "
                 "the formulas that call it have no value",
                 x->library, x->d.id, where(e->t, &x->d));
        return lp;
    } else {
        lp->lib = extcall_open(lib_path(e, lp), &err);
    }
    if (!lp->lib)
        trk_warn(e->t, "%s (extern function '%s', %s); the formulas that call it have no value",
                 err.message, x->d.id, where(e->t, &x->d));
    return lp;
}

static enum extcall_type call_type(ExternType t)
{
    switch (t) {
    case XT_NUMBER: return EXTCALL_NUMBER;
    case XT_INTEGER: return EXTCALL_INTEGER;
    case XT_DATE: return EXTCALL_DATE;
    case XT_SERIES: return EXTCALL_SERIES;
    }
    return EXTCALL_NUMBER;
}

static extcall_fn *fn_of(Eval *e, const Extern *x)
{
    for (int i = 0; i < e->l->fns.n; i++)
        if (e->l->fns.v[i].x == x)
            return e->l->fns.v[i].fn;
    Fn f = {x, NULL};
    Lib *l = lib_of(e, x);
    if (l->lib) {
        enum extcall_type params[EXTCALL_MAX_PARAMS];
        int n = x->params.n < EXTCALL_MAX_PARAMS ? x->params.n : EXTCALL_MAX_PARAMS;
        for (int i = 0; i < n; i++)
            params[i] = call_type(x->params.v[i]);
        extcall_error err;
        f.fn = extcall_lookup(l->lib, x->d.id, params, (size_t)x->params.n, call_type(x->ret), &err);
        if (!f.fn)
            trk_warn(e->t, "%s (extern function '%s', %s); the formulas that call it have no value",
                     err.message, x->d.id, where(e->t, &x->d));
    }
    VEC_PUSH(e->t->a, e->l->fns, f);
    return f.fn;
}

static void later(int32_t *vdate, int32_t d)
{
    if (vdate && d != DATE_NONE && (*vdate == DATE_NONE || d > *vdate))
        *vdate = d;
}

static double call(Eval *e, const Expr *x, int32_t date, int32_t *vdate)
{
    const Extern *ex = x->callee;
    if (!ex || x->args.n != ex->params.n || x->args.n > EXTCALL_MAX_PARAMS)
        return NAN;
    extcall_value args[EXTCALL_MAX_PARAMS];
    charter_series series[EXTCALL_MAX_PARAMS];
    bool missing = false;
    for (int i = 0; i < x->args.n; i++) {
        const Expr *a = x->args.v[i];
        switch (ex->params.v[i]) {
        case XT_SERIES: {
            int ind =
                a->kind == EX_NAME && a->indicator ? trk_indicator_of(e->t, a->indicator) : -1;
            memset(&series[i], 0, sizeof series[i]);
            if (ind >= 0)
                e->src.series(e->src.env, ind, date, &series[i]);
            if (series[i].count > 0 && series[i].dates)
                later(vdate, series[i].dates[series[i].count - 1]);
            args[i].series = &series[i];
            break;
        }
        case XT_NUMBER:
            args[i].number = eval_number(e, a, date, vdate);
            missing |= isnan(args[i].number);
            break;
        case XT_INTEGER: {
            double v = eval_number(e, a, date, vdate);
            missing |= !isfinite(v) || fabs(v) > 9e18;
            args[i].integer = missing ? 0 : (int64_t)llround(v);
            break;
        }
        case XT_DATE: {
            double v = eval_number(e, a, date, vdate);
            missing |= !isfinite(v) || fabs(v) > 2e9;
            args[i].date = missing ? 0 : (int32_t)lround(v);
            break;
        }
        }
    }
    extcall_fn *fn = fn_of(e, ex);
    if (!fn || missing)
        return NAN;
    extcall_value out;
    bool has;
    extcall_error err;
    if (extcall_call(fn, args, (size_t)x->args.n, &out, &has, &err) != 0 || !has)
        return NAN;
    switch (ex->ret) {
    case XT_NUMBER: return out.number;
    case XT_INTEGER: return (double)out.integer;
    case XT_DATE: return (double)out.date;
    case XT_SERIES: break;
    }
    return NAN;
}

double eval_number(Eval *e, const Expr *x, int32_t date, int32_t *vdate)
{
    if (!x)
        return NAN;
    double l, r, v = NAN;
    switch (x->kind) {
    case EX_NUMBER:
    case EX_QUANTITY:
    case EX_PERCENT:
        return x->num;
    case EX_NAME: {
        int ind = x->indicator ? trk_indicator_of(e->t, x->indicator) : -1;
        if (ind < 0 || e->depth > 64)
            return NAN;
        int32_t d = DATE_NONE;
        e->depth++;
        v = e->src.value(e->src.env, ind, date, &d);
        e->depth--;
        if (!isnan(v))
            later(vdate, d);
        return v;
    }
    case EX_CALL:
        v = call(e, x, date, vdate);
        break;
    case EX_NEG:
        v = -eval_number(e, x->l, date, vdate);
        break;
    case EX_BINARY:
        l = eval_number(e, x->l, date, vdate);
        r = eval_number(e, x->r, date, vdate);
        switch (x->op) {
        case OP_ADD: v = l + r; break;
        case OP_SUB: v = l - r; break;
        case OP_MUL: v = l * r; break;
        case OP_DIV: v = r == 0 ? NAN : l / r; break;
        default: v = NAN; break;
        }
        break;
    case EX_NOT:
        v = NAN;
        break;
    }
    return isfinite(v) ? v : NAN;
}

EvalTruth eval_truth(Eval *e, const Expr *x, int32_t date)
{
    if (!x)
        return EVAL_UNKNOWN;
    if (x->kind == EX_NOT) {
        EvalTruth t = eval_truth(e, x->l, date);
        return t == EVAL_UNKNOWN ? t : t == EVAL_TRUE ? EVAL_FALSE : EVAL_TRUE;
    }
    if (x->kind != EX_BINARY)
        return EVAL_UNKNOWN;
    if (x->op == OP_AND || x->op == OP_OR) {
        EvalTruth a = eval_truth(e, x->l, date), b = eval_truth(e, x->r, date);
        EvalTruth dominant = x->op == OP_AND ? EVAL_FALSE : EVAL_TRUE;
        if (a == dominant || b == dominant)
            return dominant;
        if (a == EVAL_UNKNOWN || b == EVAL_UNKNOWN)
            return EVAL_UNKNOWN;
        return a;
    }
    double l = eval_number(e, x->l, date, NULL), r = eval_number(e, x->r, date, NULL);
    if (isnan(l) || isnan(r))
        return EVAL_UNKNOWN;
    bool t;
    switch (x->op) {
    case OP_LT: t = l < r; break;
    case OP_LE: t = l <= r; break;
    case OP_GT: t = l > r; break;
    case OP_GE: t = l >= r; break;
    case OP_EQ: t = l == r; break;
    case OP_NE: t = l != r; break;
    default: return EVAL_UNKNOWN;
    }
    return t ? EVAL_TRUE : EVAL_FALSE;
}

static bool constant(const Expr *x, double *v)
{
    if (x->kind == EX_NUMBER || x->kind == EX_QUANTITY || x->kind == EX_PERCENT) {
        *v = x->num;
        return true;
    }
    if (x->kind == EX_NEG && constant(x->l, v)) {
        *v = -*v;
        return true;
    }
    return false;
}

void eval_marks(const Expr *x, EvalMarkFn fn, void *env)
{
    if (!x)
        return;
    if (x->kind == EX_NOT) {
        eval_marks(x->l, fn, env);
        return;
    }
    if (x->kind != EX_BINARY)
        return;
    if (x->op == OP_AND || x->op == OP_OR) {
        eval_marks(x->l, fn, env);
        eval_marks(x->r, fn, env);
        return;
    }
    if (x->op < OP_LT)
        return;
    double v;
    static const ExprOp flip[] = {[OP_LT] = OP_GT, [OP_LE] = OP_GE, [OP_GT] = OP_LT,
                                  [OP_GE] = OP_LE, [OP_EQ] = OP_EQ, [OP_NE] = OP_NE};
    if (x->l->kind == EX_NAME && x->l->indicator && constant(x->r, &v))
        fn(env, x->l->indicator, x->op, v);
    else if (x->r->kind == EX_NAME && x->r->indicator && constant(x->l, &v))
        fn(env, x->r->indicator, flip[x->op], v);
}

const char *eval_op_text(ExprOp op)
{
    switch (op) {
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    default: return "?";
    }
}
