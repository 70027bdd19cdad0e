/*
 * Unit tests for compiler/model/exprtext.c: binding strengths, operator
 * spellings and expressions written back in Charter's syntax with the
 * parentheses a reader needs (and no others).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "exprtext.h"

/* Expressions in a fixed pool: no allocation to free. */
static Expr pool[64];
static int used;

static Expr *node(ExprKind k)
{
    Expr *e = &pool[used++];
    memset(e, 0, sizeof *e);
    e->kind = k;
    return e;
}

static Expr *num(double v)
{
    Expr *e = node(EX_NUMBER);
    e->num = v;
    return e;
}

static Expr *name(const char *s)
{
    Expr *e = node(EX_NAME);
    e->name = s;
    return e;
}

static Expr *bin(ExprOp op, Expr *l, Expr *r)
{
    Expr *e = node(EX_BINARY);
    e->op = op;
    e->l = l;
    e->r = r;
    return e;
}

static Expr *unary(ExprKind k, Expr *l)
{
    Expr *e = node(k);
    e->l = l;
    return e;
}

static void put_plain(Buf *b, double v)
{
    buf_printf(b, "%g", v);
}

/* The text of e; valid until the next call. */
static const char *text(const Expr *e)
{
    static Buf b;
    buf_free(&b);
    exprtext_put(&b, e, put_plain);
    return buf_cstr(&b);
}

static int reset(void **state)
{
    used = 0;
    return 0;
}

static void test_prec(void **state)
{
    assert_int_equal(exprtext_prec(bin(OP_OR, num(1), num(2))), 1);
    assert_int_equal(exprtext_prec(bin(OP_AND, num(1), num(2))), 2);
    assert_int_equal(exprtext_prec(unary(EX_NOT, num(1))), 3);
    assert_int_equal(exprtext_prec(bin(OP_LE, num(1), num(2))), 4);
    assert_int_equal(exprtext_prec(bin(OP_NE, num(1), num(2))), 4);
    assert_int_equal(exprtext_prec(bin(OP_SUB, num(1), num(2))), 5);
    assert_int_equal(exprtext_prec(bin(OP_DIV, num(1), num(2))), 6);
    assert_int_equal(exprtext_prec(unary(EX_NEG, num(1))), 7);
    assert_int_equal(exprtext_prec(name("x")), 8);
}

static void test_ops(void **state)
{
    static const char *const want[] = {"+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=",
                                       "and", "or"};
    for (int op = OP_ADD; op <= OP_OR; op++)
        assert_string_equal(exprtext_op((ExprOp)op), want[op]);
}

/* Left-associative: a - (b - c) keeps its parentheses, (a - b) - c loses them. */
static void test_associativity(void **state)
{
    assert_string_equal(text(bin(OP_SUB, name("a"), bin(OP_SUB, name("b"), name("c")))),
                        "a - (b - c)");
    assert_string_equal(text(bin(OP_SUB, bin(OP_SUB, name("a"), name("b")), name("c"))),
                        "a - b - c");
    assert_string_equal(text(bin(OP_MUL, bin(OP_ADD, name("a"), num(1)), num(2))),
                        "(a + 1) * 2");
    assert_string_equal(text(bin(OP_ADD, name("a"), bin(OP_MUL, num(1), num(2)))),
                        "a + 1 * 2");
}

/* Comparisons do not chain: both sides of a comparison of a comparison
 * are in parentheses. */
static void test_comparisons(void **state)
{
    assert_string_equal(text(bin(OP_EQ, bin(OP_LT, name("a"), num(1)), name("b"))),
                        "(a < 1) == b");
    assert_string_equal(
        text(bin(OP_AND, bin(OP_GE, name("a"), num(1)), bin(OP_OR, name("b"), name("c")))),
        "a >= 1 and (b or c)");
}

static void test_operands(void **state)
{
    Expr *q = node(EX_QUANTITY);
    q->num = 5;
    q->name = "USD";
    Expr *p = node(EX_PERCENT);
    p->num = 40;
    Expr *call = node(EX_CALL);
    call->name = "ratio";
    Expr *args[] = {name("a"), bin(OP_ADD, name("b"), num(1))};
    call->args.v = args;
    call->args.n = 2;
    assert_string_equal(text(bin(OP_GT, call, q)), "ratio(a, b + 1) > 5 USD");
    /* `not` binds more loosely than a comparison. */
    assert_string_equal(text(unary(EX_NOT, bin(OP_LT, name("a"), p))), "not a < 40%");
    assert_string_equal(text(unary(EX_NOT, bin(OP_AND, name("a"), name("b")))), "not (a and b)");
    assert_string_equal(text(unary(EX_NEG, bin(OP_ADD, name("a"), num(1)))), "-(a + 1)");
    assert_string_equal(text(unary(EX_NEG, name("a"))), "-a");
}

/* Without a number printer, an expression is written as the agreement
 * writes it: the tracker shows `1_500_000`, not 1500000, and keeps the
 * author's parentheses. */
static void test_as_written(void **state)
{
    Expr *n = num(1500000);
    n->lit = "1_500_000";
    Expr *p = node(EX_PERCENT);
    p->num = 40;
    p->lit = "40.0";
    Buf b = {0};
    exprtext_put(&b, bin(OP_AND, bin(OP_GE, name("a"), n), bin(OP_LT, name("b"), p)), NULL);
    assert_string_equal(buf_cstr(&b), "a >= 1_500_000 and b < 40.0%");
    buf_free(&b);

    /* The author's parentheses are kept, though binding does not need them. */
    Expr *lt = bin(OP_LT, name("x"), num(1));
    lt->paren = true;
    lt->r->lit = "1";
    Expr *e = unary(EX_NOT, lt);
    buf_init(&b);
    exprtext_put(&b, e, NULL);
    assert_string_equal(buf_cstr(&b), "not (x < 1)");
    buf_free(&b);
    assert_string_equal(text(e), "not x < 1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_prec, reset),
        cmocka_unit_test_setup(test_ops, reset),
        cmocka_unit_test_setup(test_associativity, reset),
        cmocka_unit_test_setup(test_comparisons, reset),
        cmocka_unit_test_setup(test_operands, reset),
        cmocka_unit_test_setup(test_as_written, reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
