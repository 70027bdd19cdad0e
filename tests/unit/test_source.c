/*
 * Unit tests for compiler/base/source.c: columns in UTF-16 code units
 * (src_linecol_utf16, 1-based) and the way back from the Language Server
 * Protocol's 0-based positions (src_utf16_offset), on lines with two-,
 * three- and four-byte characters.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "source.h"

/* "é" is 2 bytes and 1 unit, "☕" 3 bytes and 1 unit, "🎒" 4 bytes and 2
 * units (a surrogate pair). */
static const char text[] = "ab\n\xC3\xA9 \xE2\x98\x95 \xF0\x9F\x8E\x92 x\nlast";

static void test_utf16_pos(void **state)
{
    (void)state;
    Arena *a = arena_new();
    SrcMgr sm = {a, {0}};
    uint32_t id = src_add(&sm, "t", text, strlen(text));
    int line, col;
    src_linecol_utf16(&sm, (Span){id, 1, 1}, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 2);
    uint32_t x = (uint32_t)(strchr(text, 'x') - text);
    src_linecol_utf16(&sm, (Span){id, x, x}, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 8);   /* after é, space, ☕, space, 🎒 (2), space */
    uint32_t end = (uint32_t)strlen(text);
    src_linecol_utf16(&sm, (Span){id, end, end}, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 5);
    arena_free(a);
}

static void test_utf16_offset(void **state)
{
    (void)state;
    Arena *a = arena_new();
    SrcMgr sm = {a, {0}};
    uint32_t id = src_add(&sm, "t", text, strlen(text));
    uint32_t x = (uint32_t)(strchr(text, 'x') - text);
    assert_int_equal(src_utf16_offset(&sm, id, 1, 7), x);
    assert_int_equal(src_utf16_offset(&sm, id, 1, 0), 3);
    /* Inside the surrogate pair of 🎒: the character's start, never a
     * continuation byte. */
    uint32_t bag = (uint32_t)(strstr(text, "\xF0") - text);
    assert_int_equal(src_utf16_offset(&sm, id, 1, 4), bag);
    assert_int_equal(src_utf16_offset(&sm, id, 1, 5), bag + 4);
    /* Past the end of a line: its end, before the newline; past the last
     * line: the end of the file. */
    assert_int_equal(src_utf16_offset(&sm, id, 0, 99), 2);
    assert_int_equal(src_utf16_offset(&sm, id, 9, 0), strlen(text));
    assert_int_equal(src_utf16_offset(&sm, id, -1, 0), 0);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_pos),
        cmocka_unit_test(test_utf16_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
