/*
 * Unit tests for runtime/obs.c, the streaming reader of observations.csv:
 * latest values per evaluation date, breakdown cells, reporting periods,
 * bad rows counted, and the split of a large file between two threads,
 * including a quoted field with line breaks across the middle.  The scan
 * index it reads first is tested with its module (test_bundle.c).
 *
 * Built by the Makefile like every tests/unit/test_*.c.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "date.h"
#include "obs.h"
#include "obs_int.h"

static int32_t D(const char *iso)
{
    int32_t d;
    assert_true(date_parse(iso, &d));
    return d;
}

/* users: reported by p and q, quarterly from 2024-01-01, a requirement
 * read on 2024-03-31; visits: by p, broken down by sex. */
static const char index_text[] = "A t\n"
                                 "D sex female male\n"
                                 "I users 0 19723 1 3 0 R p q M E 19813\n"
                                 "I visits 0 19723 1 3 0 R p M 0 E\n"
                                 "I share 1 - 0 0 0 R M E\n";

typedef struct Fixture {
    Arena *a;
    BundleIndex ix;
    Obs o;
    char path[64];
} Fixture;

static void write_file(Fixture *f, const char *text, size_t len)
{
    strcpy(f->path, "/tmp/test_obs_XXXXXX");
    int fd = mkstemp(f->path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
}

static void scan_index(Fixture *f, const char *index, const char *text, size_t len, int32_t as_of,
                       int threads)
{
    f->a = arena_new();
    assert_true(bundle_index_parse(index, f->a, &f->ix));
    write_file(f, text, len);
    obs_init(&f->o, "test", &f->ix, f->a, as_of, false);
    assert_int_equal(obs_start(&f->o, f->path, threads), 0);
    obs_finish(&f->o);
}

static void scan(Fixture *f, const char *text, size_t len, int32_t as_of, int threads)
{
    scan_index(f, index_text, text, len, as_of, threads);
}

static void done(Fixture *f)
{
    obs_free(&f->o);
    bundle_index_free(&f->ix);
    arena_free(f->a);
    unlink(f->path);
}

static void test_latest_values(void **state)
{
    (void)state;
    static const char text[] = "indicator,date,value,reporter,note,sex\n"
                               "users,2024-02-15,10,p,,\n"
                               "users,2024-05-15,30,p,\"late, but in\",\n"
                               "users,2024-03-01,5,q,,\n"
                               "users,2024-09-01,99,q,after the as-of date,\n"
                               "users,2024-04-01,x,p,,\n"
                               "nobody,2024-04-01,1,p,,\n"
                               "users,2024-04-01,1,r,,\n"
                               "share,2024-04-01,1,p,,\n"
                               "visits,2024-05-01,4,p,,female\n"
                               "visits,2024-05-01,6,p,,male\n"
                               "visits,2024-05-01,1,p,,unknown\n";
    Fixture f;
    int32_t as_of = D("2024-06-30");
    scan(&f, text, sizeof text - 1, as_of, 1);
    assert_int_equal(f.o.rows, 11);
    assert_int_equal(f.o.future, 1);
    assert_int_equal(f.o.skipped, 5);   /* x, nobody, r, share, unknown */
    const ObsSlot *s = obs_slot(&f.o, 0, 0, as_of);
    assert_int_equal(s->tdate, D("2024-05-15"));
    assert_true(s->total == 30);
    /* The requirement's date: the value then. */
    assert_true(obs_has_eval(&f.o, 0, D("2024-03-31")));
    s = obs_slot(&f.o, 0, 0, D("2024-03-31"));
    assert_int_equal(s->tdate, D("2024-02-15"));
    assert_true(s->total == 10);
    s = obs_slot(&f.o, 0, 1, as_of);
    assert_int_equal(s->tdate, D("2024-03-01"));
    /* Full cells add up. */
    s = obs_slot(&f.o, 1, 0, as_of);
    assert_int_equal(s->tdate, DATE_NONE);
    assert_int_equal(s->cdate, D("2024-05-01"));
    assert_true(s->csum == 10);
    /* Periods: p reported in Q1 and Q2, q in Q1. */
    assert_true(obs_reported(&f.o, 0, 0, 0));
    assert_true(obs_reported(&f.o, 0, 0, 1));
    assert_int_equal(obs_periods_reported(&f.o, 0, 1), 1);
    done(&f);
}

/* A file over the two-thread threshold: rows, a huge quoted note with line
 * breaks (and lines that look like rows) across the middle, more rows. */
static char *big_file(size_t *len, int *nrows)
{
    size_t cap = 6 * 1024 * 1024, n = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    n += (size_t)sprintf(t + n, "indicator,date,value,reporter,note\n");
    int rows = 0;
    while (n < 1800 * 1024) {
        n += (size_t)sprintf(t + n, "users,2024-01-%02d,%d,p,\n", rows % 28 + 1, rows);
        rows++;
    }
    n += (size_t)sprintf(t + n, "users,2024-02-01,7,q,\"");
    while (n < 3000 * 1024)
        n += (size_t)sprintf(t + n, "users,2024-03-30,999999,p\n");
    n += (size_t)sprintf(t + n, "\"\n");
    rows++;
    while (n < 4800 * 1024) {
        n += (size_t)sprintf(t + n, "users,2024-02-%02d,%d,p,\n", rows % 28 + 1, rows);
        rows++;
    }
    n += (size_t)sprintf(t + n, "users,2024-03-29,123,p,the last\n");
    rows++;
    *len = n;
    *nrows = rows;
    return t;
}

static void test_two_threads(void **state)
{
    (void)state;
    size_t len;
    int rows;
    char *text = big_file(&len, &rows);
    int32_t as_of = D("2024-06-30");
    for (int threads = 1; threads <= 2; threads++) {
        Fixture f;
        scan(&f, text, len, as_of, threads);
        assert_int_equal(f.o.rows, rows);
        assert_int_equal(f.o.skipped, 0);
        const ObsSlot *s = obs_slot(&f.o, 0, 0, as_of);
        assert_int_equal(s->tdate, D("2024-03-29"));    /* not the 999999 inside the quotes */
        assert_true(s->total == 123);
        s = obs_slot(&f.o, 0, 1, as_of);
        assert_int_equal(s->tdate, D("2024-02-01"));
        assert_true(s->total == 7);
        done(&f);
    }
    /* Without the note, the halves agree and both are counted. */
    char *plain = malloc(len);
    assert_non_null(plain);
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] != '"')
            plain[n++] = text[i];
    Fixture f;
    scan(&f, plain, n, as_of, 2);
    assert_true(f.o.rows > rows);   /* the note's lines are rows now */
    done(&f);
    free(plain);
    free(text);
}

static void test_missing_and_empty(void **state)
{
    (void)state;
    Fixture f;
    f.a = arena_new();
    assert_true(bundle_index_parse(index_text, f.a, &f.ix));
    obs_init(&f.o, "test", &f.ix, f.a, D("2024-06-30"), false);
    assert_int_equal(obs_start(&f.o, "/nonexistent/observations.csv", 2), 0);
    obs_finish(&f.o);
    assert_true(f.o.missing);
    assert_int_equal(f.o.rows, 0);
    obs_free(&f.o);
    bundle_index_free(&f.ix);
    arena_free(f.a);
    scan(&f, "", 0, D("2024-06-30"), 2);
    assert_int_equal(f.o.rows, 0);
    done(&f);
}

/* The series table hashes a row's ids by their first and last 8 bytes;
 * ids that differ only between those would share a hash, so the table
 * hashes them whole instead, and every row still finds its series. */
static void test_ids_alike(void **state)
{
    (void)state;
    static const char alike[] =
        "A t\n"
        "I households_in_north_district_total 0 19723 1 3 0 R school_board_north_member "
        "school_board_south_member M E\n"
        "I households_in_south_district_total 0 19723 1 3 0 R school_board_north_member "
        "school_board_south_member M E\n";
    static const char text[] = "indicator,date,value,reporter\n"
                               "households_in_north_district_total,2024-02-01,1,school_board_north_member\n"
                               "households_in_north_district_total,2024-02-01,2,school_board_south_member\n"
                               "households_in_south_district_total,2024-02-01,3,school_board_north_member\n"
                               "households_in_south_district_total,2024-02-01,4,school_board_south_member\n";
    int32_t as_of = D("2024-06-30");
    Fixture f;
    scan_index(&f, alike, text, sizeof text - 1, as_of, 1);
    assert_int_equal(f.o.rows, 4);
    assert_int_equal(f.o.skipped, 0);
    for (int i = 0; i < 2; i++)
        for (int r = 0; r < 2; r++)
            assert_true(obs_slot(&f.o, i, r, as_of)->total == 1 + 2 * i + r);
    ObsKeys ks;
    obs_scan_keys(&f.o, &ks);
    assert_true(ks.whole);
    obs_scan_keys_free(&ks);
    done(&f);

    /* Ids that differ at their ends are sampled. */
    scan(&f, "", 0, as_of, 1);
    obs_scan_keys(&f.o, &ks);
    assert_false(ks.whole);
    obs_scan_keys_free(&ks);
    done(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_latest_values),
        cmocka_unit_test(test_two_threads),
        cmocka_unit_test(test_missing_and_empty),
        cmocka_unit_test(test_ids_alike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
