/* exprtext.c - expressions written back as text.  See exprtext.h. */
#include "exprtext.h"

#include "numtext.h"

int exprtext_prec(const Expr *e)
{
    switch (e->kind) {
    case EX_BINARY:
        switch (e->op) {
        case OP_OR: return 1;
        case OP_AND: return 2;
        case OP_ADD: case OP_SUB: return 5;
        case OP_MUL: case OP_DIV: return 6;
        default: return 4;
        }
    case EX_NOT: return 3;
    case EX_NEG: return 7;
    default: return 8;
    }
}

const char *exprtext_op(ExprOp op)
{
    static const char *const names[] = {"+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=",
                                        "and", "or"};
    return names[op];
}

static void put_num(Buf *b, const Expr *e, ExprNumFn *num)
{
    if (num)
        num(b, e->num);
    else if (!e->lit)   /* a tree not made by the parser */
        num_put(b, e->num, NUM_PLAIN);
    else
        buf_puts(b, e->lit);
}

static void put(Buf *b, const Expr *e, int min, ExprNumFn *num)
{
    bool paren = exprtext_prec(e) < min || (!num && e->paren);
    if (paren)
        buf_putc(b, '(');
    switch (e->kind) {
    case EX_NUMBER:
        put_num(b, e, num);
        break;
    case EX_QUANTITY:
        put_num(b, e, num);
        buf_printf(b, " %s", e->name);
        break;
    case EX_PERCENT:
        put_num(b, e, num);
        buf_putc(b, '%');
        break;
    case EX_NAME:
        buf_puts(b, e->name);
        break;
    case EX_CALL:
        buf_printf(b, "%s(", e->name);
        for (int i = 0; i < e->args.n; i++) {
            if (i)
                buf_puts(b, ", ");
            put(b, e->args.v[i], 0, num);
        }
        buf_putc(b, ')');
        break;
    case EX_NOT:
        buf_puts(b, "not ");
        put(b, e->l, 3, num);
        break;
    case EX_NEG:
        buf_putc(b, '-');
        put(b, e->l, 7, num);
        break;
    case EX_BINARY: {
        int p = exprtext_prec(e);
        /* Left-associative: the right operand needs parentheses at the
         * same level; comparisons do not chain. */
        put(b, e->l, p == 4 ? 5 : p, num);
        buf_printf(b, " %s ", exprtext_op(e->op));
        put(b, e->r, p + 1, num);
        break;
    }
    }
    if (paren)
        buf_putc(b, ')');
}

void exprtext_put(Buf *b, const Expr *e, ExprNumFn *num)
{
    put(b, e, 0, num);
}
