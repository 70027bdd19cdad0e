/*
 * Unit tests for compiler/base/linediff.c: the unified diff of `charterc fmt
 * --diff`.  Random texts are diffed, the diff is applied back to the old
 * text (it must give the new one), and the number of changed lines is
 * compared with the longest common subsequence (the diff is minimal).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "linediff.h"

typedef struct Lines {
    char *v[512];
    int n;
} Lines;

static void split(const char *t, Lines *out)
{
    out->n = 0;
    while (*t) {
        const char *nl = strchr(t, '\n');
        size_t len = nl ? (size_t)(nl - t) + 1 : strlen(t);
        out->v[out->n] = malloc(len + 1);
        memcpy(out->v[out->n], t, len);
        out->v[out->n][len] = '\0';
        out->n++;
        t += len;
    }
}

static void free_lines(Lines *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    l->n = 0;
}

/* Applies a unified diff to `a`; returns the result (malloc'd) and counts
 * the removed and added lines. */
static char *apply(const char *a, const char *diff, int *removed, int *added)
{
    Lines la, ld;
    split(a, &la);
    split(diff, &ld);
    size_t cap = strlen(a) + strlen(diff) + 1;
    char *out = malloc(cap);
    out[0] = '\0';
    int ai = 0;     /* next line of a to copy */
    *removed = *added = 0;
    for (int i = 0; i < ld.n; i++) {
        const char *l = ld.v[i];
        if (strncmp(l, "---", 3) == 0 || strncmp(l, "+++", 3) == 0)
            continue;
        if (strncmp(l, "@@ -", 4) == 0) {
            int start = atoi(l + 4);
            const char *comma = strchr(l + 4, ',');
            const char *space = strchr(l + 4, ' ');
            int count = comma && comma < space ? atoi(comma + 1) : 1;
            int first = count == 0 ? start : start - 1;     /* 0-based */
            while (ai < first)
                strcat(out, la.v[ai++]);
            continue;
        }
        if (l[0] == '\\')
            continue;       /* handled with the line before it */
        /* The line as it is in its text: without its newline when the
         * next diff line says "\ No newline at end of file". */
        char body[256];
        snprintf(body, sizeof body, "%s", l + 1);
        if (i + 1 < ld.n && ld.v[i + 1][0] == '\\')
            body[strlen(body) - 1] = '\0';
        if (l[0] == ' ') {
            assert_true(ai < la.n);
            assert_string_equal(la.v[ai], body);
            strcat(out, la.v[ai++]);
        } else if (l[0] == '-') {
            assert_true(ai < la.n);
            assert_string_equal(la.v[ai], body);
            ai++;
            (*removed)++;
        } else if (l[0] == '+') {
            strcat(out, body);
            (*added)++;
        } else {
            fail_msg("unexpected diff line: %s", l);
        }
    }
    while (ai < la.n)
        strcat(out, la.v[ai++]);
    free_lines(&la);
    free_lines(&ld);
    return out;
}

static int lcs(const Lines *a, const Lines *b)
{
    static int t[513][513];
    for (int i = 0; i <= a->n; i++)
        for (int j = 0; j <= b->n; j++) {
            if (i == 0 || j == 0)
                t[i][j] = 0;
            else if (strcmp(a->v[i - 1], b->v[j - 1]) == 0)
                t[i][j] = t[i - 1][j - 1] + 1;
            else
                t[i][j] = t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
        }
    return t[a->n][b->n];
}

static void check_pair(const char *a, const char *b)
{
    Buf d;
    buf_init(&d);
    int hunks = linediff_unified(&d, "a/x", "b/x", a, strlen(a), b, strlen(b));
    const char *text = buf_cstr(&d);
    if (strcmp(a, b) == 0) {
        assert_int_equal(hunks, 0);
        assert_int_equal(d.len, 0);
        buf_free(&d);
        return;
    }
    assert_true(hunks > 0);
    assert_memory_equal(text, "--- a/x\n+++ b/x\n@@ -", 20);
    int removed, added;
    char *got = apply(a, text, &removed, &added);
    assert_string_equal(got, b);
    free(got);
    /* Minimal: lines kept = LCS (lines compared with their newline). */
    Lines la, lb;
    split(a, &la);
    split(b, &lb);
    int common = lcs(&la, &lb);
    assert_int_equal(removed, la.n - common);
    assert_int_equal(added, lb.n - common);
    free_lines(&la);
    free_lines(&lb);
    buf_free(&d);
}

static void test_equal(void **state)
{
    (void)state;
    check_pair("", "");
    check_pair("a\nb\n", "a\nb\n");
}

static void test_simple(void **state)
{
    (void)state;
    check_pair("a\nb\nc\n", "a\nB\nc\n");
    check_pair("", "a\n");
    check_pair("a\n", "");
    check_pair("a\nb\n", "b\n");
    check_pair("a\n", "a\nb\n");
}

static void test_no_newline_at_end(void **state)
{
    (void)state;
    check_pair("a\nb", "a\nb\n");
    check_pair("a\nb\n", "a\nb");
    check_pair("x", "y");
    Buf d;
    buf_init(&d);
    linediff_unified(&d, "a", "b", "a\nb", 3, "a\nb\n", 4);
    assert_string_equal(buf_cstr(&d), "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    buf_free(&d);
}

static void test_hunks_and_context(void **state)
{
    (void)state;
    /* Two changes 20 lines apart make two hunks with 3 lines of context. */
    char a[4096] = "", b[4096] = "";
    for (int i = 1; i <= 30; i++) {
        char l[32];
        snprintf(l, sizeof l, "line %d\n", i);
        strcat(a, l);
        strcat(b, i == 5 ? "five\n" : i == 25 ? "twenty-five\n" : l);
    }
    Buf d;
    buf_init(&d);
    assert_int_equal(linediff_unified(&d, "a", "b", a, strlen(a), b, strlen(b)), 2);
    const char *t = buf_cstr(&d);
    assert_non_null(strstr(t, "@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n"));
    assert_non_null(strstr(t, "@@ -22,7 +22,7 @@\n"));
    buf_free(&d);
    check_pair(a, b);
    /* Changes 6 lines apart share one hunk. */
    buf_init(&d);
    assert_int_equal(linediff_unified(&d, "a", "b", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 18,
                                      "1\nX\n3\n4\n5\n6\n7\n8\nY\n", 18), 1);
    buf_free(&d);
}

static void test_random(void **state)
{
    (void)state;
    srand(12345);
    static const char *words[] = {"a\n", "b\n", "c\n", "d\n", "e\n", "{\n", "}\n", "\n"};
    for (int round = 0; round < 2000; round++) {
        char a[2048] = "", b[2048] = "";
        int na = rand() % 40, nb = rand() % 40;
        for (int i = 0; i < na; i++)
            strcat(a, words[rand() % (round % 2 ? 3 : 8)]);
        /* b: an edited copy of a, or unrelated text */
        if (rand() % 3) {
            const char *p = a;
            while (*p) {
                const char *nl = strchr(p, '\n');
                size_t len = (size_t)(nl - p) + 1;
                int r = rand() % 10;
                if (r == 0)
                    strcat(b, words[rand() % 8]);
                if (r != 1)
                    strncat(b, p, len);
                p += len;
            }
        } else {
            for (int i = 0; i < nb; i++)
                strcat(b, words[rand() % 8]);
        }
        if (rand() % 5 == 0 && strlen(a) > 0)
            a[strlen(a) - 1] = '\0';    /* no newline at the end */
        check_pair(a, b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_equal),
        cmocka_unit_test(test_simple),
        cmocka_unit_test(test_no_newline_at_end),
        cmocka_unit_test(test_hunks_and_context),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
