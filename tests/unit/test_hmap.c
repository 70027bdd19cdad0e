/*
 * Unit tests for compiler/base/hmap.c, the one hash table: pointer keys
 * (positions of declarations, sets: the checks, the bundle writer), string
 * keys (the tracker's ids, the intern table) and named objects (a model's
 * symbol table).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "hmap.h"

enum { N = 5000 };
static int things[N];

/* Many keys: the table grows past its expected size and keeps every value. */
static void test_grow(void **state)
{
    Arena *a = arena_new();
    HMap m;
    hmap_init_ptr(&m, a, 4);
    for (int i = 0; i < N; i++)
        *hmap_ptr_put(&m, &things[i], -1) = i * 3;
    assert_int_equal(m.n, N);
    assert_true((m.n + 1) * 2 <= m.mask + 1);
    for (int i = 0; i < N; i++) {
        assert_non_null(hmap_ptr_get(&m, &things[i]));
        assert_int_equal(*hmap_ptr_get(&m, &things[i]), i * 3);
    }
    int other;
    assert_null(hmap_ptr_get(&m, &other));
    assert_int_equal(hmap_ptr_index(&m, &other), -1);
    arena_free(a);
}

/* A key put twice keeps its first value: a declaration listed twice maps
 * to its first position. */
static void test_first_holds(void **state)
{
    Arena *a = arena_new();
    int x, y;
    struct { int **v; int n; } list;
    int *items[] = {&x, &y, &x};
    list.v = items;
    list.n = 3;
    HMap m;
    HMAP_POSITIONS(&m, a, list);
    assert_int_equal(m.n, 2);
    assert_int_equal(hmap_ptr_index(&m, &x), 0);
    assert_int_equal(hmap_ptr_index(&m, &y), 1);
    assert_int_equal(*hmap_ptr_put(&m, &y, 7), 1);
    arena_free(a);
}

static void test_set(void **state)
{
    Arena *a = arena_new();
    HMap s;
    hmap_init_ptr(&s, a, 0);
    hmap_ptr_add(&s, NULL);
    assert_int_equal(s.n, 0);
    assert_false(hmap_ptr_has(&s, NULL));
    assert_int_equal(hmap_ptr_index(&s, NULL), -1);
    for (int i = 0; i < N; i += 2)
        hmap_ptr_add(&s, &things[i]);
    for (int i = 0; i < N; i++)
        assert_int_equal(hmap_ptr_has(&s, &things[i]), i % 2 == 0);
    arena_free(a);
}

/* ---- string keys ---- */

/* Many ids, in a malloc'd map: it grows, keeps every value, and finds
 * keys by text and length (not by pointer, not by a NUL). */
static void test_strings(void **state)
{
    static char ids[N][24];
    HMap m;
    hmap_init_str(&m, NULL, 4, true);
    for (int i = 0; i < N; i++) {
        snprintf(ids[i], sizeof ids[i], "indicator_%05d_x", i);
        hmap_str_put(&m, ids[i], strlen(ids[i]), i);
    }
    assert_int_equal(m.n, N);
    assert_true((m.n + 1) * 4 <= (m.mask + 1) * 3);
    for (int i = 0; i < N; i++) {
        char copy[24];
        strcpy(copy, ids[i]);
        assert_int_equal(hmap_str_get(&m, copy, strlen(copy)), i);
    }
    /* A prefix, a longer text and a field of a CSV line (no NUL at n). */
    assert_int_equal(hmap_str_get(&m, "indicator_00012", 15), -1);
    assert_int_equal(hmap_str_get(&m, "indicator_00012_xy", 18), -1);
    assert_int_equal(hmap_str_get(&m, "indicator_00012_x,5,2024-01-01", 17), 12);
    assert_int_equal(hmap_str_get(&m, "", 0), -1);
    /* The first value stays. */
    hmap_str_put(&m, ids[7], strlen(ids[7]), 99);
    assert_int_equal(hmap_str_get(&m, ids[7], strlen(ids[7])), 7);
    assert_int_equal(m.n, N);
    hmap_free(&m);
}

/* Without values, as the intern table: insert reports a new key, whose
 * slot may take an equal copy of the text. */
static void test_insert(void **state)
{
    Arena *a = arena_new();
    HMap m;
    hmap_init_str(&m, a, 0, false);
    assert_null(m.value);
    char buf[] = "partner";
    bool added;
    uint32_t h = hmap_hash(buf, 7);
    uint32_t i = hmap_str_insert(&m, buf, 7, h, &added);
    assert_true(added);
    assert_ptr_equal(m.str[i].key, buf);
    m.str[i].key = arena_strdup(a, buf);
    strcpy(buf, "xxxxxxx");
    uint32_t j = hmap_str_insert(&m, "partner", 7, hmap_hash("partner", 7), &added);
    assert_false(added);
    assert_int_equal(i, j);
    assert_string_equal(m.str[j].key, "partner");
    assert_int_equal(hmap_str_find(&m, "partners", 8, hmap_hash("partners", 8)), -1);
    arena_free(a);
}

/* Keys a signature (hmap_sig) must tell apart or not: a short key and its
 * zero-padded longer self, keys of 7 and 8 bytes with one prefix, long
 * keys of one length; and a table that grows keeps finding them (the
 * hash of a short key comes back from its signature). */
static void test_signature(void **state)
{
    static const char *const keys[] = {"a", "a\0", "a\0\0\0\0\0\0", "", "abcdefg", "abcdefgh",
                                       "abcdefghi", "abcdefghj", "x.y", "indicator_1"};
    static const size_t lens[] = {1, 2, 7, 0, 7, 8, 9, 9, 3, 11};
    enum { NK = sizeof lens / sizeof lens[0] };
    HMap m;
    hmap_init_str(&m, NULL, 1, true);
    for (int i = 0; i < NK; i++)
        hmap_str_put(&m, keys[i], lens[i], i);
    char more[40][16];
    for (int i = 0; i < 40; i++) {
        snprintf(more[i], sizeof more[i], "k%d", i);
        hmap_str_put(&m, more[i], strlen(more[i]), 100 + i);
    }
    assert_int_equal(m.n, NK + 40);
    assert_true(m.mask + 1 > 16);
    for (int i = 0; i < 40; i++)
        assert_int_equal(hmap_str_get(&m, more[i], strlen(more[i])), 100 + i);
    for (int i = 0; i < NK; i++) {
        assert_int_equal(hmap_str_get(&m, keys[i], lens[i]), i);
        assert_int_equal(hmap_sig_hash(hmap_sig(keys[i], lens[i], hmap_hash(keys[i], lens[i]))),
                         hmap_hash(keys[i], lens[i]));
    }
    assert_int_equal(hmap_str_get(&m, "abcdefgi", 8), -1);
    hmap_free(&m);
}

/* Every byte of a key reaches the hash, whatever its length: keys that
 * differ in one bit anywhere hash apart. */
static void test_hash(void **state)
{
    char s[64], a64[64];
    memset(s, 'a', sizeof s);
    memset(a64, 'a', sizeof a64);
    for (size_t n = 1; n <= sizeof s; n++) {
        uint32_t h = hmap_hash(s, n);
        for (size_t k = 0; k < n; k++) {
            s[k] ^= 1;
            assert_int_not_equal(hmap_hash(s, n), h);
            assert_false(hmap_same(s, a64, n));
            s[k] ^= 1;
        }
        assert_true(hmap_same(s, a64, n));
        assert_int_not_equal(hmap_hash(s, n), hmap_hash(s, n - 1));
    }
}

/* Memory outside an arena: zeroed whether it is malloc'd (small) or
 * mapped on huge pages (a megabyte or more), and released by size; a
 * string map of 200,000 keys without an arena grows through both. */
static void test_mem(void **state)
{
    (void)state;
    size_t sizes[] = {1, 4096, (size_t)1 << 20, ((size_t)3 << 20) + 123};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        unsigned char *p = mem_zeroed(sizes[k]);
        for (size_t i = 0; i < sizes[k]; i += 4093)
            assert_int_equal(p[i], 0);
        assert_int_equal(p[sizes[k] - 1], 0);
        memset(p, 0xAB, sizes[k]);
        mem_release(p, sizes[k]);
    }
    HMap m;
    hmap_init_str(&m, NULL, 0, true);
    static char keys[200000][16];
    for (int i = 0; i < 200000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        hmap_str_put(&m, keys[i], strlen(keys[i]), i);
    }
    for (int i = 0; i < 200000; i += 997)
        assert_int_equal(hmap_str_get(&m, keys[i], strlen(keys[i])), i);
    assert_true((m.mask + 1) * sizeof *m.str >= (size_t)1 << 20);
    hmap_free(&m);
}

/* `count` small blocks of a: each zeroed and aligned; then scribbled on,
 * so that memory handed out twice would show. */
static void small_blocks_zeroed(Arena *a, int count)
{
    for (int i = 0; i < count; i++) {
        size_t n = (size_t)(i % 97) + 1;
        unsigned char *p = arena_alloc(a, n);
        assert_int_equal((uintptr_t)p % 8, 0);
        for (size_t k = 0; k < n; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xCD, n);
    }
}

/* An arena told to expect a big compilation hands out zeroed, aligned
 * memory from its huge chunks at once, and big blocks beside them. */
static void test_arena_expect(void **state)
{
    (void)state;
    Arena *a = arena_new();
    arena_expect(a, (size_t)64 << 20);
    small_blocks_zeroed(a, 100000);
    unsigned char *big = arena_alloc(a, (size_t)3 << 20);
    assert_int_equal(big[0], 0);
    assert_int_equal(big[((size_t)3 << 20) - 1], 0);
    assert_true(arena_used(a) >= (size_t)3 << 20);
    arena_free(a);
}

/* After arena_reset the arena hands out zeroed memory again, from the
 * chunks of the round before (a big block's mapping among them, which is
 * no longer fresh from the kernel), and interns names anew. */
static void test_arena_reset(void **state)
{
    (void)state;
    Arena *a = arena_new();
    for (int round = 0; round < 3; round++) {
        unsigned char *big = arena_alloc(a, (size_t)3 << 20);
        assert_int_equal(big[0], 0);
        assert_int_equal(big[((size_t)3 << 20) - 1], 0);
        memset(big, 0xCD, (size_t)3 << 20);
        small_blocks_zeroed(a, 20000);
        const char *x = arena_intern(a, "reset", 5);
        assert_ptr_equal(arena_intern(a, "reset", 5), x);
        assert_string_equal(x, "reset");
        arena_reset(a);
    }
    arena_free(a);
}

/* ---- named objects ---- */

typedef struct Thing {
    int kind;
    const char *name;
} Thing;

static const char *thing_name(const void *t)
{
    return ((const Thing *)t)->name;
}

/* An interned name, as the scanner makes them. */
static const char *iname(Arena *a, const char *fmt, int i)
{
    char name[32];
    int n = snprintf(name, sizeof name, fmt, i);
    return arena_intern(a, name, (size_t)n);
}

/* A symbol table: found by name, the first of two with one name stays,
 * and a walk over the slots meets every object once. */
static void test_named(void **state)
{
    Arena *a = arena_new();
    HMap m;
    hmap_init_named(&m, a, 0, thing_name, NULL);
    static Thing t[N];
    for (int i = 0; i < N; i++) {
        t[i].kind = i;
        t[i].name = iname(a, "t%d", i);
        assert_null(hmap_named_put(&m, &t[i]));
    }
    assert_true((m.n + 1) * 4 <= (m.mask + 1) * 3);
    for (int i = 0; i < N; i++)
        assert_ptr_equal(hmap_named_get(&m, 0, iname(a, "t%d", i)), &t[i]);
    assert_null(hmap_named_get(&m, 0, arena_intern(a, "t", 1)));
    Thing again = {-1, iname(a, "t%d", 42)};
    assert_ptr_equal(hmap_named_put(&m, &again), &t[42]);
    assert_ptr_equal(hmap_named_get(&m, 0, iname(a, "t%d", 42)), &t[42]);
    int seen = 0;
    long sum = 0;
    for (uint32_t i = 0; i <= m.mask; i++)
        if (hmap_named_at(&m, i)) {
            seen++;
            sum += ((const Thing *)hmap_named_at(&m, i))->kind;
        }
    assert_int_equal(seen, N);
    assert_int_equal(sum, (long)N * (N - 1) / 2);
    arena_free(a);
}

/* The key is the interned name's address: a copy of its text is another
 * key, and arena_interned gives back the interned copy (NULL for a text
 * never interned, or one too long to be). */
static void test_named_interned(void **state)
{
    Arena *a = arena_new();
    HMap m;
    hmap_init_named(&m, a, 0, thing_name, NULL);
    Thing t = {1, arena_intern(a, "itu", 3)};
    assert_null(hmap_named_put(&m, &t));
    char copy[] = "itu";
    assert_null(hmap_named_get(&m, 0, copy));
    assert_ptr_equal(arena_interned(a, copy, 3), t.name);
    assert_ptr_equal(hmap_named_get(&m, 0, arena_interned(a, copy, 3)), &t);
    assert_null(arena_interned(a, "unu", 3));
    char long_name[300];
    memset(long_name, 'x', sizeof long_name);
    const char *kept = arena_intern(a, long_name, sizeof long_name);
    assert_memory_equal(kept, long_name, sizeof long_name);
    assert_null(arena_interned(a, long_name, sizeof long_name));
    arena_free(a);
}

static int thing_kind(const void *t)
{
    return ((const Thing *)t)->kind;
}

/* A tagged table (a model's declarations by kind and name): one name
 * under two tags is two keys, and a replaced object takes the place of
 * the one of its name and tag only. */
static void test_tagged(void **state)
{
    Arena *a = arena_new();
    HMap m;
    hmap_init_named(&m, a, 0, thing_name, thing_kind);
    static Thing t[N];
    for (int i = 0; i < N; i++) {
        t[i].kind = i % 3;
        t[i].name = iname(a, "t%d", i / 3);
        assert_null(hmap_named_put(&m, &t[i]));
    }
    for (int i = 0; i < N; i++)
        assert_ptr_equal(hmap_named_get(&m, i % 3, iname(a, "t%d", i / 3)), &t[i]);
    assert_null(hmap_named_get(&m, 3, iname(a, "t%d", 0)));
    Thing again = {1, iname(a, "t%d", 5)}, fresh = {2, arena_intern(a, "new", 3)};
    assert_ptr_equal(hmap_named_put(&m, &again), &t[16]);
    assert_ptr_equal(hmap_named_replace(&m, &again), &t[16]);
    assert_ptr_equal(hmap_named_get(&m, 1, iname(a, "t%d", 5)), &again);
    assert_ptr_equal(hmap_named_get(&m, 0, iname(a, "t%d", 5)), &t[15]);
    assert_null(hmap_named_replace(&m, &fresh));
    assert_ptr_equal(hmap_named_get(&m, 2, fresh.name), &fresh);
    assert_int_equal(m.n, N + 1);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_first_holds),
        cmocka_unit_test(test_set),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_insert),
        cmocka_unit_test(test_signature),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_mem),
        cmocka_unit_test(test_arena_expect),
        cmocka_unit_test(test_arena_reset),
        cmocka_unit_test(test_named),
        cmocka_unit_test(test_named_interned),
        cmocka_unit_test(test_tagged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
