/*
 * Unit tests for compiler/bundle, the agreement a tracker carries: the
 * payload written and read back, the SHA-256 that notices a changed
 * byte (of a source or of a carried syntax tree), a file that carries
 * nothing or a damaged trailer, the views compiled again (from their
 * trees) to the same index, and the index parsed.
 *
 * Built by the Makefile like every tests/unit/test_*.c; run from the top
 * of the repository (it compiles examples/connectivity.charter).
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

#include "bundle.h"
#include "sha256.h"

static const char program[] = "#!/bin/false\nnot a program, only bytes before the bundle\n";

/* Writes `b` to a new temporary file; its name goes to path[32]. */
static void write_temp(const Buf *b, char path[32])
{
    strcpy(path, "/tmp/test_bundle_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b->data, b->len), (ssize_t)b->len);
    close(fd);
}

static Compilation *compile_example(void)
{
    Compilation *c = compile_new();
    assert_int_equal(compile_file(c, "examples/connectivity.charter"), 0);
    assert_int_equal(compile_errors(c), 0);
    return c;
}

static void test_round_trip(void **state)
{
    (void)state;
    Compilation *c = compile_example();
    Buf out;
    buf_init(&out);
    buf_puts(&out, program);
    char hex[65], path[32], err[256];
    bundle_append(&out, c, hex);
    write_temp(&out, path);

    Bundle b;
    assert_int_equal(bundle_read(path, "tracker", &b, err, sizeof err), 0);
    assert_int_equal(b.offset, sizeof program - 1);
    assert_int_equal(b.offset + b.length + BUNDLE_TRAILER_SIZE, out.len);
    assert_int_equal(b.nfiles, c->sm.files.n);
    assert_string_equal(b.files[0].display, "examples/connectivity.charter");
    const SrcFile *root = c->sm.files.v[c->root_file];
    assert_int_equal(b.files[0].len, root->len);
    assert_memory_equal(b.files[0].text, root->text, root->len);
    assert_true(bundle_verify(&b));
    char all[65];
    sha256_to_hex(b.sha256, all);
    assert_string_equal(all, hex);

    /* A view is followed by two NUL bytes, so that the compilation reads
     * it where it lies in the payload, and its files' texts are there. */
    for (int i = 0; i < b.nfiles; i++) {
        assert_true(b.views[i].terminated);
        assert_int_equal(b.views[i].text[b.views[i].len], '\0');
        assert_int_equal(b.views[i].text[b.views[i].len + 1], '\0');
    }

    /* The index is the model's, and the views compile to the same one. */
    Buf ix;
    buf_init(&ix);
    bundle_index(c->model, &ix);
    assert_string_equal(b.index, buf_cstr(&ix));
    Compilation *again = compile_new();
    assert_int_equal(bundle_compile(&b, again), 0);
    assert_int_equal(compile_errors(again), 0);
    ix.len = 0;
    bundle_index(again->model, &ix);
    assert_string_equal(b.index, buf_cstr(&ix));
    for (int i = 0; i < again->sm.files.n; i++) {
        bool in_payload = false;
        for (int k = 0; k < b.nfiles; k++)
            in_payload |= again->sm.files.v[i]->text == b.views[k].text;
        assert_true(in_payload);
    }
    compile_free(again);

    /* Every file carries its syntax tree, which the compilation above
     * read instead of parsing the view; the payload's SHA-256 covers it. */
    for (int i = 0; i < b.nfiles; i++) {
        assert_non_null(b.views[i].tree);
        assert_true(b.views[i].tree_len > 0);
    }
    char *tree = (char *)b.views[0].tree;
    tree[b.views[0].tree_len / 2] ^= 1;
    assert_false(bundle_verify(&b));
    tree[b.views[0].tree_len / 2] ^= 1;
    assert_true(bundle_verify(&b));

    /* One changed byte of a source: still read, no longer verified. */
    ((char *)b.files[0].text)[0] ^= 1;
    assert_false(bundle_verify(&b));
    bundle_free(&b);
    buf_free(&ix);
    buf_free(&out);
    unlink(path);
    compile_free(c);
}

static void test_damaged(void **state)
{
    (void)state;
    char path[32], err[256];
    Bundle b;
    Buf out;
    buf_init(&out);
    buf_puts(&out, program);
    write_temp(&out, path);
    assert_int_equal(bundle_read(path, "prog", &b, err, sizeof err), -1);
    assert_string_equal(err, "prog carries no agreement: make a tracker with "
                             "`charterc tracker FILE -o NAME`");
    unlink(path);

    /* A trailer whose offset is wrong by one byte. */
    Compilation *c = compile_example();
    char hex[65];
    bundle_append(&out, c, hex);
    out.data[out.len - BUNDLE_TRAILER_SIZE + 16] ^= 1;
    write_temp(&out, path);
    assert_int_equal(bundle_read(path, "prog", &b, err, sizeof err), -1);
    assert_string_equal(err, "the agreement carried by prog is damaged (bad trailer)");
    unlink(path);

    /* A view not followed by its two NUL bytes: damaged, not read past. */
    out.data[out.len - BUNDLE_TRAILER_SIZE + 16] ^= 1;
    write_temp(&out, path);
    assert_int_equal(bundle_read(path, "prog", &b, err, sizeof err), 0);
    size_t at = b.offset + (size_t)(b.views[0].text - b.payload) + b.views[0].len;
    bundle_free(&b);
    unlink(path);
    assert_int_equal(out.data[at], '\0');
    assert_int_equal(out.data[at + 1], '\0');
    out.data[at + 1] = 'x';
    write_temp(&out, path);
    assert_int_equal(bundle_read(path, "prog", &b, err, sizeof err), -1);
    assert_string_equal(err, "the agreement carried by prog is damaged (bad payload)");
    unlink(path);

    assert_int_equal(bundle_read("/nonexistent/tracker", "prog", &b, err, sizeof err), -1);
    assert_string_equal(err, "cannot open prog to read its agreement");
    buf_free(&out);
    compile_free(c);
}

/* ---- the scan index ----------------------------------------------------------- */

static void test_index_parse(void **state)
{
    (void)state;
    Arena *a = arena_new();
    BundleIndex ix;
    const char *text = "A conn\n"
                       "D gender female male\n"
                       "D region north south east\n"
                       "I users 0 18687 1 3 0 R globaltel ministry M E\n"
                       "I trained 0 - 1 2 1 R afa M 0 1 E 19052 -\n"
                       "I share 1 - 0 0 0 R M E 19052\n";
    assert_true(bundle_index_parse(text, a, &ix));
    assert_string_equal(ix.agreement, "conn");
    assert_int_equal(ix.ndims, 2);
    assert_int_equal(ix.dims[1].nvalues, 3);
    assert_string_equal(ix.dims[1].values[2], "east");
    assert_int_equal(ix.nind, 3);
    assert_int_equal(ix.ind[0].nrep, 2);
    assert_string_equal(ix.ind[0].rep[1], "ministry");
    assert_int_equal(ix.ind[0].replen[1], 8);
    assert_int_equal(ix.ind[0].anchor, 18687);
    assert_int_equal(ix.ind[0].freq.unit, DUR_QUARTER);
    assert_int_equal(ix.ind[1].anchor, DATE_NONE);
    assert_true(ix.ind[1].history);
    assert_int_equal(ix.ind[1].ndims, 2);
    assert_int_equal(ix.ind[1].ndue, 2);
    assert_int_equal(ix.ind[1].due[1], DATE_NONE);
    assert_true(ix.ind[2].derived);
    assert_int_equal(hmap_str_get(&ix.map, "trained", 7), 1);
    assert_int_equal(hmap_str_get(&ix.map, "nope", 4), -1);
    bundle_index_free(&ix);
    assert_false(bundle_index_parse("I x 0\n", a, &ix));
    bundle_index_free(&ix);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_index_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
