/*
 * Unit tests for compiler/front/ast_pack.c, the syntax tree a tracker
 * carries: every tree of the examples and of the golden agreements is
 * written and read back equal to the parser's (statements, arguments,
 * expressions, comments, spans, names interned), the same tree gives the
 * same bytes, damaged bytes (cut short, or any one byte changed) give
 * NULL or a tree, never a crash, and a statement without a block has an
 * empty one and cannot be given one by its bytes.
 *
 * Built by the Makefile like every tests/unit/test_*.c; run from the top
 * of the repository.
 */
#define _POSIX_C_SOURCE 200809L
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ast.h"
#include "ast_pack.h"
#include "compile.h"

/* The file id the trees are read back as: another than the parser's, so
 * that spans are compared by their file too. */
#define AGAIN 7

static void same_span(Span a, uint32_t fa, Span b)
{
    assert_int_equal(a.lo, b.lo);
    assert_int_equal(a.hi, b.hi);
    assert_int_equal(a.file == fa ? AGAIN : a.file, b.file);
}

/* Texts are interned on both sides: the same text, and b's is the arena's
 * one copy of it (the arena copies texts over 256 bytes instead, arena.c,
 * for the scanner as for ast_unpack). */
static void same_text(Arena *ab, const char *a, const char *b)
{
    if (!a || !b) {
        assert_ptr_equal(a, b);
        return;
    }
    assert_string_equal(a, b);
    if (strlen(a) <= 256 && arena_intern(ab, a, strlen(a)) != b)
        fail_msg("not interned: \"%.40s\" (%zu bytes)", a, strlen(a));
}

static void same_args(Arena *ab, uint32_t f, const ArgList *a, const ArgList *b);

static void same_arg(Arena *ab, uint32_t f, const Arg *a, const Arg *b)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->bad, b->bad);
    same_span(a->span, f, b->span);
    switch ((ArgKind)a->kind) {
    case ARG_IDENT:
    case ARG_STRING:
        same_text(ab, a->text, b->text);
        break;
    case ARG_NUMBER:
    case ARG_PERCENT:
    case ARG_TIME:
        assert_memory_equal(&a->num, &b->num, sizeof a->num);
        break;
    case ARG_DATE:
        assert_int_equal(a->date, b->date);
        break;
    case ARG_GROUP:
        same_args(ab, f, a->group, b->group);
        break;
    default:
        break;
    }
}

static void same_args(Arena *ab, uint32_t f, const ArgList *a, const ArgList *b)
{
    assert_int_equal(a->n, b->n);
    for (int i = 0; i < a->n; i++)
        same_arg(ab, f, &a->v[i], &b->v[i]);
}

static void same_expr(Arena *ab, uint32_t f, const Expr *a, const Expr *b)
{
    if (!a || !b) {
        assert_ptr_equal(a, b);
        return;
    }
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->op, b->op);
    assert_int_equal(a->paren, b->paren);
    assert_int_equal(a->type, b->type);
    same_span(a->span, f, b->span);
    same_span(a->name_span, f, b->name_span);
    assert_memory_equal(&a->num, &b->num, sizeof a->num);
    if (a->lit || b->lit)
        assert_string_equal(a->lit, b->lit);
    same_text(ab, a->name, b->name);
    same_expr(ab, f, a->l, b->l);
    same_expr(ab, f, a->r, b->r);
    assert_int_equal(a->args.n, b->args.n);
    for (int i = 0; i < a->args.n; i++)
        same_expr(ab, f, a->args.v[i], b->args.v[i]);
}

static void same_stmt(Arena *ab, uint32_t f, const Stmt *a, const Stmt *b)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->has_block, b->has_block);
    same_span(a->span, f, b->span);
    assert_int_equal(a->head_len, b->head_len);
    if (a->has_block)
        assert_int_equal(a->block_lo, b->block_lo);
    assert_string_equal(a->head, b->head);
    same_args(ab, f, &a->args, &b->args);
    if (a->kind != ST_GENERIC)
        same_expr(ab, f, a->expr, b->expr);
    else
        assert_null(b->decl);
    assert_int_equal(ast_block(a)->n, ast_block(b)->n);
    for (int i = 0; i < ast_block(a)->n; i++)
        same_stmt(ab, f, ast_block(a)->v[i], ast_block(b)->v[i]);
}

/* Parses `path` as the tracker's writer does (a file before it, so that
 * its id is not 0), packs it and reads it back: equal; packed twice, the
 * same bytes.  Returns whether the file parsed without errors (a file with
 * errors is not packed). */
static bool round_trip(const char *path, Buf *bytes)
{
    Compilation *c = compile_new();
    src_add(&c->sm, "", "", 0);
    uint32_t id;
    assert_int_equal(src_load(&c->sm, path, path, &id), 0);
    Ast *a = ast_parse(c->arena, &c->diag, id);
    bytes->len = 0;
    if (!ast_pack(a, bytes)) {
        assert_true(a->syntax_errors);
        compile_free(c);
        return false;
    }
    Buf again;
    buf_init(&again);
    assert_true(ast_pack(a, &again));
    assert_int_equal(again.len, bytes->len);
    assert_memory_equal(again.data, bytes->data, bytes->len);
    buf_free(&again);

    Arena *ab = arena_new();
    Ast *b = ast_unpack(ab, AGAIN, bytes->data, bytes->len);
    assert_non_null(b);
    assert_int_equal(b->file, AGAIN);
    assert_false(b->syntax_errors);
    assert_int_equal(a->comments.n, b->comments.n);
    for (int i = 0; i < a->comments.n; i++)
        same_span(a->comments.v[i].span, id, b->comments.v[i].span);
    assert_int_equal(a->top.n, b->top.n);
    for (int i = 0; i < a->top.n; i++)
        same_stmt(ab, id, a->top.v[i], b->top.v[i]);
    arena_free(ab);
    compile_free(c);
    return true;
}

static void test_every_agreement(void **state)
{
    (void)state;
    static const char *const patterns[] = {"examples/*.charter", "tests/golden/*/*.charter",
                                           "stdlib/std/*.charter"};
    Buf bytes;
    buf_init(&bytes);
    int packed = 0;
    for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++) {
        glob_t g;
        if (glob(patterns[p], 0, NULL, &g) != 0)
            continue;
        for (size_t i = 0; i < g.gl_pathc; i++)
            packed += round_trip(g.gl_pathv[i], &bytes);
        globfree(&g);
    }
    buf_free(&bytes);
    assert_true(packed > 100);
}

/* Every prefix of the bytes and every one-byte change: NULL or a tree,
 * read within the bytes (the sanitizer build checks the reads). */
static void test_damaged(void **state)
{
    (void)state;
    Buf bytes;
    buf_init(&bytes);
    assert_true(round_trip("examples/connectivity.charter", &bytes));
    for (size_t n = 0; n < bytes.len; n += 1 + n / 64) {
        Arena *a = arena_new();
        char *cut = malloc(n ? n : 1);
        memcpy(cut, bytes.data, n);
        assert_null(ast_unpack(a, 1, cut, n));
        free(cut);
        arena_free(a);
    }
    char *copy = malloc(bytes.len);
    for (size_t i = 0; i < bytes.len; i += 1 + i / 256) {
        memcpy(copy, bytes.data, bytes.len);
        copy[i] ^= (char)(0x55 + i);
        Arena *a = arena_new();
        (void)ast_unpack(a, 1, copy, bytes.len);
        arena_free(a);
    }
    free(copy);
    buf_free(&bytes);
}

static size_t varint_at(const unsigned char *p, size_t *at)
{
    size_t v = 0;
    for (int shift = 0;; shift += 7) {
        unsigned char c = p[(*at)++];
        v |= (size_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
}

/* A statement without a block is made without the block's fields
 * (ast.h): read through ast_block, its block is empty, and bytes that
 * give statements to a block the statement says it has not are refused
 * rather than read into fields it does not have. */
static void test_leaf_block(void **state)
{
    (void)state;
    Compilation *c = compile_new();
    static const char src[] = "partner p \"P\" {\n  sector public\n}\n";
    uint32_t id = src_add(&c->sm, "t.charter", src, sizeof src - 1);
    Ast *a = ast_parse(c->arena, &c->diag, id);
    assert_int_equal(a->top.n, 1);
    const Stmt *p = a->top.v[0];
    assert_true(p->has_block);
    assert_int_equal(ast_block(p)->n, 1);
    const Stmt *leaf = ast_block(p)->v[0];
    assert_false(leaf->has_block);
    assert_int_equal(ast_block(leaf)->n, 0);
    assert_int_equal(ast_block_span(leaf).lo, leaf->span.hi);

    Buf bytes;
    buf_init(&bytes);
    assert_true(ast_pack(a, &bytes));
    Arena *ab = arena_new();
    assert_non_null(ast_unpack(ab, 1, bytes.data, bytes.len));
    /* The top statement's first byte: after the version, the strings,
     * the comments (none) and the count of statements. */
    const unsigned char *u = (const unsigned char *)bytes.data;
    size_t at = 1, nstr = varint_at(u, &at);
    for (size_t i = 0; i < nstr; i++) {
        size_t len = varint_at(u, &at);
        at += len;
    }
    assert_int_equal(varint_at(u, &at), 0);
    assert_int_equal(varint_at(u, &at), 1);
    assert_int_equal(u[at], ST_GENERIC | 1 << 2);
    bytes.data[at] = ST_GENERIC;
    assert_null(ast_unpack(ab, 1, bytes.data, bytes.len));
    arena_free(ab);
    buf_free(&bytes);
    compile_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_agreement),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_leaf_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
