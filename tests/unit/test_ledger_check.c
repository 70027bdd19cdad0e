/* test_ledger_check.c - the checks of data rows behind validate, import,
 * record and done (runtime/ledger_check.c): that they take time linear in
 * the size of the data, measured as growth.h says (the time on n rows and
 * on GROWTH_FACTOR n), and that their answers are right at both sizes.
 *
 *  - Keys that differ only by their date (one indicator, one reporter,
 *    one breakdown cell, a row a day): rows checked against each other
 *    and against a ledger that already holds them all, as importing a
 *    file twice does (each ledger row used to be compared with every
 *    later new row: 80,000 rows took 30 s).
 *  - A misspelt reporter in every row of an agreement with as many
 *    partners as rows: "did you mean" is worked out once per distinct
 *    bad value, not once per row against every partner (20,001 rows
 *    among 3,300 partners took 15 s). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "compile_ok.h"
#include "growth.h"
#include "ledger_check.h"

/* ---- a tracker over a compiled text ---------------------------------------- */

static void index_ids(HMap *m, Arena *a, Decl *const *decls, int n)
{
    hmap_init_str(m, a, n, true);
    for (int i = 0; i < n; i++)
        hmap_str_put(m, decls[i]->id, strlen(decls[i]->id), i);
}

/* What trk_compile makes of a model, without a bundle. */
static void trk_over(Trk *t, Compilation *c)
{
    memset(t, 0, sizeof *t);
    t->prog = "test_ledger_check";
    t->comp = c;
    t->a = c->arena;
    t->m = c->model;
    t->ag = t->m->agreement;
    t->nind = t->m->indicators.n;
    t->npart = t->m->partners.n;
    t->nms = t->m->milestones.n;
    t->ind = t->m->indicators.v;
    t->part = t->m->partners.v;
    t->ms = t->m->milestones.v;
    index_ids(&t->ind_ix, t->a, (Decl *const *)t->ind, t->nind);
    index_ids(&t->part_ix, t->a, (Decl *const *)t->part, t->npart);
    index_ids(&t->ms_ix, t->a, (Decl *const *)t->ms, t->nms);
    t->data_dir = ".";
}

/* An agreement of `nparts` partners (p0 ... p(n-1)) and one indicator,
 * `users`, reported by p0 and broken down by gender. */
static Compilation *agreement(int nparts)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "agreement agr \"T\" {\n  term 2020-01-01 to 2030-12-31\n  lead p0\n}\n");
    for (int i = 0; i < nparts; i++)
        buf_printf(&b, "partner p%d \"Partner %d\" { sector government }\n", i, i);
    buf_puts(&b, "indicator users \"Users\" {\n  unit people\n  frequency monthly\n"
                 "  reported_by p0\n  disaggregated_by gender\n}\n"
                 "dimension gender \"Gender\" { female, male }\n");
    Compilation *c = compile_ok(buf_cstr(&b));
    buf_free(&b);
    return c;
}

/* A temporary data file of n rows of users by `who`, one a day from
 * 1800-01-01, all for the female cell: keys that differ only by date. */
static char *data_file(int n, const char *who)
{
    char *path = strdup("/tmp/test_ledger_check.XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("indicator,date,value,reporter,gender\n", f);
    for (int i = 0; i < n; i++) {
        char d[16];
        fprintf(f, "users,%s,%d,%s,female\n", date_iso(date_from_civil(1800, 1, 1) + i, d), i, who);
    }
    assert_int_equal(fclose(f), 0);
    return path;
}

/* ---- the work timed ---------------------------------------------------------- */

typedef struct Run {
    Trk t;
    const char *data;       /* the new rows */
    const char *ledger;     /* NULL: validate only */
    long rows, bad, dups;   /* what the last run found */
} Run;

static void check_once(void *arg)
{
    Run *r = arg;
    LCheck c;
    lcheck_init(&c, &r->t, LC_OBS);
    lcheck_file(&c, r->data);
    if (r->ledger)
        lcheck_against(&c, r->ledger, lcheck_add_src(&c, r->ledger, false));
    lcheck_finish(&c);      /* the rows of each key in order */
    r->rows = c.nrows;
    r->bad = c.bad_rows + c.ledger_bad;
    r->dups = 0;
    for (int i = 0; i < c.rows.n; i++)
        r->dups += c.rows.v[i].dup;
    lcheck_free(&c);
}

/* Fails unless check_once on runs of n rows and GROWTH_FACTOR n rows
 * grows linearly. */
static void assert_linear(Run *small, Run *large, const char *what)
{
    double r;
    if (!growth_work_linear(check_once, small, large, &r))
        fail_msg("%d times %s took %.1f times as long", GROWTH_FACTOR, what, r);
}

/* ---- the tests ----------------------------------------------------------------- */

static void test_keys_by_date_linear(void **state)
{
    (void)state;
    enum { N = 2000 };
    Run r[2];
    char *paths[2];
    for (int k = 0; k < 2; k++) {
        int n = k ? N * GROWTH_FACTOR : N;
        trk_over(&r[k].t, agreement(2));
        paths[k] = data_file(n, "p0");
        /* The ledger holds the same rows: every row is a duplicate. */
        r[k].data = r[k].ledger = paths[k];
        check_once(&r[k]);
        assert_int_equal(r[k].rows, n);
        assert_int_equal(r[k].bad, 0);
        assert_int_equal(r[k].dups, n);
    }
    assert_linear(&r[0], &r[1], "the rows checked against a ledger holding them");
    for (int k = 0; k < 2; k++) {
        unlink(paths[k]);
        free(paths[k]);
        compile_free(r[k].t.comp);
    }
}

static void test_did_you_mean_once(void **state)
{
    (void)state;
    enum { N = 200 };
    Run r[2];
    char *paths[2];
    for (int k = 0; k < 2; k++) {
        int n = k ? N * GROWTH_FACTOR : N;
        /* As many partners as rows, and every row misspells p0. */
        trk_over(&r[k].t, agreement(n));
        paths[k] = data_file(n, "pO");
        r[k].data = paths[k];
        r[k].ledger = NULL;
        check_once(&r[k]);
        assert_int_equal(r[k].bad, n);
    }
    /* Each row says the same, suggestion included. */
    LCheck c;
    lcheck_init(&c, &r[0].t, LC_OBS);
    lcheck_file(&c, r[0].data);
    assert_int_equal(c.msgs.n, N);
    for (int i = 0; i < c.msgs.n; i++)
        assert_string_equal(c.msgs.v[i].text, "unknown partner 'pO'; did you mean 'p0'?");
    lcheck_free(&c);
    assert_linear(&r[0], &r[1], "the rows and partners");
    for (int k = 0; k < 2; k++) {
        unlink(paths[k]);
        free(paths[k]);
        compile_free(r[k].t.comp);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_by_date_linear),
        cmocka_unit_test(test_did_you_mean_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
