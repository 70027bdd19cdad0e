/*
 * Unit tests for the atomic writes of compiler/base/buf.c: buf_write_file() and
 * buf_write_file_mode() (the tracker program, 0755).  Files are written
 * in a fresh temporary folder.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/charter-test-buf-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    static const char *const names[] = {"plain", "prog", "again"};
    char p[128];
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    return rmdir(dir);
}

static mode_t perms(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 0777;
}

static void slurp(const char *path, Buf *b)
{
    buf_init(b);
    assert_int_equal(buf_read_file(b, path), 0);
    buf_cstr(b);
}

/* A file is written whole, then left alone when its bytes would not change. */
static void test_write_and_unchanged(void **state)
{
    (void)state;
    char p[128];
    snprintf(p, sizeof p, "%s/plain", dir);
    Buf b, r;
    buf_init(&b);
    buf_puts(&b, "one\ntwo\n");
    bool changed = false;
    assert_int_equal(buf_write_file(&b, p, &changed), 0);
    assert_true(changed);
    slurp(p, &r);
    assert_string_equal(r.data, "one\ntwo\n");
    buf_free(&r);
    assert_int_equal(perms(p) & 0111, 0);
    assert_int_equal(buf_write_file(&b, p, &changed), 0);
    assert_false(changed);
    buf_puts(&b, "three\n");
    assert_int_equal(buf_write_file(&b, p, &changed), 0);
    assert_true(changed);
    slurp(p, &r);
    assert_string_equal(r.data, "one\ntwo\nthree\n");
    buf_free(&r);
    buf_free(&b);
}

/* A program gets its execute bits, also when it is already there without them. */
static void test_mode(void **state)
{
    (void)state;
    mode_t old = umask(022);
    char p[128];
    snprintf(p, sizeof p, "%s/prog", dir);
    Buf b;
    buf_init(&b);
    buf_puts(&b, "#!/bin/sh\n");
    bool changed = false;
    assert_int_equal(buf_write_file_mode(&b, p, 0755, &changed), 0);
    assert_true(changed);
    assert_int_equal(perms(p), 0755);

    snprintf(p, sizeof p, "%s/again", dir);
    assert_int_equal(buf_write_file(&b, p, NULL), 0);
    assert_int_equal(perms(p), 0644);
    assert_int_equal(buf_write_file_mode(&b, p, 0755, &changed), 0);
    assert_false(changed);
    assert_int_equal(perms(p), 0755);
    buf_free(&b);
    umask(old);
}

/* A write that cannot happen is an errno value, and leaves no temporary file. */
static void test_error(void **state)
{
    (void)state;
    char p[128];
    snprintf(p, sizeof p, "%s/missing/prog", dir);
    Buf b;
    buf_init(&b);
    buf_puts(&b, "x");
    bool changed = true;
    assert_int_not_equal(buf_write_file_mode(&b, p, 0755, &changed), 0);
    assert_false(changed);
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_and_unchanged),
        cmocka_unit_test(test_mode),
        cmocka_unit_test(test_error),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
