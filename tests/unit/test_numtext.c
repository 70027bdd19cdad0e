/*
 * Unit tests for compiler/base/numtext.c: a number as Charter writes it,
 * in each style the outputs use (JSON, plain, source, the checks'
 * messages, documents, the tracker), with the edges every style shares:
 * zero and its sign, rounding, the switch to "%g" from 1e15, infinities.
 */
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
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

/* What NUM_EXACT must give a number that is not whole: "%.15g", else
 * "%.16g", else "%.17g", the first that strtod reads back as v. */
static const char *exact_by_printf(char *out, double v)
{
    snprintf(out, NUM_TEXT_MAX, "%.15g", v);
    for (int prec = 16; prec <= 17 && strtod(out, NULL) != v; prec++)
        snprintf(out, NUM_TEXT_MAX, "%.*g", prec, v);
    return out;
}

static uint64_t rng = 88172645463325252ull;

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* NUM_EXACT finds a number's 17 digits without printf where it can
 * (128-bit integers): the same text as printf's on numbers of every
 * shape the scorecard makes, and on those whose 18th digit is an exact 5
 * (a tie, rounded to even) or that lie next to a power of ten. */
static void test_exact_as_printf(void **state)
{
    char want[NUM_TEXT_MAX];
    long checked = 0;
    for (int i = 0; i < 40000; i++) {
        double v[8];
        uint64_t bits = next_random();
        v[0] = ldexp((double)((bits >> 11) | (1ull << 52)), (int)(next_random() % 160) - 24 - 52);
        v[1] = (double)(next_random() % 100000000000ull) / pow(10, (double)(next_random() % 12));
        v[2] = ldexp((double)(next_random() % 100000), (int)(next_random() % 120) - 40);
        double p = pow(10, (double)((int)(next_random() % 50) - 10));
        v[3] = nextafter(p, 0);
        v[4] = nextafter(p, INFINITY);
        v[5] = (double)(next_random() % 1000000) / (double)(1 + next_random() % 997) * 3.7;
        v[6] = -v[5];
        v[7] = ldexp((double)(next_random() >> 11), -(int)(next_random() % 1100));
        for (int k = 0; k < 8; k++) {
            if (v[k] == floor(v[k]) && fabs(v[k]) < 1e15)
                continue;   /* whole: digit by digit, test_exact */
            exact_by_printf(want, v[k]);
            if (strcmp(T(v[k], NUM_EXACT), want) != 0)
                fail_msg("%a: %s, printf %s", v[k], buf, want);
            checked++;
        }
    }
    assert_true(checked > 300000);
    assert_string_equal(T(0.1 + 0.2, NUM_EXACT), "0.30000000000000004");
    assert_string_equal(T(1e-7 / 3, NUM_EXACT), "3.3333333333333334e-08");   /* below the range: printf */
    assert_string_equal(T(ldexp(3, -21), NUM_EXACT), "1.430511474609375e-06");
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
        cmocka_unit_test(test_exact_as_printf),
        cmocka_unit_test(test_plain_and_source),
        cmocka_unit_test(test_message),
        cmocka_unit_test(test_doc),
        cmocka_unit_test(test_tracker),
        cmocka_unit_test(test_put_and_str),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
