/*
 * Unit tests for compiler/base/ptrmap.c: the pointer map the checks and the
 * tracker's scan index use (positions of declarations, sets).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "ptrmap.h"

enum { N = 5000 };
static int things[N];

/* Many keys: the table grows past its expected size and keeps every value. */
static void test_grow(void **state)
{
    Arena *a = arena_new();
    PtrMap m;
    ptrmap_init(&m, a, 4);
    for (int i = 0; i < N; i++)
        *ptrmap_put(&m, &things[i], -1) = i * 3;
    assert_int_equal(m.n, N);
    assert_true((m.n + 1) * 2 <= m.mask + 1);
    for (int i = 0; i < N; i++) {
        assert_non_null(ptrmap_get(&m, &things[i]));
        assert_int_equal(*ptrmap_get(&m, &things[i]), i * 3);
    }
    int other;
    assert_null(ptrmap_get(&m, &other));
    assert_int_equal(ptrmap_index(&m, &other), -1);
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
    PtrMap m;
    PTRMAP_POSITIONS(&m, a, list);
    assert_int_equal(m.n, 2);
    assert_int_equal(ptrmap_index(&m, &x), 0);
    assert_int_equal(ptrmap_index(&m, &y), 1);
    assert_int_equal(*ptrmap_put(&m, &y, 7), 1);
    arena_free(a);
}

static void test_set(void **state)
{
    Arena *a = arena_new();
    PtrSet s;
    ptrmap_init(&s, a, 0);
    ptrmap_add(&s, NULL);
    assert_int_equal(s.n, 0);
    assert_false(ptrmap_has(&s, NULL));
    assert_int_equal(ptrmap_index(&s, NULL), -1);
    for (int i = 0; i < N; i += 2)
        ptrmap_add(&s, &things[i]);
    for (int i = 0; i < N; i++)
        assert_int_equal(ptrmap_has(&s, &things[i]), i % 2 == 0);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_first_holds),
        cmocka_unit_test(test_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
