/*
 * Unit tests for runtime/term.c: the bytes the tracker shows escaped on a
 * terminal (C0 controls, DEL, C1 controls in UTF-8, bytes that are not
 * UTF-8) and the text it passes as it is.
 *
 * Built by the Makefile like every tests/unit/test_*.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "term.h"

static void check(const char *in, size_t n, bool one_line, const char *want)
{
    Buf b;
    buf_init(&b);
    term_escape(&b, in, n, one_line);
    assert_string_equal(buf_cstr(&b), want);
    buf_free(&b);
}

#define CHECK(in, one_line, want) check(in, sizeof in - 1, one_line, want)

static void test_escaped(void **state)
{
    (void)state;
    CHECK("plain text, 100%", false, "plain text, 100%");
    /* An OSC that retitles the window, a CSI that clears the screen. */
    CHECK("a\033]0;pwned\007b", false, "a\\x1b]0;pwned\\x07b");
    CHECK("x\033[2Jy\r", false, "x\\x1b[2Jy\\x0d");
    CHECK("del\177", false, "del\\x7f");
    CHECK("nul\000end", false, "nul\\x00end");
    /* Lines and tabs are kept in output, escaped in a one-line message. */
    CHECK("a\tb\nc", false, "a\tb\nc");
    CHECK("a\tb\nc", true, "a\\x09b\\x0ac");
    /* UTF-8 passes; the C1 control CSI (U+009B) and a lone 0x9B do not. */
    CHECK("Funda\xc3\xa7\xc3\xa3o \xe2\x82\xac \xf0\x9f\x98\x80", false,
          "Funda\xc3\xa7\xc3\xa3o \xe2\x82\xac \xf0\x9f\x98\x80");
    CHECK("a\xc2\x9b" "2Jb", false, "a\\xc2\\x9b2Jb");
    CHECK("a\x9b" "2J", false, "a\\x9b2J");
    CHECK("Latin-1 caf\xe9", false, "Latin-1 caf\\xe9");
    /* Truncated, overlong and surrogate sequences are bytes, escaped. */
    CHECK("\xe2\x82", false, "\\xe2\\x82");
    CHECK("\xc0\xaf", false, "\\xc0\\xaf");
    CHECK("\xed\xa0\x80", false, "\\xed\\xa0\\x80");
}

/* A run of printable bytes is taken 16 at a time: every byte value at
 * every place of a 48-byte line, where it falls in a block or in the
 * tail, is escaped exactly when it must be. */
static void test_runs(void **state)
{
    (void)state;
    char in[48], want[64 + 8];
    for (int one_line = 0; one_line < 2; one_line++)
        for (int c = 0; c < 256; c++)
            for (int at = 0; at < (int)sizeof in; at++) {
                memset(in, 'a', sizeof in);
                in[at] = (char)c;
                bool keep = (c >= 0x20 && c < 0x7F) || (!one_line && (c == '\n' || c == '\t'));
                memset(want, 'a', (size_t)at);
                int n = at;
                if (keep)
                    want[n++] = (char)c;
                else
                    n += snprintf(want + n, 5, "\\x%02x", c);
                memset(want + n, 'a', sizeof in - (size_t)at - 1);
                want[n + (int)sizeof in - at - 1] = '\0';
                check(in, sizeof in, one_line, want);
            }
}

/* term_write writes to the stream what term_escape puts in a buffer. */
static void test_write(void **state)
{
    (void)state;
    Buf in, want;
    buf_init(&in);
    buf_init(&want);
    for (int i = 0; i < 2000; i++)
        buf_printf(&in, "{ \"id\": \"i%d\", \"note\": \"%s\" },\n", i,
                   i % 97 == 0 ? "\033[2J\xc2\x9b caf\xc3\xa9" : "plain");
    term_escape(&want, in.data, in.len, false);
    FILE *f = tmpfile();
    assert_non_null(f);
    term_write(f, in.data, in.len);
    long n = ftell(f);
    assert_int_equal(n, (long)want.len);
    rewind(f);
    char *got = malloc((size_t)n);
    assert_int_equal(fread(got, 1, (size_t)n, f), (size_t)n);
    assert_memory_equal(got, want.data, want.len);
    free(got);
    fclose(f);
    buf_free(&in);
    buf_free(&want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaped),
        cmocka_unit_test(test_runs),
        cmocka_unit_test(test_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
