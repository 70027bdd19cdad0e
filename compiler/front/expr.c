/* expr.c - names, calls, types and units in `requires` and `formula`.
 *
 * Types: a name is an indicator's value (a number in its unit), or its
 * series when passed to a `series` parameter; comparisons and `and`/`or`/
 * `not` give booleans.  Units: + - and comparisons need the same unit on
 * both sides (a plain number fits any unit); * and / of two units give a
 * plain number (a ratio). */
#include <string.h>

#include "resolve_int.h"

static const char *unit_name(const Unit *u)
{
    return u ? u->d.id : "a plain number";
}

static void add_input(Resolver *r, Indicator *owner, Indicator *in)
{
    if (!owner)
        return;
    for (int i = 0; i < owner->inputs.n; i++)
        if (owner->inputs.v[i] == in)
            return;
    VEC_PUSH(r->a, owner->inputs, in);
}

static void resolve(Resolver *r, Scope *s, Expr *e, Indicator *owner, bool series_ok);

static void resolve_call(Resolver *r, Scope *s, Expr *e, Indicator *owner)
{
    Extern *x = (Extern *)resolve_ref(r, s, e->name, e->name_span, REF_CALL);
    e->type = TY_NUMBER;
    if (!x) {
        for (int i = 0; i < e->args.n; i++)
            resolve(r, s, e->args.v[i], owner, true);
        e->type = TY_ERROR;
        return;
    }
    e->callee = x;
    if (e->args.n != x->params.n) {
        Diagnostic *g = diag_report(r->d, CHECK_EXTERN_SIGNATURE, e->span, "file",
                                    "'%s' takes %d argument%s, not %d", x->d.id, x->params.n,
                                    x->params.n == 1 ? "" : "s", e->args.n);
        diag_related(r->d, g, x->d.id_span, "'%s' is declared here", x->d.id);
    }
    for (int i = 0; i < e->args.n; i++) {
        Expr *a = e->args.v[i];
        bool want_series = i < x->params.n && x->params.v[i] == XT_SERIES;
        resolve(r, s, a, owner, want_series);
        if (a->type == TY_ERROR || i >= x->params.n)
            continue;
        if (want_series && a->type != TY_SERIES)
            diag_report(r->d, CHECK_EXTERN_SIGNATURE, a->span, "file",
                        "argument %d of '%s' is a series: name an indicator", i + 1, x->d.id);
        else if (!want_series && a->type != TY_NUMBER)
            diag_report(r->d, CHECK_EXTERN_SIGNATURE, a->span, "file",
                        "argument %d of '%s' is a number", i + 1, x->d.id);
    }
    /* The value of an extern is a plain number: ratios, growth, ... */
    e->unit = NULL;
}

static void need(Resolver *r, Expr *e, ExprType t, const char *what)
{
    if (e->type != TY_ERROR && e->type != t) {
        diag_report(r->d, CHECK_SYNTAX, e->span, "file", "expected %s here", what);
        e->type = TY_ERROR;
    }
}

static void resolve(Resolver *r, Scope *s, Expr *e, Indicator *owner, bool series_ok)
{
    switch (e->kind) {
    case EX_NUMBER:
        e->type = TY_NUMBER;
        break;
    case EX_PERCENT:
        e->type = TY_NUMBER;
        e->unit = model_unit(s->m, "percent");
        break;
    case EX_QUANTITY:
        e->type = TY_NUMBER;
        e->unit = (Unit *)resolve_ref(r, s, e->name, e->name_span, REF_QUANTITY);
        if (!e->unit)
            e->type = TY_ERROR;
        break;
    case EX_NAME: {
        Indicator *ind = (Indicator *)resolve_ref(r, s, e->name, e->name_span, REF_EXPR_NAME);
        if (!ind) {
            e->type = TY_ERROR;
            break;
        }
        if (ind == owner) {
            diag_report(r->d, CHECK_WRONG_KIND, e->span, "file",
                        "the formula of '%s' uses '%s' itself", owner->d.id, owner->d.id);
            e->type = TY_ERROR;
            break;
        }
        e->indicator = ind;
        e->unit = ind->unit;
        e->type = series_ok ? TY_SERIES : TY_NUMBER;
        add_input(r, owner, ind);
        break;
    }
    case EX_CALL:
        resolve_call(r, s, e, owner);
        break;
    case EX_NEG:
        resolve(r, s, e->l, owner, false);
        need(r, e->l, TY_NUMBER, "a number after '-'");
        e->type = e->l->type == TY_ERROR ? TY_ERROR : TY_NUMBER;
        e->unit = e->l->unit;
        break;
    case EX_NOT:
        resolve(r, s, e->l, owner, false);
        need(r, e->l, TY_BOOL, "a comparison after 'not'");
        e->type = e->l->type == TY_ERROR ? TY_ERROR : TY_BOOL;
        break;
    case EX_BINARY: {
        resolve(r, s, e->l, owner, false);
        resolve(r, s, e->r, owner, false);
        if (e->l->type == TY_ERROR || e->r->type == TY_ERROR) {
            e->type = TY_ERROR;
            break;
        }
        if (e->op == OP_AND || e->op == OP_OR) {
            need(r, e->l, TY_BOOL, "a comparison");
            need(r, e->r, TY_BOOL, "a comparison");
            e->type = TY_BOOL;
            break;
        }
        need(r, e->l, TY_NUMBER, "a number");
        need(r, e->r, TY_NUMBER, "a number");
        if (e->l->type == TY_ERROR || e->r->type == TY_ERROR) {
            e->type = TY_ERROR;
            break;
        }
        const Unit *lu = e->l->unit, *ru = e->r->unit;
        if (e->op == OP_MUL || e->op == OP_DIV) {
            e->type = TY_NUMBER;
            e->unit = lu && ru ? NULL : lu ? lu : ru;
            break;
        }
        if (lu && ru && lu != ru) {
            Diagnostic *g = diag_report(r->d, CHECK_UNIT_MISMATCH, e->span, "file",
                                        "%s in %s %s %s in %s",
                                        e->op >= OP_LT ? "comparing a value" : "combining a value",
                                        unit_name(lu), e->op >= OP_LT ? "with" : "and",
                                        "a value", unit_name(ru));
            diag_hint(r->d, g, "write the quantity in %s, or as a plain number", unit_name(lu));
            e->type = TY_ERROR;
            break;
        }
        e->type = e->op >= OP_LT ? TY_BOOL : TY_NUMBER;
        e->unit = e->op >= OP_LT ? NULL : lu ? lu : ru;
        break;
    }
    }
}

void resolve_expr(Resolver *r, Scope *s, Expr *e, bool want_bool, Indicator *owner)
{
    resolve(r, s, e, owner, false);
    if (e->type == TY_ERROR)
        return;
    if (want_bool && e->type != TY_BOOL)
        diag_report(r->d, CHECK_SYNTAX, e->span, "file",
                    "`requires` needs a condition, such as `new_users >= 1_500_000`");
    else if (!want_bool && e->type != TY_NUMBER)
        diag_report(r->d, CHECK_SYNTAX, e->span, "file",
                    "`formula` needs a number, not a condition");
    else if (owner && e->unit && owner->unit && e->unit != owner->unit)
        diag_report(r->d, CHECK_UNIT_MISMATCH, e->span, "file",
                    "the formula gives %s, but indicator '%s' is in %s", unit_name(e->unit),
                    owner->d.id, owner->unit->d.id);
}
