/* test_compile.c - compile.h, one compilation of a text into the model
 * through compile_text(): the scanner, the parser's syntax tree (comments
 * kept), numbers, durations, units, name resolution, and the columns of
 * source.h that messages print. The date module
 * and duration words are tested in test_date.c, suggestions in
 * test_suggest.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ast.h"
#include "buf.h"
#include "compile.h"
#include "date.h"
#include "diag.h"
#include "growth.h"

static Compilation *compile(const char *text)
{
    Compilation *c = compile_new();
    assert_int_equal(compile_text(c, "t.charter", text, strlen(text)), 0);
    return c;
}

/* The check names of the findings, in order, joined by spaces. */
static const char *checks_of(Compilation *c)
{
    static char buf[1024];
    buf[0] = '\0';
    diag_sort(&c->diag);
    for (int i = 0; i < c->diag.items.n; i++) {
        if (buf[0])
            strcat(buf, " ");
        strcat(buf, c->diag.items.v[i]->check);
    }
    return buf;
}

static const char *AG = "agreement a \"A\" {\n  term 2024-01-01 to 2025-12-31\n}\n";

static Compilation *with_agreement(const char *rest)
{
    static char text[4096];
    snprintf(text, sizeof text, "%s%s", AG, rest);
    return compile(text);
}

static void test_durations(void **state)
{
    (void)state;
    Compilation *c = with_agreement("");
    compile_free(c);
    c = compile("agreement a \"A\" {\n  withdrawal 90 days notice\n}\n");
    assert_string_equal(checks_of(c), "");
    assert_int_equal(c->model->agreement->withdrawal.n, 90);
    assert_int_equal(c->model->agreement->withdrawal.unit, DUR_DAY);
    compile_free(c);
    c = compile("agreement a \"A\" {\n  withdrawal 90 fortnights notice\n}\n");
    assert_string_equal(checks_of(c), "syntax");
    compile_free(c);
}

static void test_numbers(void **state)
{
    (void)state;
    Compilation *c = with_agreement(
        "partner p \"P\" {\n  commits 10_000_000 USD\n  commits 2.5 hours\n}\n"
        "indicator i \"I\" {\n  unit percent\n  target 40% by 2025-01-01\n"
        "  baseline -3 on 2024-01-01\n}\n");
    assert_string_equal(checks_of(c), "");
    Partner *p = c->model->partners.v[0];
    assert_int_equal(p->commits.n, 2);
    assert_true(p->commits.v[0].q.value == 10000000.0);
    assert_string_equal(p->commits.v[0].q.unit->d.id, "USD");
    assert_true(p->commits.v[1].q.value == 2.5);
    Indicator *ind = c->model->indicators.v[0];
    assert_true(ind->targets.v[0].value == 40);
    assert_true(ind->baseline == -3);
    compile_free(c);
    c = with_agreement("indicator i \"I\" {\n  target 1e999 by 2025-01-01\n}\n");
    assert_string_equal(checks_of(c), "invalid_number");
    compile_free(c);
}

static void test_scanner(void **state)
{
    (void)state;
    /* Strings with escapes and a """ block with its indentation removed. */
    Compilation *c = compile("agreement a \"Tab\\there \\\"q\\\"\" {\n"
                             "  scope \"\"\"\n    line one\n      indented\n  \"\"\"\n}\n");
    assert_string_equal(checks_of(c), "");
    assert_string_equal(c->model->agreement->d.title, "Tab\there \"q\"");
    assert_string_equal(c->model->agreement->scope, "line one\n  indented");
    compile_free(c);
    /* `;` ends a statement; a trailing comma continues the line; comments. */
    c = compile("agreement a \"A\" { version \"1\"; scope \"s\" }  # trailing\n"
                "partner p \"P\" {}\npartner q \"Q\" {}\n"
                "tension t between p,\n   q\n");
    assert_string_equal(checks_of(c), "");
    assert_string_equal(c->model->agreement->version, "1");
    assert_int_equal(c->model->tensions.v[0]->partners.n, 2);
    compile_free(c);
    /* Unterminated string and stray characters are reported, scanning goes on. */
    c = compile("agreement a \"A\" {\n  version \"1\n  scope @ \"x\"\n}\n");
    assert_string_equal(checks_of(c), "syntax syntax");
    compile_free(c);
}

static void test_bom_and_reserved_words(void **state)
{
    (void)state;
    /* A byte-order mark is skipped; a reserved word before "(" stays one. */
    Compilation *c = compile("\xEF\xBB\xBF" "agreement a \"A\" {}\n"
                             "indicator i \"I\" { unit count }\n"
                             "milestone m \"M\" {\n  requires(i > 0)and not(i > 5)\n}\n");
    assert_string_equal(checks_of(c), "");
    assert_non_null(c->model->milestones.v[0]->requires);
    assert_int_equal(c->model->milestones.v[0]->requires->op, OP_AND);
    compile_free(c);
}

static void test_comments_recorded(void **state)
{
    (void)state;
    Compilation *c = compile_new();
    const char *text = "# one\nagreement a \"A\" {} # two\n";
    uint32_t id = src_add(&c->sm, "t", text, strlen(text));
    Ast *ast = ast_parse(c->arena, &c->diag, id);
    assert_int_equal(ast->comments.n, 2);
    assert_int_equal(ast->comments.v[0].span.lo, 0);
    assert_int_equal(ast->comments.v[1].span.lo, 25);
    assert_int_equal(ast->top.n, 1);
    assert_false(ast->syntax_errors);
    compile_free(c);
}

/* Columns in UTF-16 code units (SARIF, GitHub) beside byte columns, in
 * any order: src_linecol_utf16 goes on from its previous answer only when
 * that is earlier on the same line. */
static void test_columns_utf16(void **state)
{
    (void)state;
    Compilation *c = compile_new();
    const char *text = "ab\n\xc3\xa9\xe2\x98\x95\xf0\x9d\x84\x9ex\n";   /* é ☕ 𝄞 x */
    uint32_t id = src_add(&c->sm, "t", text, strlen(text));
    static const struct { uint32_t at; int line, u16, bytes; } cases[] = {
        {12, 2, 5, 10},    /* x: é, ☕ one unit each, 𝄞 two */
        {3, 2, 1, 1},      /* back to é: counted again from the line's start */
        {5, 2, 2, 3},      /* ☕ */
        {8, 2, 3, 6},      /* 𝄞 */
        {1, 1, 2, 2},      /* another line */
        {13, 2, 6, 11},    /* past x, after a jump back */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Span s = {id, cases[i].at, cases[i].at};
        int line, col;
        src_linecol_utf16(&c->sm, s, &line, &col);
        assert_int_equal(line, cases[i].line);
        assert_int_equal(col, cases[i].u16);
        src_linecol(&c->sm, s, &line, &col);
        assert_int_equal(col, cases[i].bytes);
    }
    compile_free(c);
}

static void test_units(void **state)
{
    (void)state;
    Compilation *c = with_agreement(
        "indicator users \"U\" { unit people }\n"
        "indicator share \"S\" {\n  unit percent\n  formula 100 * ratio(users, users)\n}\n"
        "milestone m \"M\" {\n  requires users >= 5 people and share < 50%\n}\n");
    assert_string_equal(checks_of(c), "");
    assert_int_equal(c->model->indicators.v[1]->inputs.n, 1);
    compile_free(c);
    c = with_agreement("indicator users \"U\" { unit people }\n"
                       "milestone m \"M\" {\n  requires users >= 5 USD\n}\n");
    assert_string_equal(checks_of(c), "unit_mismatch");
    compile_free(c);
    /* A unit declared by the user, after its first use. */
    c = with_agreement("partner p \"P\" {\n  commits 3 vans\n}\nunit vans \"vans\"\n");
    assert_string_equal(checks_of(c), "");
    compile_free(c);
}

static void test_resolution(void **state)
{
    (void)state;
    Compilation *c = with_agreement(
        "activity x \"X\" {\n  lead p\n  supports g\n  period 2024-02-01 to 2024-03-01\n}\n"
        "partner p \"P\" { sector private }\ngoal g \"G\" { by 2025-01-01 }\n");
    assert_string_equal(checks_of(c), "");
    Activity *a = c->model->activities.v[0];
    assert_ptr_equal(a->lead, c->model->partners.v[0]);
    assert_ptr_equal(a->supports.v[0], c->model->goals.v[0]);
    assert_string_equal(c->model->partners.v[0]->sector->d.id, "private");
    compile_free(c);
    c = with_agreement("activity x \"X\" {\n  lead pp\n  supports p\n}\npartner p \"P\" {}\n");
    assert_string_equal(checks_of(c), "undefined_name wrong_kind");
    assert_string_equal(c->diag.items.v[0]->hint, "did you mean 'p'?");
    compile_free(c);
    c = with_agreement("goal g \"G\" {}\ngoal g \"M\" {}\n");
    assert_string_equal(checks_of(c), "duplicate_name");
    compile_free(c);
    c = compile("partner p \"P\" {}\n");
    assert_string_equal(checks_of(c), "missing_agreement");
    compile_free(c);
}

/* Each kind has its own names: one name for a need, an activity and a
 * goal; a reference finds the kind its place expects; a declaration of
 * the agreement replaces the prelude's of its kind and name in place. */
static void test_names_per_kind(void **state)
{
    (void)state;
    Compilation *c = with_agreement(
        "agenda {\n  need x \"N\"\n}\ngoal x \"G\" {}\n"
        "activity x \"X\" {\n  lead schools\n  supports x\n  addresses x\n}\n"
        "partner schools \"S\" {\n  commits 3 schools\n}\n"
        "unit schools \"school buildings\"\nlevel national \"Nationwide\"\n");
    assert_string_equal(checks_of(c), "");
    Model *m = c->model;
    Activity *a = m->activities.v[0];
    assert_ptr_equal(a->lead, m->partners.v[0]);
    assert_ptr_equal(a->supports.v[0], m->goals.v[0]);
    assert_ptr_equal(a->addresses.v[0], m->needs.v[0]);
    Unit *u = m->partners.v[0]->commits.v[0].q.unit;
    assert_string_equal(u->d.title, "school buildings");
    assert_false(u->d.is_std);
    int schools = 0;
    for (int i = 0; i < m->units.n; i++)
        schools += strcmp(m->units.v[i]->d.id, "schools") == 0;
    assert_int_equal(schools, 1);
    assert_string_equal(m->levels.v[2]->d.title, "Nationwide");
    assert_int_equal(m->levels.v[2]->order, 2);
    assert_int_equal(m->levels.n, 4);
    compile_free(c);
    c = with_agreement("unit schools \"S\"\nunit schools \"T\"\n");
    assert_string_equal(checks_of(c), "duplicate_name");
    compile_free(c);
    c = with_agreement("agenda {\n  need x \"N\"\n}\nactivity a \"A\" {\n  lead x\n}\n");
    assert_string_equal(checks_of(c), "wrong_kind");
    assert_string_equal(c->diag.items.v[0]->message,
                        "'x' is a need, but an activity's `lead` expects a partner");
    compile_free(c);
}

/* n partners, and an activity whose `partners` lists each of them eight
 * times, in two statements. */
static void long_list(Buf *b, int n)
{
    buf_init(b);
    buf_puts(b, AG);
    for (int i = 0; i < n; i++)
        buf_printf(b, "partner p%d \"P\"\n", i);
    buf_puts(b, "activity x \"X\" {\n");
    for (int k = 0; k < 2; k++) {
        buf_puts(b, "  partners p0");
        for (int i = 1; i < 4 * n; i++)
            buf_printf(b, ", p%d", i % n);
        buf_puts(b, "\n");
    }
    buf_puts(b, "}\n");
}

static void compile_buf(void *arg)
{
    const Buf *b = arg;
    Compilation *c = compile_new();
    compile_text(c, "t.charter", b->data, b->len);
    compile_free(c);
}

/* A name listed twice counts once, in a list of any length; and reading a
 * list takes time linear in its length (the duplicate check used to scan
 * the list for each name). */
static void test_long_lists(void **state)
{
    (void)state;
    Buf b;
    for (int n = 3; n <= 40; n += 37) {
        long_list(&b, n);
        Compilation *c = compile_new();
        assert_int_equal(compile_text(c, "t.charter", b.data, b.len), 0);
        const Activity *a = c->model->activities.v[0];
        assert_int_equal(a->partners.n, n);
        for (int i = 0; i < n; i++)
            assert_ptr_equal(a->partners.v[i], c->model->partners.v[i]);
        compile_free(c);
        buf_free(&b);
    }
    Buf small, large;
    long_list(&small, 6000);
    long_list(&large, 6000 * GROWTH_FACTOR);
    double r;
    if (!growth_work_linear(compile_buf, &small, &large, &r))
        fail_msg("%d times the list took %.1f times as long", GROWTH_FACTOR, r);
    buf_free(&small);
    buf_free(&large);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_numbers),      cmocka_unit_test(test_scanner), cmocka_unit_test(test_bom_and_reserved_words),
        cmocka_unit_test(test_comments_recorded), cmocka_unit_test(test_units),
        cmocka_unit_test(test_columns_utf16),
        cmocka_unit_test(test_resolution),
        cmocka_unit_test(test_names_per_kind), cmocka_unit_test(test_long_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
