/*
 * Unit tests for compiler/base/numtext.c: a number as Charter writes it,
 * in each style the outputs use (JSON, plain, source, the checks'
 * messages, documents, the tracker), with the edges every style shares:
 * zero and its sign, rounding, the switch to "%g" from 1e15, infinities.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "numtext.h"

static char buf[NUM_TEXT_MAX];

static const char *T(double v, NumStyle s)
{
    return num_text(v, s, buf);
}

/* The shortest text that reads back: JSON. */
static void test_exact(void **state)
{
    assert_string_equal(T(2100000, NUM_EXACT), "2100000");
    assert_string_equal(T(0, NUM_EXACT), "0");
    assert_string_equal(T(-0.0, NUM_EXACT), "0");
    assert_string_equal(T(-3, NUM_EXACT), "-3");
    assert_string_equal(T(0.1, NUM_EXACT), "0.1");
    assert_string_equal(T(1.0 / 3, NUM_EXACT), "0.3333333333333333");      /* 16 digits */
    assert_string_equal(T(0.1 + 0.2, NUM_EXACT), "0.30000000000000004");   /* 17 */
    assert_string_equal(T(2997260.2739726026, NUM_EXACT), "2997260.2739726026");
    assert_string_equal(T(1e15, NUM_EXACT), "1e+15");
    assert_string_equal(T(123456789012345, NUM_EXACT), "123456789012345");
}

/* Fifteen significant digits; whole numbers in full. */
static void test_plain_and_source(void **state)
{
    assert_string_equal(T(0.1 + 0.2, NUM_PLAIN), "0.3");
    assert_string_equal(T(10000, NUM_PLAIN), "10000");
    assert_string_equal(T(-2.5, NUM_PLAIN), "-2.5");
    assert_string_equal(T(10000000, NUM_SOURCE), "10_000_000");
    assert_string_equal(T(-1000, NUM_SOURCE), "-1_000");
    assert_string_equal(T(999, NUM_SOURCE), "999");
    assert_string_equal(T(12345.5, NUM_SOURCE), "12345.5");     /* separators on whole numbers only */
    assert_string_equal(T(2.5, NUM_SOURCE), "2.5");
    assert_string_equal(T(1e20, NUM_SOURCE), "1e+20");
}

/* At most two decimals, `_` between thousands; printf's rounding. */
static void test_message(void **state)
{
    assert_string_equal(T(1500000, NUM_MESSAGE), "1_500_000");
    assert_string_equal(T(4989.0123, NUM_MESSAGE), "4_989.01");
    assert_string_equal(T(2.50, NUM_MESSAGE), "2.5");
    assert_string_equal(T(-3, NUM_MESSAGE), "-3");
    assert_string_equal(T(-0.001, NUM_MESSAGE), "0");     /* rounds to zero: no sign */
    assert_string_equal(T(0.125, NUM_MESSAGE), "0.12");   /* the binary value is a half: to even */
    assert_string_equal(T(-2e15, NUM_MESSAGE), "-2e+15");
    assert_string_equal(T(INFINITY, NUM_MESSAGE), "inf");
}

/* At most four decimals, commas; every digit even past 1e15. */
static void test_doc(void **state)
{
    assert_string_equal(T(2000000, NUM_DOC), "2,000,000");
    assert_string_equal(T(2.5, NUM_DOC), "2.5");
    assert_string_equal(T(2.12345, NUM_DOC), "2.1235");
    assert_string_equal(T(-1234.5, NUM_DOC), "-1,234.5");
    assert_string_equal(T(-0.00001, NUM_DOC), "0");
    assert_string_equal(T(1e20, NUM_DOC), "100,000,000,000,000,000,000");
    assert_string_equal(T(-INFINITY, NUM_DOC), "-inf");
    /* The largest double fits the buffer, separators included. */
    assert_true(strlen(T(-1.7976931348623157e308, NUM_DOC)) < NUM_TEXT_MAX);
    assert_int_equal(strlen(buf), 1 + 309 + 102);
}

/* Two decimals below 1,000, none from it, halves away from zero. */
static void test_tracker(void **state)
{
    assert_string_equal(T(2350000, NUM_TRACKER), "2,350,000");
    assert_string_equal(T(2997260.27, NUM_TRACKER), "2,997,260");
    assert_string_equal(T(1.7446, NUM_TRACKER), "1.74");
    assert_string_equal(T(24.5, NUM_TRACKER), "24.5");
    assert_string_equal(T(-1234.5, NUM_TRACKER), "-1,235");
    assert_string_equal(T(7, NUM_TRACKER), "7");
    assert_string_equal(T(0.125, NUM_TRACKER), "0.13");
    assert_string_equal(T(-0.004, NUM_TRACKER), "0");
    assert_string_equal(T(999999999999999.6, NUM_TRACKER), "1e+15");
    assert_string_equal(T(NAN, NUM_TRACKER), "nan");
}

/* num_put and num_str write the same text. */
static void test_put_and_str(void **state)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "x=");
    num_put(&b, 1234567, NUM_SOURCE);
    assert_string_equal(buf_cstr(&b), "x=1_234_567");
    buf_free(&b);
    Arena *a = arena_new();
    assert_string_equal(num_str(a, 1234567, NUM_DOC), "1,234,567");
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact),
        cmocka_unit_test(test_plain_and_source),
        cmocka_unit_test(test_message),
        cmocka_unit_test(test_doc),
        cmocka_unit_test(test_tracker),
        cmocka_unit_test(test_put_and_str),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
