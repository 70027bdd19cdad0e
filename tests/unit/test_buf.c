/*
 * Unit tests for the atomic writes of compiler/base/buf.c: buf_write_file(),
 * buf_write_file_mode() (the tracker program, 0755) and buf_replace_file()
 * (kept modes, refused read-only files, links planted at temporary names).  Files are written
 * in a fresh temporary folder.  Also buf_md(), the Markdown escape: only
 * what CommonMark would read as markup (tests/doc/test_md_render.sh renders
 * the documents to check the text shows unchanged).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <errno.h>
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
    static const char *const names[] = {"plain", "prog", "again", "private", "victim",
                                        "target", "ro"};
    char p[128];
    for (int i = 0; i < 7; i++) {
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

/* A replaced file keeps its mode; one without write bits is refused. */
static void test_keep_mode(void **state)
{
    (void)state;
    char p[128];
    snprintf(p, sizeof p, "%s/private", dir);
    Buf b;
    buf_init(&b);
    buf_puts(&b, "a\n");
    assert_int_equal(buf_write_file(&b, p, NULL), 0);
    assert_int_equal(chmod(p, 0600), 0);
    buf_puts(&b, "b\n");
    assert_int_equal(buf_replace_file(&b, p, 0666), 0);
    assert_int_equal(perms(p), 0600);

    snprintf(p, sizeof p, "%s/ro", dir);
    assert_int_equal(buf_write_file(&b, p, NULL), 0);
    assert_int_equal(chmod(p, 0444), 0);
    buf_puts(&b, "c\n");
    assert_int_equal(buf_write_file(&b, p, NULL), EACCES);
    assert_int_equal(perms(p), 0444);
    buf_free(&b);
}

/* A symbolic link at a temporary file's name is not followed: the write
 * succeeds and what the link points to is untouched. */
static void test_planted_link(void **state)
{
    (void)state;
    char victim[128], target[128], link[160];
    snprintf(victim, sizeof victim, "%s/victim", dir);
    snprintf(target, sizeof target, "%s/target", dir);
    snprintf(link, sizeof link, "%s.tmp.%ld", target, (long)getpid());    /* the old name */
    Buf b;
    buf_init(&b);
    buf_puts(&b, "precious");
    assert_int_equal(buf_write_file(&b, victim, NULL), 0);
    assert_int_equal(symlink("victim", link), 0);
    buf_puts(&b, " no more");
    assert_int_equal(buf_write_file(&b, target, NULL), 0);
    Buf got;
    slurp(victim, &got);
    assert_string_equal(got.data, "precious");
    buf_free(&got);
    slurp(target, &got);
    assert_string_equal(got.data, "precious no more");
    buf_free(&got);
    buf_free(&b);
    unlink(link);
}

/* buf_md(s) must give `want`. */
static void md_is(const char *s, const char *want)
{
    Buf b;
    buf_init(&b);
    buf_md(&b, s);
    assert_string_equal(buf_cstr(&b), want);
    buf_free(&b);
}

/* buf_int writes what "%lld" writes, the extremes included. */
static void test_int(void **state)
{
    (void)state;
    const long long v[] = {0, 7, -7, 10, 19700101, -719468, 2147483647, -2147483648LL,
                           9223372036854775807LL, -9223372036854775807LL - 1};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        Buf b;
        char want[32];
        buf_init(&b);
        buf_puts(&b, "x");
        buf_int(&b, v[i]);
        snprintf(want, sizeof want, "x%lld", v[i]);
        assert_string_equal(buf_cstr(&b), want);
        buf_free(&b);
    }
}

static void test_md_escape(void **state)
{
    (void)state;
    /* Text that is no markup stays as it is. */
    md_is("First-time users", "First-time users");
    md_is("Scale-up (phase 2). Done!", "Scale-up (phase 2). Done!");
    md_is("new_users and tariff_share", "new_users and tariff_share");
    md_is("R&D, a < b, C# and 3.5 million", "R&D, a < b, C# and 3.5 million");
    md_is("{braces} + more = done > less", "{braces} + more = done > less");
    /* Inline markup is escaped wherever it is. */
    md_is("*bold* `code` [link] a|b ~~x~~ back\\slash",
          "\\*bold\\* \\`code\\` \\[link\\] a\\|b \\~\\~x\\~\\~ back\\\\slash");
    md_is("_emph_ x_ _y", "\\_emph\\_ x\\_ \\_y");
    md_is("<b>tag</b> <http://x>", "\\<b>tag\\</b> \\<http://x>");
    md_is("&amp; &#38; &#x26; &x", "\\&amp; \\&#38; \\&#x26; &x");
    /* At the start, which may begin a line or a list item. */
    md_is("- not a list", "\\- not a list");
    md_is("  + not a list", "  \\+ not a list");
    md_is("# not a heading", "\\# not a heading");
    md_is("> not a quote", "\\> not a quote");
    md_is("=== not an underline", "\\=== not an underline");
    md_is("1. not a list", "1\\. not a list");
    md_is("2021) not a list", "2021\\) not a list");
    md_is("2021.5 is text", "2021.5 is text");
    /* Hashes that would close a heading. */
    md_is("Goal ##", "Goal \\##");
    md_is("Goal # #", "Goal \\# \\#");
    /* A newline would end the line. */
    md_is("one\n- two", "one - two");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int),
        cmocka_unit_test(test_write_and_unchanged),
        cmocka_unit_test(test_mode),
        cmocka_unit_test(test_error),
        cmocka_unit_test(test_keep_mode),
        cmocka_unit_test(test_planted_link),
        cmocka_unit_test(test_md_escape),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
