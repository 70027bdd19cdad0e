/*
 * Unit tests for compiler/base/sha256.c.
 *
 * Built by the Makefile like every tests/unit/test_*.c; it tests the code
 * the machine runs (the SHA extensions where the processor has them).  The
 * portable code on such a machine:
 *   gcc -std=c11 -DSHA256_PORTABLE -Icompiler/base tests/unit/test_sha256.c \
 *       compiler/base/sha256.c -lcmocka -o build/test_sha256_portable
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sha256.h"

static void expect_hex(const void *data, size_t len, const char *want)
{
    char hex[SHA256_HEX_SIZE];

    sha256_hex(data, len, hex);
    assert_string_equal(hex, want);
}

/* FIPS 180-4 / NIST example vectors. */
static void test_empty(void **state)
{
    (void)state;
    expect_hex("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect_hex(NULL, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_abc(void **state)
{
    (void)state;
    expect_hex("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_448_bits(void **state)
{
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

    (void)state;
    assert_int_equal(strlen(m) * 8, 448);
    expect_hex(m, strlen(m), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_896_bits(void **state)
{
    const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                    "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

    (void)state;
    assert_int_equal(strlen(m) * 8, 896);
    expect_hex(m, strlen(m), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void **state)
{
    const char *want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    char *m = malloc(1000000);
    char chunk[1000], hex[SHA256_HEX_SIZE];
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_ctx ctx;

    (void)state;
    assert_non_null(m);
    memset(m, 'a', 1000000);
    expect_hex(m, 1000000, want);
    free(m);

    /* The same message streamed in uneven pieces (1, 2, ..., then the rest). */
    memset(chunk, 'a', sizeof chunk);
    sha256_init(&ctx);
    size_t done = 0;
    for (size_t piece = 1; done < 1000000; piece = piece % 997 + 1) {
        size_t take = 1000000 - done < piece ? 1000000 - done : piece;
        sha256_update(&ctx, chunk, take);
        done += take;
    }
    sha256_final(&ctx, digest);
    sha256_to_hex(digest, hex);
    assert_string_equal(hex, want);
}

/* Lengths around the padding boundary (55/56 bytes: one or two final
 * blocks); expected values from an independent implementation. */
static void test_padding_boundaries(void **state)
{
    static const struct {
        size_t n;
        const char *hex;
    } cases[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
    };
    char a[128];

    (void)state;
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        /* one shot, then byte by byte */
        char hex[SHA256_HEX_SIZE];
        uint8_t digest[SHA256_DIGEST_SIZE];
        sha256_ctx ctx;

        expect_hex(a, cases[i].n, cases[i].hex);
        sha256_init(&ctx);
        for (size_t j = 0; j < cases[i].n; j++)
            sha256_update(&ctx, a + j, 1);
        sha256_final(&ctx, digest);
        sha256_to_hex(digest, hex);
        assert_string_equal(hex, cases[i].hex);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),         cmocka_unit_test(test_abc),
        cmocka_unit_test(test_448_bits),      cmocka_unit_test(test_896_bits),
        cmocka_unit_test(test_million_a),     cmocka_unit_test(test_padding_boundaries),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
